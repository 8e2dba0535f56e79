package campaign

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/netip"
	"sync"
	"time"
)

// BulkOptions shape Bulk's stream of edits.
type BulkOptions struct {
	// Titles are the existing pages to edit, in turn. Required.
	Titles []string
	// Workers is how many edits are in flight at once; 0 means 4, the
	// number of PHP workers of the test wiki.
	Workers int
	// ProbeEvery makes every ProbeEvery-th edit a probe; 0 means 10, a
	// negative value none.
	ProbeEvery int
	// Seed picks the probe tokens.
	Seed uint64
}

// bulkProbeRanges is how many /24s of 198.19.0.0/16 Bulk's probes come
// from. The scripted campaign's ranges are left out: a bot may have
// blocked them.
const bulkProbeRanges = 8

// bulkSentences are good-faith additions; %d is a year, which also keeps
// every sentence distinct.
var bulkSentences = []string{
	"A local history society published a short guide to the subject in %d.",
	"The topic was discussed at a regional conference held in %d.",
	"A museum exhibition on the subject opened to the public in %d.",
	"Several newspapers reported on the subject during %d.",
	"A revised edition of the standard textbook appeared in %d.",
	"The first photographs of it were taken in %d.",
	"School teachers began to include it in their lessons around %d.",
	"A documentary film about it was broadcast in %d.",
}

// Bulk makes n anonymous edits as fast as the wiki takes them, from many
// IPs: good-faith sentences appended from addresses of 100.64.0.0/10, one
// in opts.ProbeEvery a probe token on a new line from eight /24s of
// 198.19.0.0/16 (not the scripted campaign's ranges). It is the load
// for patrol throughput benchmarks. Edits append (one request each, no
// edit conflicts) to opts.Titles in turn. It returns the edits in the order
// they were planned; on error, those made so far (RevID 0 for the rest).
func (w *Wiki) Bulk(ctx context.Context, n int, opts BulkOptions) ([]Edit, error) {
	if len(opts.Titles) == 0 {
		return nil, errors.New("bulk: no pages to edit")
	}
	if opts.Workers <= 0 {
		opts.Workers = 4
	}
	if opts.ProbeEvery == 0 {
		opts.ProbeEvery = 10
	}
	rnd := rand.New(rand.NewPCG(opts.Seed, opts.Seed^0xb01c))
	type job struct {
		i    int
		ip   netip.Addr
		text string
	}
	jobs := make([]job, n)
	edits := make([]Edit, n)
	probes := 0
	for i := range n {
		e := Edit{Phase: PhaseBulk, Title: opts.Titles[i%len(opts.Titles)]}
		var ip netip.Addr
		var text string
		if opts.ProbeEvery > 0 && i%opts.ProbeEvery == opts.ProbeEvery-1 {
			ip = netip.AddrFrom4([4]byte{198, 19, byte(probes % bulkProbeRanges), byte(1 + probes/bulkProbeRanges%254)})
			e.Kind, e.What = KindProbe, "token on its own line"
			e.Marker = probeToken(rnd, bulkStyles[probes%len(bulkStyles)])
			text = "\n" + e.Marker
			probes++
		} else {
			k := i + 1
			ip = netip.AddrFrom4([4]byte{100, byte(64 + k>>16&63), byte(k >> 8), byte(k)})
			e.Kind, e.What = KindGood, "prose sentence"
			e.Marker = fmt.Sprintf(bulkSentences[i%len(bulkSentences)], 1800+i%220)
			text = "\n\n" + e.Marker
		}
		e.IP, e.Added = ip.String(), e.Marker
		edits[i] = e
		jobs[i] = job{i: i, ip: ip, text: text}
	}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	queue := make(chan job)
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		firstErr error
	)
	for range opts.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range queue {
				rev, err := w.appendRetry(ctx, j.ip, edits[j.i].Title, j.text)
				if err != nil {
					mu.Lock()
					if firstErr == nil {
						firstErr = err
					}
					mu.Unlock()
					cancel()
					continue
				}
				edits[j.i].RevID = rev // each worker writes its own elements
			}
		}()
	}
feed:
	for _, j := range jobs {
		select {
		case queue <- j:
		case <-ctx.Done():
			break feed
		}
	}
	close(queue)
	wg.Wait()
	if firstErr != nil {
		return edits, fmt.Errorf("bulk: %w", firstErr)
	}
	if err := ctx.Err(); err != nil {
		return edits, fmt.Errorf("bulk: %w", err)
	}
	return edits, nil
}

// appendRetry appends, retrying a few times when the wiki is busy: several
// writers on one SQLite database now and then meet a locked database.
func (w *Wiki) appendRetry(ctx context.Context, ip netip.Addr, title, text string) (int64, error) {
	delay := 50 * time.Millisecond
	for attempt := 1; ; attempt++ {
		rev, err := w.anonAppend(ctx, ip, title, text, "")
		var ae *APIError
		if err == nil || attempt == 5 || ctx.Err() != nil || errors.As(err, &ae) && !transient(ae) {
			return rev, err
		}
		select {
		case <-time.After(delay):
		case <-ctx.Done():
			return 0, ctx.Err()
		}
		delay *= 2
	}
}

// transient reports whether an API error may go away on retry.
func transient(e *APIError) bool {
	switch e.Code {
	case "internal_api_error_DBQueryError", "internal_api_error_DBTransactionStateError",
		"internal_api_error_DBTransactionError", "readonly", "editconflict", "maxlag":
		return true
	}
	return false
}

// bulkStyles are the token styles of a backlog's probes, in turn.
var bulkStyles = []TokenStyle{StyleLower, StyleMixed, StyleAlnum, StyleShort, StylePronounce}
