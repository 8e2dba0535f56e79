package bot_test

import (
	"context"
	"testing"
	"time"

	"github.com/sirupsen/logrus/hooks/test"

	"github.com/wikiwarden/wikiwarden/bot"
)

// hangingTexts is a site whose revision texts never come: a pass on it
// waits on the network until it is cancelled.
type hangingTexts struct {
	*fakeSite
	waiting chan struct{}
}

func (h *hangingTexts) Texts(ctx context.Context, _ []bot.Contribution) (map[int64]bot.Texts, error) {
	close(h.waiting)
	<-ctx.Done()
	return nil, ctx.Err()
}

// TestSlowSiteHoldsNoStoreWriter: while one site's pass waits on the
// network in the middle of its edits, another site's pass on the same
// store judges, reverts and commits its own.
func TestSlowSiteHoldsNoStoreWriter(t *testing.T) {
	r := newFrig(t)
	slow := &hangingTexts{fakeSite: newFakeSite(), waiting: make(chan struct{})}
	slow.save(bot.Author{Name: "Admin"}, "Aardvark", "The aardvark is a burrowing mammal.", r.tick())
	slow.save(anon("198.51.100.7"), "Aardvark", "The aardvark is a burrowing mammal. qzxwvbkrtp", r.tick())
	log, _ := test.NewNullLogger()
	ps, err := bot.New(r.opts, slow, r.store.Site("slow"), log)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := ps.Pass(ctx)
		done <- err
	}()
	select {
	case <-slow.waiting:
	case <-time.After(10 * time.Second):
		t.Fatal("the slow site's pass never asked for texts")
	}
	r.probe("192.0.2.1")
	start := time.Now()
	sum := r.mustPass()
	if sum.Reverted != 1 {
		t.Errorf("the other site's pass: %s; want its probe reverted", sum)
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("the other site's pass took %v while the slow one waited", took)
	}
	cancel()
	if err := <-done; err == nil {
		t.Error("the slow site's pass ended without an error")
	}
}
