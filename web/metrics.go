package web

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/wikiwarden/wikiwarden/store"
)

// namespace prefixes every metric.
const namespace = "wikiwarden"

// WikiErrorKinds are the values of the kind label of
// wikiwarden_wiki_errors_total; anything else is counted as "other".
var WikiErrorKinds = []string{"unavailable", "maxlag", "rate_limited", "not_logged_in", "permission", "conflict", "blocked", "other"}

// PassReport is what one patrol pass did, as the service tells Metrics.
type PassReport struct {
	Start    time.Time
	Duration time.Duration
	Read     int // recent changes read
	Reverted int
	Blocked  int
	Errors   int // edits whose action failed
	// Records are the records the pass wrote, for the decision counts.
	Records []store.Record
	// ObserveOnly says why the pass wrote nothing ("" when it could
	// write): the shutoff state.
	ObserveOnly string
	// Summary is the pass's one-line summary.
	Summary string
	// Err is the error that ended the pass early, if any.
	Err error
}

// Metrics are the service's Prometheus metrics and its memory of the last
// pass, which the dashboard and /healthz show. The service calls
// ObservePass after each pass and ObserveWikiError for each failed wiki
// request it sees.
type Metrics struct {
	gatherer     prometheus.Gatherer
	editsRead    prometheus.Counter
	decisions    *prometheus.CounterVec
	reverts      prometheus.Counter
	blocks       prometheus.Counter
	passDuration prometheus.Histogram
	passes       *prometheus.CounterVec
	lastPass     prometheus.Gauge
	shutoff      prometheus.Gauge
	wikiErrors   *prometheus.CounterVec
	modActions   *prometheus.CounterVec
	queueLen     prometheus.Gauge
	bearer       string // the token a scrape must present; "" for none

	queue atomic.Pointer[func(context.Context) (int, error)]

	mu      sync.Mutex
	last    *PassReport
	queueAt time.Time // when a pass last counted the queue
}

// MetricsOptions configure Metrics.
type MetricsOptions struct {
	// WikiRequests, if not nil, is read at each scrape for the wiki
	// request count; it must be cheap (a counter's value).
	WikiRequests func() float64
	// BearerToken, if not empty, is what a scrape must send as
	// "Authorization: Bearer TOKEN"; others get 401.
	BearerToken string
}

// NewMetrics registers the metrics on reg. A scrape reads only values kept
// up to date by the passes and the console's actions: it never reads the
// store, so scraping cannot load the service.
func NewMetrics(reg *prometheus.Registry, opts MetricsOptions) (*Metrics, error) {
	wikiRequests := opts.WikiRequests
	m := &Metrics{
		gatherer: reg,
		bearer:   opts.BearerToken,
		editsRead: prometheus.NewCounter(prometheus.CounterOpts{Namespace: namespace, Name: "edits_read_total",
			Help: "Recent changes read by patrol passes."}),
		decisions: prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: namespace, Name: "decisions_total",
			Help: "Decisions recorded, by verdict and reason code."}, []string{"verdict", "reason"}),
		reverts: prometheus.NewCounter(prometheus.CounterOpts{Namespace: namespace, Name: "reverts_total",
			Help: "Edits the bot reverted."}),
		blocks: prometheus.NewCounter(prometheus.CounterOpts{Namespace: namespace, Name: "blocks_total",
			Help: "Blocks the bot placed."}),
		passDuration: prometheus.NewHistogram(prometheus.HistogramOpts{Namespace: namespace, Name: "pass_duration_seconds",
			Help: "How long patrol passes take.", Buckets: []float64{0.1, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600}}),
		passes: prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: namespace, Name: "passes_total",
			Help: "Patrol passes, by result (ok or error)."}, []string{"result"}),
		lastPass: prometheus.NewGauge(prometheus.GaugeOpts{Namespace: namespace, Name: "last_pass_timestamp_seconds",
			Help: "When the last patrol pass ended, as a Unix time."}),
		shutoff: prometheus.NewGauge(prometheus.GaugeOpts{Namespace: namespace, Name: "shutoff",
			Help: "1 while the bot only observes (shutoff page or dry run), else 0."}),
		wikiErrors: prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: namespace, Name: "wiki_errors_total",
			Help: "Failed wiki requests, by kind."}, []string{"kind"}),
		modActions: prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: namespace, Name: "moderator_actions_total",
			Help: "Moderators' actions in the review console, by action and result (ok or error)."}, []string{"action", "result"}),
	}
	m.queueLen = prometheus.NewGauge(prometheus.GaugeOpts{Namespace: namespace, Name: "review_queue_length",
		Help: "Items waiting for a moderator in the review queue, as of the last pass or moderator's action."})
	cs := []prometheus.Collector{m.editsRead, m.decisions, m.reverts, m.blocks, m.passDuration, m.passes,
		m.lastPass, m.shutoff, m.wikiErrors, m.modActions, m.queueLen}
	if wikiRequests != nil {
		cs = append(cs, prometheus.NewCounterFunc(prometheus.CounterOpts{Namespace: namespace, Name: "wiki_requests_total",
			Help: "HTTP requests made to the wiki, retries and logins included."}, wikiRequests))
	}
	for _, c := range cs {
		if err := reg.Register(c); err != nil {
			return nil, err
		}
	}
	for _, k := range WikiErrorKinds {
		m.wikiErrors.WithLabelValues(k)
	}
	m.passes.WithLabelValues("ok")
	m.passes.WithLabelValues("error")
	return m, nil
}

