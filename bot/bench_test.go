package bot_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sirupsen/logrus/hooks/test"

	"github.com/wikiwarden/wikiwarden/bot"
	"github.com/wikiwarden/wikiwarden/internal/campaign"
	"github.com/wikiwarden/wikiwarden/internal/testwiki"
	"github.com/wikiwarden/wikiwarden/mediawiki"
	"github.com/wikiwarden/wikiwarden/mwsite"
	"github.com/wikiwarden/wikiwarden/store"
)

// backlog is how many anonymous edits BenchmarkPatrolBacklog patrols.
const backlog = 1000

// BenchmarkPatrolBacklog measures one patrol pass (what `wikiwarden patrol
// --once` runs) over a backlog of 1,000 anonymous edits on a real MediaWiki,
// one in ten of them a probe the pass reverts. It reports edits per second
// and the API requests the pass made (api_requests/pass), which shows the
// batching: far fewer requests than edits, and the requests of the first
// start's model learning (learning_requests). The wiki's own access log
// counts the pass's requests too (server_logged_requests/pass). Run it with -benchtime=1x; each
// iteration builds a fresh wiki and backlog outside the timer.
func BenchmarkPatrolBacklog(b *testing.B) {
	var edits, seconds, requests, learning, logged float64
	for b.Loop() {
		b.StopTimer()
		ctx := context.Background()
		w := testwiki.Start(b)
		var titles []string
		files, _ := filepath.Glob(filepath.Join("..", "testdata", "corpus", "wikitext", "a*.txt"))
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
		cw := &campaign.Wiki{API: w.API, AdminUser: w.AdminUser, AdminPassword: w.AdminPassword}
		if _, err := cw.Bulk(ctx, backlog, campaign.BulkOptions{Titles: titles, Seed: 1}); err != nil {
			b.Fatal(err)
		}
		mw, err := mediawiki.New(mediawiki.Options{API: w.API, UserAgent: "wikiwarden-bench", Username: w.BotUser, Password: w.BotPassword, Maxlag: 5})
		if err != nil {
			b.Fatal(err)
		}
		if err := mw.Login(ctx); err != nil {
			b.Fatal(err)
		}
		st, err := store.Open(filepath.Join(b.TempDir(), "ww.db"), store.Options{})
		if err != nil {
			b.Fatal(err)
		}
		log, _ := test.NewNullLogger()
		site := mwsite.New(mw, mwsite.Options{SummaryPrefix: "wikiwarden:", ShutoffPage: "User:Warden/Run", TrustedGroups: []string{"sysop", "bot"}}, log)
		p, err := bot.New(defaultOptions(), site, st, log)
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
		served := w.Requests()
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
		b.Logf("pass: %s in %v", sum, elapsed.Round(time.Millisecond))
		edits += float64(sum.Scored)
		seconds += elapsed.Seconds()
		requests += float64(mw.Requests() - before)
		logged += float64(w.Requests() - served)
		st.Close()
		b.StartTimer()
	}
	b.ReportMetric(edits/seconds, "edits/s")
	b.ReportMetric(requests/float64(b.N), "api_requests/pass")
	b.ReportMetric(edits/float64(b.N), "edits/pass")
	b.ReportMetric(learning/float64(b.N), "learning_requests")
	b.ReportMetric(logged/float64(b.N), "server_logged_requests/pass")
}
