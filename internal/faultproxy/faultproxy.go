// Package faultproxy is a reverse proxy that puts an operator's bad day
// between a client and a real MediaWiki: 5xx answers, answers held past the
// client's timeout, maxlag, malformed and empty JSON, connection resets,
// lost session cookies, writes the wiki carried out whose answer never
// arrived, and one page whose writes always fail.
//
// A fake wiki could produce these too, but only a real one shows what the
// client's recovery does to the wiki: whether a retried write is doubled, a
// fresh login accepted, a lost block found again. Tests start a wiki with
// internal/testwiki, a Proxy in front of it, and point the client at
// Proxy.API. Faults are rules: the first rule whose matcher accepts a
// request, and that has uses left, decides what happens to it; a request no
// rule takes is passed through unchanged.
package faultproxy

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"log"
	"math/rand/v2"
	"mime"
	"mime/multipart"
	"net"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strings"
	"sync"
	"time"
)

// Fault is what the proxy does to a request.
type Fault int

// The faults. Those that forward the request let the wiki act on it.
const (
	// Pass forwards the request and its answer unchanged.
	Pass Fault = iota
	// Status500 answers HTTP 500 with an HTML page, without forwarding.
	Status500
	// Status503 answers HTTP 503 with an HTML page, without forwarding.
	Status503
	// Hold forwards the request, then keeps the answer until the client
	// gives up (its timeout) or HoldFor passes, whichever is first.
	Hold
	// Maxlag answers MediaWiki's maxlag error (X-Database-Lag, Retry-After
	// and the JSON error), without forwarding.
	Maxlag
	// Malformed answers HTTP 200 with JSON cut off in the middle, without
	// forwarding.
	Malformed
	// Empty answers HTTP 200 with an empty body, without forwarding.
	Empty
	// Reset closes the connection with a TCP reset, without forwarding.
	Reset
	// DropSession forwards the request without its session cookies (those
	// whose names end in "session", as MediaWiki's "<prefix>_session" and
	// "<prefix>_BPsession" do), as a cache or proxy that loses them would.
	DropSession
	// LoseAnswer forwards the request, lets the wiki carry it out, then
	// closes the connection with a TCP reset instead of answering.
	LoseAnswer
)

var faultNames = [...]string{"pass", "500", "503", "hold", "maxlag", "malformed", "empty", "reset", "drop-session", "lose-answer"}

// String names the fault, for test logs.
func (f Fault) String() string {
	if int(f) < len(faultNames) {
		return faultNames[f]
	}
	return fmt.Sprintf("Fault(%d)", int(f))
}

// Request is what a matcher sees of a request: its method and its API
// parameters, from the query string and the form body alike.
type Request struct {
	Method string
	Params url.Values
}

// Matcher selects requests.
type Matcher func(Request) bool

// Any matches every request.
func Any() Matcher { return func(Request) bool { return true } }

// Action matches requests with action=a ("query", "edit", "rollback", ...).
func Action(a string) Matcher {
	return func(r Request) bool { return r.Params.Get("action") == a }
}

// Param matches requests whose parameter k is v.
func Param(k, v string) Matcher {
	return func(r Request) bool { return r.Params.Get(k) == v }
}

// Write matches requests that change the wiki: POSTs carrying a token,
// except the login itself.
func Write() Matcher {
	return func(r Request) bool {
		return r.Method == http.MethodPost && r.Params.Has("token") && r.Params.Get("action") != "login"
	}
}

// WriteTo matches writes to the page title (exactly as sent).
func WriteTo(title string) Matcher {
	w := Write()
	return func(r Request) bool { return w(r) && r.Params.Get("title") == title }
}

// And matches requests all of ms match.
func And(ms ...Matcher) Matcher {
	return func(r Request) bool {
		for _, m := range ms {
			if !m(r) {
				return false
			}
		}
		return true
	}
}