// Handler serves the metrics in Prometheus's text format, to scrapers that
// present the bearer token when one is set.
func (m *Metrics) Handler() http.Handler {
	h := promhttp.HandlerFor(m.gatherer, promhttp.HandlerOpts{})
	if m.bearer == "" {
		return h
	}
	want := sha256.Sum256([]byte("Bearer " + m.bearer))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got := sha256.Sum256([]byte(r.Header.Get("Authorization")))
		if subtle.ConstantTimeCompare(got[:], want[:]) != 1 {
			w.Header().Set("WWW-Authenticate", `Bearer realm="wikiwarden metrics"`)
			http.Error(w, "bearer token required", http.StatusUnauthorized)
			return
		}
		h.ServeHTTP(w, r)
	})
}

// ObservePass records one pass.
func (m *Metrics) ObservePass(p PassReport) {
	m.editsRead.Add(float64(p.Read))
	m.reverts.Add(float64(p.Reverted))
	m.blocks.Add(float64(p.Blocked))
	m.passDuration.Observe(p.Duration.Seconds())
	result := "ok"
	if p.Err != nil {
		result = "error"
	}
	m.passes.WithLabelValues(result).Inc()
	m.lastPass.Set(float64(p.Start.Add(p.Duration).Unix()))
	if p.ObserveOnly != "" {
		m.shutoff.Set(1)
	} else {
		m.shutoff.Set(0)
	}
	for _, r := range p.Records {
		if len(r.Why) == 0 {
			m.decisions.WithLabelValues(string(r.Verdict), "").Inc()
		}
		for _, w := range r.Why {
			m.decisions.WithLabelValues(string(r.Verdict), string(w)).Inc()
		}
	}
	p.Records = nil // not kept
	m.mu.Lock()
	m.last = &p
	due := p.Start.Sub(m.queueAt) >= queueEvery || p.Start.Before(m.queueAt)
	if due {
		m.queueAt = p.Start
	}
	m.mu.Unlock()
	if due {
		m.refreshQueue()
	}
}

// queueEvery is how often passes recount the review queue: a service
// patrolling continuously passes every second, and a count reads every
// record of the look-up window.
const queueEvery = 30 * time.Second

// ObserveWikiError counts a failed wiki request of kind, one of
// WikiErrorKinds.
func (m *Metrics) ObserveWikiError(kind string) {
	known := false
	for _, k := range WikiErrorKinds {
		known = known || k == kind
	}
	if !known {
		kind = "other"
	}
	m.wikiErrors.WithLabelValues(kind).Inc()
}

// LastPass returns the last pass observed, if any.
func (m *Metrics) LastPass() (PassReport, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.last == nil {
		return PassReport{}, false
	}
	return *m.last, true
}

func (m *Metrics) moderatorAction(action string, err error) {
	result := "ok"
	if err != nil {
		result = "error"
	}
	m.modActions.WithLabelValues(action, result).Inc()
}

// setQueue sets how the queue is counted, and counts it.
func (m *Metrics) setQueue(f func(context.Context) (int, error)) {
	m.queue.Store(&f)
	m.refreshQueue()
}

// refreshQueue counts the review queue once and sets its gauge: after a
// pass and after a moderator's action, never on a scrape.
func (m *Metrics) refreshQueue() {
	f := m.queue.Load()
	if f == nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	n, err := (*f)(ctx)
	if err != nil {
		m.queueLen.Set(-1)
		return
	}
	m.queueLen.Set(float64(n))
}
