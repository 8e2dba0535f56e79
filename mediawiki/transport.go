package mediawiki

import (
	"context"
	"errors"
	"io"
	"net/http"
	"sync/atomic"
	"time"
)

// errRequestTimeout is the cause of a request's context when Options.Timeout
// expires, which tells a slow wiki (retry) from a cancelled call (give up).
var errRequestTimeout = errors.New("request timed out")

// exchange is what the transport saw of the last HTTP exchange. go-mwclient
// flattens transport errors into strings and ignores status codes, so the
// client reads them here instead.
type exchange struct {
	status     int
	retryAfter string
	lagged     bool  // X-Database-Lag was set: MediaWiki refused for maxlag
	err        error // the transport's own error, unflattened
}

// transport gives go-mwclient's requests the context of the call in flight
// and a per-request timeout, counts requests and records each exchange.
// Client serialises calls, so ctx and last belong to exactly one call.
type transport struct {
	base     http.RoundTripper
	timeout  time.Duration
	requests atomic.Int64

	ctx  context.Context
	last exchange
}

// begin prepares the transport for a call made under ctx.
func (t *transport) begin(ctx context.Context) {
	t.ctx = ctx
	t.last = exchange{}
}

// end returns what the call's last exchange looked like.
func (t *transport) end() exchange {
	t.ctx = nil
	return t.last
}

// RoundTrip implements http.RoundTripper.
func (t *transport) RoundTrip(req *http.Request) (*http.Response, error) {
	parent := t.ctx
	if parent == nil {
		parent = req.Context()
	}
	ctx, cancel := context.WithTimeoutCause(parent, t.timeout, errRequestTimeout)
	t.requests.Add(1)
	resp, err := t.base.RoundTrip(req.WithContext(ctx))
	if err != nil {
		cancel()
		if context.Cause(ctx) == errRequestTimeout {
			err = errRequestTimeout
		}
		t.last = exchange{err: err}
		return nil, err
	}
	t.last = exchange{
		status:     resp.StatusCode,
		retryAfter: resp.Header.Get("Retry-After"),
		lagged:     resp.Header.Get("X-Database-Lag") != "",
	}
	// The timeout covers reading the body too; closing it releases the timer.
	resp.Body = &cancelBody{ReadCloser: resp.Body, cancel: cancel, ctx: ctx, t: t}
	return resp, nil
}

// cancelBody cancels a request's context once its body is closed, and
// records a read that failed because the request timed out.
type cancelBody struct {
	io.ReadCloser
	cancel context.CancelFunc
	ctx    context.Context
	t      *transport
}

func (b *cancelBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	if err != nil && err != io.EOF {
		if context.Cause(b.ctx) == errRequestTimeout {
			err = errRequestTimeout
		}
		b.t.last.err = err
	}
	return n, err
}

func (b *cancelBody) Close() error {
	err := b.ReadCloser.Close()
	b.cancel()
	return err
}
