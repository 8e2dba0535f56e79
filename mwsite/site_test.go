package mwsite

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/sirupsen/logrus/hooks/test"

	"github.com/wikiwarden/wikiwarden/bot"
	"github.com/wikiwarden/wikiwarden/decision"
	"github.com/wikiwarden/wikiwarden/mediawiki"
)

// fakeWiki answers the adapter's writes with the errors it is given and
// notes the calls it gets.
type fakeWiki struct {
	Wiki                          // unused methods panic
	rights                        []string
	rollbackErr, undoErr, editErr error
	blockErr                      error
	blockBy                       string // BlockInfo's placer; "" for no block
	calls                         []string
	edits                         []mediawiki.EditParams
	blocks                        []mediawiki.BlockParams
}

func (w *fakeWiki) Account(context.Context) (mediawiki.Account, error) {
	return mediawiki.Account{Name: "Warden", Rights: w.rights}, nil
}

func (w *fakeWiki) Rollback(_ context.Context, title, user, _ string) error {
	w.calls = append(w.calls, "rollback")
	return w.rollbackErr
}

func (w *fakeWiki) Undo(context.Context, string, int64, string) error {
	w.calls = append(w.calls, "undo")
	return w.undoErr
}

func (w *fakeWiki) Edit(_ context.Context, p mediawiki.EditParams) (int64, error) {
	w.calls = append(w.calls, "edit")
	w.edits = append(w.edits, p)
	return 1, w.editErr
}

func (w *fakeWiki) Block(_ context.Context, p mediawiki.BlockParams) error {
	w.blocks = append(w.blocks, p)
	return w.blockErr
}

func (w *fakeWiki) PlaceBlock(ctx context.Context, p mediawiki.BlockParams) (int64, error) {
	if err := w.Block(ctx, p); err != nil {
		return 0, err
	}
	return 77, nil
}

func (w *fakeWiki) BlockInfo(_ context.Context, target string) (mediawiki.BlockInfo, error) {
	w.calls = append(w.calls, "blockinfo")
	if w.blockBy == "" {
		return mediawiki.BlockInfo{}, mediawiki.ErrNotFound
	}
	return mediawiki.BlockInfo{Target: target, By: w.blockBy, Reason: "earlier reason"}, nil
}

// deletingWiki is a fakeWiki whose client can delete.
type deletingWiki struct{ *fakeWiki }

func (w deletingWiki) Delete(context.Context, string, string) error {
	w.calls = append(w.calls, "delete")
	return nil
}

func newSite(w Wiki, opts Options) *Site {
	log, _ := test.NewNullLogger()
	return New(w, opts, log)
}

func probeRemoval(whole bool, top int64, before string) bot.Removal {
	return bot.Removal{
		Contribution: bot.Contribution{ID: 10, ParentID: 9, Place: bot.Place{Title: "Aardvark"}, Author: bot.Author{Name: "192.0.2.1", Anon: true}, Time: time.Now()},
		Texts:        bot.Texts{Before: before, After: before + " xkqzvbwpl", ParentAuthor: "Admin"},
		Top:          top, Whole: whole,
		Grounds: bot.Grounds{Decision: decision.Decision{Verdict: decision.VerdictProbe}, Tokens: []string{"xkqzvbwpl"}},
	}
}

