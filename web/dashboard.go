package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/wikiwarden/wikiwarden/decision"
	"github.com/wikiwarden/wikiwarden/store"
)

// Counts are what happened in a period.
type Counts struct {
	Probes  int `json:"probes"`
	Spam    int `json:"spam"`
	Reverts int `json:"reverts"`
	Blocks  int `json:"blocks"`
}

func (c *Counts) add(r store.Record) {
	switch r.Verdict {
	case decision.VerdictProbe:
		c.Probes++
	case decision.VerdictFollowUpSpam, decision.VerdictLinkSpam:
		c.Spam++
	}
	if reverted(r) {
		c.Reverts++
	}
	if r.BlockTarget != "" {
		c.Blocks++
	}
}

// chartDays is how many days the dashboard's chart shows.
const chartDays = 14

// bar is one bar of the SVG chart, in its coordinates.
type bar struct {
	X, Y, W, H int
	Class      string
	Title      string
}

// chart is the server-rendered SVG bar chart: per day, probes, spam,
// reverts and blocks side by side.
type chart struct {
	Width, Height int
	Bars          []bar
	Labels        []struct {
		X    int
		Text string
	}
	Max int
}

func buildChart(days []Counts, first time.Time) chart {
	const (
		width, height, top, bottom = 700, 220, 10, 30
		group                      = width / chartDays
		bw                         = (group - 6) / 4
	)
	c := chart{Width: width, Height: height, Max: 1}
	for _, d := range days {
		c.Max = max(c.Max, d.Probes, d.Spam, d.Reverts, d.Blocks)
	}
	plot := height - top - bottom
	for i, d := range days {
		day := first.AddDate(0, 0, i)
		for j, v := range []struct {
			n           int
			class, name string
		}{{d.Probes, "probe", "probes"}, {d.Spam, "spam", "spam"}, {d.Reverts, "revert", "reverts"}, {d.Blocks, "block", "blocks"}} {
			h := v.n * plot / c.Max
			c.Bars = append(c.Bars, bar{X: i*group + 3 + j*bw, Y: top + plot - h, W: bw - 1, H: h, Class: v.class,
				Title: fmt.Sprintf("%s: %d %s", day.Format("Jan 2"), v.n, v.name)})
		}
		if i%2 == 0 {
			c.Labels = append(c.Labels, struct {
				X    int
				Text string
			}{i*group + group/2, day.Format("Jan 2")})
		}
	}
	return c
}

// Mistakes are the bot's mistakes as the site's own people see them: the
// editors it told why it reverted them, the reverts they (or others)
// reported as mistakes, and what moderators decided. Restored over
// Reported is the false-positive rate among the reports.
type Mistakes struct {
	Told     int `json:"editors_told"`
	Reported int `json:"reported"`
	ByEditor int `json:"reported_by_editor"`
	Restored int `json:"restored"`
	Kept     int `json:"kept"`
	Open     int `json:"open"`
}

func (m *Mistakes) add(c Mistakes) {
	m.Told += c.Told
	m.Reported += c.Reported
	m.ByEditor += c.ByEditor
	m.Restored += c.Restored
	m.Kept += c.Kept
	m.Open += c.Open
}

// RestoredShare is the restored reports as a percentage of the reports,
// "" when there are none.
func (m Mistakes) RestoredShare() string {
	if m.Reported == 0 {
		return ""
	}
	return fmt.Sprintf("%.0f%%", 100*float64(m.Restored)/float64(m.Reported))
}

// SiteCounts are one site's counts on the dashboard.
type SiteCounts struct {
	Site     string   `json:"site"`
	Kind     string   `json:"kind"`
	Day      Counts   `json:"day"`
	Week     Counts   `json:"week"`
	Waiting  int      `json:"waiting"`
	Mistakes Mistakes `json:"mistakes"`
	// Learned is what the site's own spam layer learned from: the bot's
	// reverts of spam and the moderators' decisions.
	Learned     store.SpamLearned `json:"learned"`
	ShutoffPage string            `json:"-"`
	URL         string            `json:"-"`
}

