package campaign

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/wikiwarden/wikiwarden/internal/testwiki"
)

// TestCampaignPatrolled is the campaign as the demo plays it, with the
// real wikiwarden binary patrolling a real wiki after each wave: every
// probe (wherever it sits, however it is spelled) and every spam edit must
// be gone, and every good-faith edit must stand with its editor unblocked:
// the citation to a new domain on a probed page, the neighbour of a lone
// prober citing a site the wiki already cites, and the rest.
func TestCampaignPatrolled(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a MediaWiki")
	}
	t.Parallel()
	bin := filepath.Join(t.TempDir(), "wikiwarden")
	build := exec.Command("go", "build", "-o", bin, "../../cmd/wikiwarden")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build wikiwarden: %v\n%s", err, out)
	}
	tw := testwiki.Start(t)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()

	dir := t.TempDir()
	cfg := filepath.Join(dir, "wikiwarden.yaml")
	yaml := fmt.Sprintf("wiki:\n  api: %s\n  username: %s\nstore:\n  path: wikiwarden.db\n", tw.API, tw.BotUser)
	if err := os.WriteFile(cfg, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	patrol := func() string {
		t.Helper()
		cmd := exec.CommandContext(ctx, bin, "patrol", "--config", cfg, "--once")
		cmd.Env = append(os.Environ(), "WIKIWARDEN_PASSWORD="+tw.BotPassword)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("patrol: %v\n%s", err, out)
		}
		return string(out)
	}

	w := &Wiki{API: tw.API, AdminUser: tw.AdminUser, AdminPassword: tw.AdminPassword}
	c, err := New(w, &State{Seed: 1, Corpus: testCorpus(t)})
	if err != nil {
		t.Fatal(err)
	}
	for _, ph := range Phases {
		if _, err := c.Run(ctx, ph); err != nil {
			t.Fatal(err)
		}
		if ph != PhaseSeed {
			t.Logf("after %s: %s", ph, strings.TrimSpace(patrol()))
		}
	}

	outs, err := c.Report(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range outs {
		if !o.Expected() {
			t.Errorf("%s %s (%s) from %s on %s: %s, blocks %v", o.Phase, o.Kind, o.What, o.IP, o.Title, o.Result(), o.Blocks)
		}
		if o.IP == neighbour && len(o.Blocks) > 0 {
			t.Errorf("the lone prober's neighbour %s is blocked: %v", o.IP, o.Blocks)
		}
	}
	tl := Count(outs)
	if !tl.OK() {
		t.Errorf("tally: %s", tl)
	}
	for _, r := range tl.Ranges {
		if r == "100.64.50.0/24" {
			t.Errorf("the lone prober's /24 is range-blocked: %s", tl)
		}
	}
}