func TestRemove(t *testing.T) {
	unavailable := fmt.Errorf("undo: %w", mediawiki.ErrUnavailable)
	tests := []struct {
		name                 string
		r                    bot.Removal
		rollback, undo, edit error
		wantCalls            string
		wantHow              string
		wantKind             error
	}{
		{"rollback of the whole run", probeRemoval(true, 10, "text"), nil, nil, nil, "rollback", "rolled back", nil},
		{"already rolled back", probeRemoval(true, 10, "text"), mediawiki.ErrAlreadyRolled, nil, nil, "rollback", "", bot.ErrAlreadyDone},
		{"undo of the judged edit alone", probeRemoval(false, 12, "text"), nil, nil, nil, "undo", "undone", nil},
		{"rollback refused, undo", probeRemoval(true, 10, "text"), mediawiki.ErrPermission, nil, nil, "rollback undo", "undone", nil},
		{"undo failed, guarded re-save", probeRemoval(false, 10, "text"), nil, mediawiki.ErrEditConflict, nil, "undo edit", "restored previous text", nil},
		{"undo failed with later edits: no re-save", probeRemoval(false, 12, "text"), nil, mediawiki.ErrEditConflict, nil, "undo", "", bot.ErrPermanent},
		// A failing wiki is not pressed with the fallbacks.
		{"unavailable", probeRemoval(false, 10, "text"), nil, unavailable, unavailable, "undo", "", bot.ErrTransient},
		{"rollback unavailable: no undo", probeRemoval(true, 10, "text"), unavailable, nil, nil, "rollback", "", bot.ErrTransient},
		{"rollback cooling off: no undo", probeRemoval(true, 10, "text"), fmt.Errorf("rollback: %w", mediawiki.ErrCoolingOff), nil, nil, "rollback", "", bot.ErrTransient},
		{"nobots in the restored text", probeRemoval(true, 10, "{{nobots}} text"), nil, nil, nil, "", "", bot.ErrDenied},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := &fakeWiki{rollbackErr: tt.rollback, undoErr: tt.undo, editErr: tt.edit}
			got, err := newSite(w, Options{SummaryPrefix: "wikiwarden:"}).Remove(context.Background(), tt.r)
			if calls := strings.Join(w.calls, " "); calls != tt.wantCalls {
				t.Errorf("calls = %q, want %q", calls, tt.wantCalls)
			}
			if got.How != tt.wantHow {
				t.Errorf("how = %q, want %q", got.How, tt.wantHow)
			}
			if (tt.wantKind == nil) != (err == nil) || (tt.wantKind != nil && !errors.Is(err, tt.wantKind)) {
				t.Errorf("err = %v, want kind %v", err, tt.wantKind)
			}
			if tt.wantKind == nil && !strings.Contains(got.Summary, "xkqzvbwpl") {
				t.Errorf("summary %q does not name the token", got.Summary)
			}
		})
	}
}

