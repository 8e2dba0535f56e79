package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/wikiwarden/wikiwarden/internal/forumcampaign"
	"github.com/wikiwarden/wikiwarden/internal/testforum"
)

// runForum plays a phase of the forum wave, or reports on it.
func runForum(ctx context.Context, o options, stdout io.Writer) error {
	f, err := testforum.Load(filepath.Dir(o.env))
	if err != nil {
		return err
	}
	var st *forumcampaign.State
	if o.phase == string(forumcampaign.PhaseSeed) {
		var cross netip.Addr
		if o.crossIP != "" {
			if cross, err = netip.ParseAddr(o.crossIP); err != nil {
				return usageError{fmt.Errorf("--cross-ip: %w", err)}
			}
		}
		st = forumcampaign.New(forumcampaign.Options{Seed: o.seed, CrossIP: cross})
	} else if st, err = forumcampaign.LoadState(o.state); errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("no forum wave state in %s: run --forum --phase seed first", o.state)
	} else if err != nil {
		return err
	}
	switch o.phase {
	case "seed", "probe", "return":
		posts, err := st.Run(ctx, f, forumcampaign.Phase(o.phase))
		if serr := st.Save(o.state); err == nil {
			err = serr
		}
		if o.phase == "seed" && err == nil {
			fmt.Fprintf(stdout, "%s opened 2 topics and the off-switch topic %d (its first line says \"true\"); 2 accounts registered\n", f.AdminUser, st.SwitchTID)
		}
		if len(posts) > 0 {
			tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "KIND\tIP\tAUTHOR\tTOPIC\tPOST\tTEXT")
			for _, p := range posts {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", p.Kind, p.IP, p.Author, clip(topicName(p), 28), p.What, clip(p.Text, 50))
			}
			tw.Flush()
		}
		return err
	case "report":
		return forumReport(ctx, st, f, stdout)
	}
	return usageError{fmt.Errorf("unknown forum phase %q: want seed, probe, return or report", o.phase)}
}

func topicName(p forumcampaign.Post) string {
	if p.NewTopic {
		return "new: " + p.Topic
	}
	return p.Topic
}

func forumReport(ctx context.Context, st *forumcampaign.State, f *testforum.Forum, stdout io.Writer) error {
	outs, err := st.Report(ctx, f)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "PHASE\tKIND\tIP\tAUTHOR\tTOPIC\tPOST\tOUTCOME\tBLOCKED (BLACKLIST/BAN)")
	bad := 0
	for _, o := range outs {
		blocked := append([]string(nil), o.Blocks...)
		if o.Banned {
			blocked = append(blocked, "account banned")
		}
		cell := "-"
		if len(blocked) > 0 {
			cell = strings.Join(blocked, ", ")
		}
		if !o.Expected() {
			bad++
			switch {
			case o.Kind != forumcampaign.KindGood:
				cell += "  <- should have been removed"
			case o.Removed:
				cell += "  <- good post, should have been left alone"
			default:
				cell += "  <- good author blocked"
			}
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", o.Phase, o.Kind, o.IP, o.Author, clip(topicName(o.Post), 28), o.What, o.Result(), cell)
	}
	tw.Flush()
	fmt.Fprintln(stdout)
	fmt.Fprintln(stdout, forumcampaign.Count(outs))
	if bad > 0 {
		return fmt.Errorf("%d of %d forum posts not handled as expected", bad, len(outs))
	}
	return nil
}