// Rule applies Fault to requests Match accepts, Times times (0: always).
// With a Rate it applies to that share of them, drawn at random (the
// light, steady faults of a flaky network or proxy); a request the draw
// spares goes on to the next rule.
type Rule struct {
	Match Matcher
	Fault Fault
	Times int
	Rate  float64 // 0 < Rate < 1: the share of matching requests; else all
}

// Seen is one request the proxy handled, with the fault it applied.
type Seen struct {
	Request
	Fault Fault
}

// Options configures a Proxy.
type Options struct {
	// HoldFor bounds a Hold; 0 means 2 minutes.
	HoldFor time.Duration
	// Seed seeds the draws of rules with a Rate, so a test's faults are
	// the same at every run.
	Seed uint64
}

// Proxy is a running fault proxy on 127.0.0.1. Its methods are safe for
// concurrent use.
type Proxy struct {
	// API is the wiki's api.php URL as seen through the proxy.
	API string

	target  *url.URL
	rp      *httputil.ReverseProxy
	srv     *http.Server
	ln      net.Listener
	holdFor time.Duration
	done    chan struct{} // closed by Close: ends holds
	wg      sync.WaitGroup

	mu    sync.Mutex
	rng   *rand.Rand
	rules []*ruleState
	seen  []Seen
}

type ruleState struct {
	Rule
	used int
}

// Start starts a proxy in front of api, the URL of a wiki's api.php, on a
// free port of 127.0.0.1. Close stops it.
func Start(api string, opts Options) (*Proxy, error) {
	target, err := url.Parse(api)
	if err != nil {
		return nil, fmt.Errorf("faultproxy: %w", err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("faultproxy: %w", err)
	}
	p := &Proxy{
		API:     "http://" + ln.Addr().String() + target.Path,
		target:  target,
		ln:      ln,
		holdFor: opts.HoldFor,
		done:    make(chan struct{}),
		rng:     rand.New(rand.NewPCG(opts.Seed, opts.Seed^0x9e3779b97f4a7c15)),
	}
	if p.holdFor <= 0 {
		p.holdFor = 2 * time.Minute
	}
	base := &url.URL{Scheme: target.Scheme, Host: target.Host}
	p.rp = &httputil.ReverseProxy{
		Rewrite: func(pr *httputil.ProxyRequest) {
			pr.SetURL(base)
			pr.Out.Host = target.Host
		},
		// Clients that give up mid-answer are the point, not news.
		ErrorLog: log.New(io.Discard, "", 0),
	}
	p.srv = &http.Server{Handler: p, ReadHeaderTimeout: 10 * time.Second, ErrorLog: log.New(io.Discard, "", 0)}
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		_ = p.srv.Serve(ln) // returns http.ErrServerClosed on Close
	}()
	return p, nil
}

// Close stops the proxy, ending holds and open connections.
func (p *Proxy) Close() error {
	close(p.done)
	err := p.srv.Close()
	p.wg.Wait()
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	return err
}

// Add appends rules; earlier rules take precedence.
func (p *Proxy) Add(rules ...Rule) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, r := range rules {
		p.rules = append(p.rules, &ruleState{Rule: r})
	}
}

// Clear removes every rule: the proxy passes everything from now on.
func (p *Proxy) Clear() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.rules = nil
}

// Seen returns the requests handled so far that m matches (nil: all).
func (p *Proxy) Seen(m Matcher) []Seen {
	p.mu.Lock()
	defer p.mu.Unlock()
	var out []Seen
	for _, s := range p.seen {
		if m == nil || m(s.Request) {
			out = append(out, s)
		}
	}
	return out
}

// Count returns how many requests m matched so far (nil: all).
func (p *Proxy) Count(m Matcher) int { return len(p.Seen(m)) }

// pick returns the fault for req and records it.
func (p *Proxy) pick(req Request) Fault {
	p.mu.Lock()
	defer p.mu.Unlock()
	f := Pass
	for _, r := range p.rules {
		if (r.Times == 0 || r.used < r.Times) && (r.Match == nil || r.Match(req)) {
			if r.Rate > 0 && r.Rate < 1 && p.rng.Float64() >= r.Rate {
				continue
			}
			r.used++
			f = r.Fault
			break
		}
	}
	p.seen = append(p.seen, Seen{Request: req, Fault: f})
	return f
}