func (s *server) dashboard(w http.ResponseWriter, r *http.Request) {
	sites, err := s.scope(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	now := s.opts.Now().UTC()
	first := now.Truncate(24*time.Hour).AddDate(0, 0, -(chartDays - 1))
	var day, week Counts
	days := make([]Counts, chartDays)
	var per []SiteCounts
	for _, st := range sites {
		recs, err := st.Store.Records(r.Context(), store.Query{Since: first})
		if err != nil {
			s.fail(w, r, err)
			return
		}
		sc := SiteCounts{Site: st.Name, Kind: st.Kind, ShutoffPage: st.ShutoffPage, URL: st.URL}
		for _, rec := range recs {
			if i := int(rec.Time.Sub(first) / (24 * time.Hour)); i >= 0 && i < chartDays {
				days[i].add(rec)
			}
			if now.Sub(rec.Time) <= 24*time.Hour {
				day.add(rec)
				sc.Day.add(rec)
			}
			if now.Sub(rec.Time) <= 7*24*time.Hour {
				week.add(rec)
				sc.Week.add(rec)
			}
		}
		q, _, err := s.queued(r.Context(), []*Site{st})
		if err != nil {
			s.fail(w, r, err)
			return
		}
		sc.Waiting = len(q)
		mc, err := st.Store.MistakeCounts(r.Context())
		if err != nil {
			s.fail(w, r, err)
			return
		}
		sc.Mistakes = Mistakes{Told: mc.Notified, Reported: mc.Reported, ByEditor: mc.ByEditor, Restored: mc.Restored, Kept: mc.Kept, Open: mc.Open}
		if sc.Learned, err = st.Store.SpamLearned(r.Context()); err != nil {
			s.fail(w, r, err)
			return
		}
		per = append(per, sc)
	}
	waiting := 0
	var mistakes Mistakes
	for _, sc := range per {
		waiting += sc.Waiting
		mistakes.add(sc.Mistakes)
	}
	data := map[string]any{"Day": day, "Week": week, "Waiting": waiting, "Chart": buildChart(days, first), "PerSite": per, "Mistakes": mistakes}
	api := map[string]any{"day": day, "week": week, "waiting": waiting, "sites": per, "mistakes": mistakes}
	if s.deps.Metrics != nil {
		if p, ok := s.deps.Metrics.LastPass(); ok {
			data["LastPass"] = p
			lp := map[string]any{"start": p.Start, "duration_seconds": p.Duration.Seconds(), "summary": p.Summary, "observe_only": p.ObserveOnly}
			if p.Err != nil {
				data["LastPassError"] = p.Err.Error()
				lp["error"] = p.Err.Error()
			}
			api["last_pass"] = lp
		}
	}
	s.respond(w, r, "dashboard", data, api)
}

// healthCache remembers the wiki check for a while, so a tight health
// probe does not become load on the wiki.
type healthCache struct {
	mu   sync.Mutex
	at   time.Time
	err  error
	have bool
}

// healthTTL is how long a wiki check is reused.
const healthTTL = 15 * time.Second

func (s *server) wikiReachable(ctx context.Context) error {
	h := &s.health
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.have && s.opts.Now().Sub(h.at) < healthTTL {
		return h.err
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	var errs []error
	for _, st := range s.siteList() {
		if err := st.Port.Reachable(ctx); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", st.Name, err))
		}
	}
	h.err, h.at, h.have = errors.Join(errs...), s.opts.Now(), true
	return h.err
}

// healthz answers 200 while the service can do its work (the store reads),
// and 503 when it cannot; the wiki's state and the last pass are reported
// either way. It shows no personal data.
func (s *server) healthz(w http.ResponseWriter, r *http.Request) {
	out := map[string]any{"status": "ok", "store": "ok", "wiki": "ok"}
	code := http.StatusOK
	if _, err := s.siteList()[0].Store.Cursor(r.Context()); err != nil && err != store.ErrNotFound {
		out["store"], out["status"], code = "error", "error", http.StatusServiceUnavailable
		s.log.WithError(err).Error("health: store")
	}
	if err := s.wikiReachable(r.Context()); err != nil {
		out["wiki"] = "unreachable"
		if code == http.StatusOK {
			out["status"] = "degraded"
		}
	}
	if s.deps.Metrics != nil {
		if p, ok := s.deps.Metrics.LastPass(); ok {
			lp := map[string]any{"time": p.Start.Add(p.Duration), "result": "ok", "observe_only": p.ObserveOnly != ""}
			if p.Err != nil {
				lp["result"] = "error"
			}
			out["last_pass"] = lp
		}
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, code, out)
}
