package bot_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sirupsen/logrus/hooks/test"

	"github.com/wikiwarden/wikiwarden/bot"
	"github.com/wikiwarden/wikiwarden/internal/campaign"
	"github.com/wikiwarden/wikiwarden/internal/testcorpus"
	"github.com/wikiwarden/wikiwarden/internal/testwiki"
	"github.com/wikiwarden/wikiwarden/mediawiki"
	"github.com/wikiwarden/wikiwarden/mwsite"
	"github.com/wikiwarden/wikiwarden/store"
)

// backlog is how many anonymous edits BenchmarkPatrolBacklog patrols.
const backlog = 1000

// BenchmarkPatrolBacklog measures one patrol pass (what `wikiwarden patrol
// --once` runs) over a backlog of 1,000 good-faith anonymous edits on 20
// real articles of a real MediaWiki, side by side with a bare client on the
// same wiki and backlog: recent changes plus the text before and after
// every edit, in batches of 50 (bare_s, bare_requests). ratio is the
// pass's rate over the bare client's (goal ≥ 0.8); requests/10edits the
// pass's API requests per 10 edits read (goal ≤ 1). The wiki's own access
// log counts the pass's requests too (server_logged_requests/pass), and
// the first start's model learning is done, and counted, before the timed
// pass (learning_requests).
//
// The real command is measured too, as cron runs it: `wikiwarden patrol
// --once` built afresh, run once before the backlog (it learns the wiki's
// model and compiles the dictionaries, as any first run does), then timed
// from process start to exit over the backlog (binary_s, binary_ratio:
// goal ≥ 0.8) with every request the wiki logged, login included
// (binary_requests: goal ≤ bare_requests + 5).
//
// Run it with -benchtime=1x (make bench-wiki); each iteration builds a
// fresh wiki and backlog outside the timer. BENCH_PROBE_EVERY=10 makes one
// edit in ten a probe.
func BenchmarkPatrolBacklog(b *testing.B) {
	var edits, seconds, bareSeconds, requests, bareRequests, learning, logged float64
	var binSeconds, binRequests float64
	probeEvery := -1
	if v, err := strconv.Atoi(os.Getenv("BENCH_PROBE_EVERY")); err == nil {
		probeEvery = v
	}
	bin := filepath.Join(b.TempDir(), "wikiwarden")
	if out, err := exec.Command("go", "build", "-o", bin, "../cmd/wikiwarden").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v: %s", err, out)
	}
	for b.Loop() {
		b.StopTimer()
		ctx := context.Background()
		w := testwiki.Start(b)
		var titles []string
		files, _ := filepath.Glob(filepath.Join(testcorpus.Require(b, testcorpus.WikitextDir), "a*.txt"))
		for _, f := range files[:20] {
			text, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			title := strings.TrimSuffix(filepath.Base(f), ".txt")
			if _, err := w.AdminEdit(ctx, title, string(text), "seed"); err != nil {
				b.Fatal(err)
			}
			titles = append(titles, title)
		}
		if _, err := w.AdminEdit(ctx, "User:Warden/Run", "true", ""); err != nil {
			b.Fatal(err)
		}
		// The command's first run, before the backlog: what cron's first
		// run of any wiki does once.
		dir := b.TempDir()
		cfg := filepath.Join(dir, "wikiwarden.yaml")
		yaml := fmt.Sprintf("wiki:\n  api: %s\n  username: %s\n  contact: User:Admin\nstore:\n  path: %s\ndetectors:\n  dict_cache: %s\n",
			w.API, w.BotUser, filepath.Join(dir, "ww.db"), filepath.Join(dir, "cache"))
		if err := os.WriteFile(cfg, []byte(yaml), 0o600); err != nil {
			b.Fatal(err)
		}
		patrolOnce := func() time.Duration {
			cmd := exec.Command(bin, "patrol", "--once", "--config", cfg)
			cmd.Env = append(os.Environ(), "WIKIWARDEN_PASSWORD="+w.BotPassword)
			start := time.Now()
			out, err := cmd.CombinedOutput()
			el := time.Since(start)
			if err != nil {
				b.Fatalf("patrol --once: %v: %s", err, out)
			}
			return el
		}
		patrolOnce()
		since := time.Now().Add(-time.Second)
		cw := &campaign.Wiki{API: w.API, AdminUser: w.AdminUser, AdminPassword: w.AdminPassword}
		if _, err := cw.Bulk(ctx, backlog, campaign.BulkOptions{Titles: titles, Seed: 1, ProbeEvery: probeEvery}); err != nil {
			b.Fatal(err)
		}
		login := func() *mediawiki.Client {
			mw, err := mediawiki.New(mediawiki.Options{API: w.API, UserAgent: "wikiwarden-bench", Username: w.BotUser, Password: w.BotPassword, Maxlag: 5})
			if err != nil {
				b.Fatal(err)
			}
			if err := mw.Login(ctx); err != nil {
				b.Fatal(err)
			}
			return mw
		}
		// The bare client: once to warm the wiki's caches, then timed.
		bare := login()
		for i := range 2 {
			before := bare.Requests()
			start := time.Now()
			n, err := bareRead(ctx, bare, since)
			el := time.Since(start)
			if err != nil {
				b.Fatal(err)
			}
			if i == 1 {
				b.Logf("bare client: %d edits in %v, %d requests", n, el.Round(time.Millisecond), bare.Requests()-before)
				bareSeconds += el.Seconds()
				bareRequests += float64(bare.Requests() - before)
			}
		}

		served := w.Requests()
		el := patrolOnce()
		b.Logf("wikiwarden patrol --once: %v, %d requests", el.Round(time.Millisecond), w.Requests()-served)
		binSeconds += el.Seconds()
		binRequests += float64(w.Requests() - served)

		mw := login()
		st, err := store.Open(filepath.Join(b.TempDir(), "ww.db"), store.Options{})
		if err != nil {
			b.Fatal(err)
		}
		log, _ := test.NewNullLogger()
		site := mwsite.New(mw, mwsite.Options{SummaryPrefix: "wikiwarden:", ShutoffPage: "User:Warden/Run", TrustedGroups: []string{"sysop", "bot"}}, log)
		opts := defaultOptions()
		opts.Lookback = time.Since(since)
		p, err := bot.New(opts, site, st, log)
		if err != nil {
			b.Fatal(err)
		}
		// The first start's learning (sampled pages, external links) is
		// done before the timed pass and counted on its own.
		before := mw.Requests()
		if err := p.RefreshModel(ctx); err != nil {
			b.Fatal(err)
		}
		learning += float64(mw.Requests() - before)
		before = mw.Requests()
		served = w.Requests()
		start := time.Now()
		b.StartTimer()
		sum, err := p.Pass(ctx)
		b.StopTimer()
		elapsed := time.Since(start)
		if err != nil {
			b.Fatal(err)
		}
		if sum.Scored < backlog {
			b.Fatalf("pass scored %d edits, want %d: %s", sum.Scored, backlog, sum)
		}
		b.Logf("pass: %s in %v, %d requests", sum, elapsed.Round(time.Millisecond), mw.Requests()-before)
		edits += float64(sum.Read)
		seconds += elapsed.Seconds()
		requests += float64(mw.Requests() - before)
		logged += float64(w.Requests() - served)
		st.Close()
		b.StartTimer()
	}
	b.ReportMetric(edits/seconds, "edits/s")
	b.ReportMetric(seconds/float64(b.N), "pass_s")
	b.ReportMetric(bareSeconds/float64(b.N), "bare_s")
	b.ReportMetric(bareSeconds/seconds, "ratio")
	b.ReportMetric(requests/float64(b.N), "api_requests/pass")
	b.ReportMetric(10*requests/edits, "requests/10edits")
	b.ReportMetric(bareRequests/float64(b.N), "bare_requests")
	b.ReportMetric(edits/float64(b.N), "edits/pass")
	b.ReportMetric(learning/float64(b.N), "learning_requests")
	b.ReportMetric(logged/float64(b.N), "server_logged_requests/pass")
	b.ReportMetric(binSeconds/float64(b.N), "binary_s")
	b.ReportMetric(bareSeconds/binSeconds, "binary_ratio")
	b.ReportMetric(binRequests/float64(b.N), "binary_requests")
}

// bareRead is the bare client's work on a backlog: the recent changes from
// since on, and the text before and after every edit, 50 revisions a
// request. It returns how many edits it read.
func bareRead(ctx context.Context, mw *mediawiki.Client, since time.Time) (int, error) {
	changes, err := mw.RecentChanges(ctx, since, 0)
	if err != nil {
		return 0, err
	}
	var ids []int64
	for _, c := range changes {
		ids = append(ids, c.RevID)
		if c.OldRevID != 0 {
			ids = append(ids, c.OldRevID)
		}
	}
	revs, err := mw.Revisions(ctx, ids)
	if err != nil {
		return 0, err
	}
	if len(revs) == 0 {
		return 0, fmt.Errorf("no revisions")
	}
	return len(changes), nil
}