// ServeHTTP implements http.Handler.
func (p *Proxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	req, err := readRequest(r)
	if err != nil {
		http.Error(w, "faultproxy: "+err.Error(), http.StatusBadRequest)
		return
	}
	switch p.pick(req) {
	case Pass:
		p.rp.ServeHTTP(w, r)
	case Status500:
		http.Error(w, "<!DOCTYPE html><html><body>Internal Server Error</body></html>", http.StatusInternalServerError)
	case Status503:
		http.Error(w, "<!DOCTYPE html><html><body>Service Unavailable</body></html>", http.StatusServiceUnavailable)
	case Hold:
		rec := httptest.NewRecorder()
		p.rp.ServeHTTP(rec, r)
		t := time.NewTimer(p.holdFor)
		defer t.Stop()
		select {
		case <-r.Context().Done():
			return // the client gave up
		case <-p.done:
			return
		case <-t.C:
		}
		copyResponse(w, rec)
	case Maxlag:
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.Header().Set("X-Database-Lag", "7")
		w.Header().Set("Retry-After", "1")
		fmt.Fprint(w, `{"error":{"code":"maxlag","info":"Waiting for db1: 7 seconds lagged.","host":"db1","lag":7,"type":"db"}}`)
	case Malformed:
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		fmt.Fprint(w, `{"batchcomplete":true,"query":{"pages":[{"pageid":1,"title":"Ma`)
	case Empty:
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(http.StatusOK)
	case Reset:
		reset(w)
	case DropSession:
		dropSessionCookies(r)
		p.rp.ServeHTTP(w, r)
	case LoseAnswer:
		p.rp.ServeHTTP(httptest.NewRecorder(), r)
		reset(w)
	}
}

// readRequest reads r's parameters and puts its body back for forwarding.
func readRequest(r *http.Request) (Request, error) {
	req := Request{Method: r.Method, Params: r.URL.Query()}
	if r.Body == nil || r.Method != http.MethodPost {
		return req, nil
	}
	body, err := io.ReadAll(r.Body)
	r.Body.Close()
	if err != nil {
		return req, err
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	mt, mp, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch mt {
	case "application/x-www-form-urlencoded":
		form, err := url.ParseQuery(string(body))
		if err != nil {
			return req, err
		}
		for k, vs := range form {
			req.Params[k] = append(req.Params[k], vs...)
		}
	case "multipart/form-data":
		mr := multipart.NewReader(bytes.NewReader(body), mp["boundary"])
		for {
			part, err := mr.NextPart()
			if err == io.EOF {
				break
			}
			if err != nil {
				return req, err
			}
			v, err := io.ReadAll(part)
			if err != nil {
				return req, err
			}
			req.Params.Add(part.FormName(), string(v))
		}
	}
	return req, nil
}

// dropSessionCookies removes the session cookies from r.
func dropSessionCookies(r *http.Request) {
	cookies := r.Cookies()
	r.Header.Del("Cookie")
	for _, c := range cookies {
		if !strings.HasSuffix(strings.ToLower(c.Name), "session") {
			r.AddCookie(c)
		}
	}
}

// reset closes the client's connection with a TCP RST, without an answer.
func reset(w http.ResponseWriter) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		// HTTP/2: aborting the handler is net/http's way to drop the
		// stream without an answer.
		panic(http.ErrAbortHandler)
	}
	conn, _, err := hj.Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	if tc, ok := conn.(*net.TCPConn); ok {
		_ = tc.SetLinger(0)
	}
	conn.Close()
}

// copyResponse writes a recorded answer to w.
func copyResponse(w http.ResponseWriter, rec *httptest.ResponseRecorder) {
	for k, vs := range rec.Header() {
		w.Header()[k] = vs
	}
	w.WriteHeader(rec.Code)
	_, _ = w.Write(rec.Body.Bytes())
}