func TestRemovePlace(t *testing.T) {
	r := probeRemoval(false, 10, "")
	r.Current = "xkqzvbwpl"
	tests := []struct {
		name     string
		wiki     func(*fakeWiki) Wiki
		rights   []string
		template string
		current  string
		want     bot.PlaceRemoved
		calls    string
	}{
		{"deleted with the right", func(w *fakeWiki) Wiki { return deletingWiki{w} }, []string{"delete"}, "{{delete|$1}}", r.Current, bot.PlaceRemoved{Deleted: true}, "delete"},
		{"tagged without the right", func(w *fakeWiki) Wiki { return deletingWiki{w} }, nil, "{{delete|$1}}", r.Current, bot.PlaceRemoved{Tagged: true}, "edit"},
		{"tagged when the client cannot delete", func(w *fakeWiki) Wiki { return w }, []string{"delete"}, "{{delete|$1}}", r.Current, bot.PlaceRemoved{Tagged: true}, "edit"},
		{"already tagged", func(w *fakeWiki) Wiki { return w }, nil, "{{delete|$1}}", "{{delete|random-letter probe token xkqzvbwpl}}\nxkqzvbwpl", bot.PlaceRemoved{Tagged: true}, ""},
		{"no template: left for a human", func(w *fakeWiki) Wiki { return w }, nil, "", r.Current, bot.PlaceRemoved{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := &fakeWiki{rights: tt.rights}
			r := r
			r.Current = tt.current
			got, err := newSite(tt.wiki(w), Options{SummaryPrefix: "wikiwarden:", DeletionTemplate: tt.template}).RemovePlace(context.Background(), r)
			if err != nil {
				t.Fatal(err)
			}
			if got.Deleted != tt.want.Deleted || got.Tagged != tt.want.Tagged {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
			if calls := strings.Join(w.calls, " "); calls != tt.calls {
				t.Errorf("calls = %q, want %q", calls, tt.calls)
			}
			if tt.calls == "edit" {
				if e := w.edits[0]; e.Text != "{{delete|random-letter probe token xkqzvbwpl}}\nxkqzvbwpl" || e.BaseRevID != 10 || !e.NoCreate {
					t.Errorf("tag edit = %+v", e)
				}
			}
		})
	}
}

func TestBlockAnonOnlyForAddresses(t *testing.T) {
	for target, anonOnly := range map[string]bool{"192.0.2.1": true, "192.0.2.0/24": true, "2001:db8::/64": true, "Spammer": false} {
		w := &fakeWiki{}
		if _, err := newSite(w, Options{}).Block(context.Background(), bot.BlockRequest{Target: target, Expiry: "1 day"}); err != nil {
			t.Fatal(err)
		}
		if b := w.blocks[0]; b.AnonOnly != anonOnly || !b.NoCreate || b.Reblock {
			t.Errorf("block of %s = %+v; want anononly %v, nocreate, no reblock", target, b, anonOnly)
		}
	}
}

func TestClassify(t *testing.T) {
	tests := []struct {
		err  error
		kind error
	}{
		{mediawiki.ErrUnavailable, bot.ErrTransient},
		{mediawiki.ErrMaxlag, bot.ErrTransient},
		{mediawiki.ErrRateLimited, bot.ErrTransient},
		{mediawiki.ErrNotLoggedIn, bot.ErrTransient},
		{mediawiki.ErrMalformed, bot.ErrTransient},
		{context.DeadlineExceeded, bot.ErrTransient},
		{mediawiki.ErrAlreadyRolled, bot.ErrAlreadyDone},
		{mediawiki.ErrAlreadyBlocked, bot.ErrAlreadyDone},
		{mediawiki.ErrEditConflict, bot.ErrConflict},
		{mediawiki.ErrPermission, bot.ErrPermanent},
		{mediawiki.ErrProtected, bot.ErrPermanent},
	}
	for _, tt := range tests {
		err := classify(fmt.Errorf("op: %w", tt.err))
		if !errors.Is(err, tt.kind) || !errors.Is(err, tt.err) || err.Error() != "op: "+tt.err.Error() {
			t.Errorf("classify(%v) = %v; want kind %v, the cause kept, the message unchanged", tt.err, err, tt.kind)
		}
	}
}

func TestBlockAlreadyBlocked(t *testing.T) {
	already := fmt.Errorf("block: %w", mediawiki.ErrAlreadyBlocked)
	for _, tt := range []struct {
		name, by string
		existing bool
		kind     error
	}{
		{"by the bot: its own block", "Warden", true, nil},
		{"by an administrator: left alone", "Admin", false, bot.ErrAlreadyDone},
	} {
		t.Run(tt.name, func(t *testing.T) {
			w := &fakeWiki{blockErr: already, blockBy: tt.by}
			b, err := newSite(w, Options{SummaryPrefix: "wikiwarden:"}).Block(context.Background(), bot.BlockRequest{Target: "192.0.2.0/24", Expiry: "1 day"})
			if (tt.kind == nil) != (err == nil) || (tt.kind != nil && !errors.Is(err, tt.kind)) {
				t.Fatalf("err = %v, want %v", err, tt.kind)
			}
			if b.Existing != tt.existing || (tt.existing && b.Reason != "earlier reason") {
				t.Errorf("blocked = %+v", b)
			}
			if strings.Join(w.calls, " ") != "blockinfo" {
				t.Errorf("calls = %v", w.calls)
			}
		})
	}
}
