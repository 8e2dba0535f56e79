package bot_test

// Unit tests of the patrol's action paths against a fake site: no wiki, a
// real store in a temporary file.

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/netip"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sirupsen/logrus/hooks/test"

	"github.com/wikiwarden/wikiwarden/bot"
	"github.com/wikiwarden/wikiwarden/decision"
	"github.com/wikiwarden/wikiwarden/internal/testcorpus"
	"github.com/wikiwarden/wikiwarden/store"
)

// fakeSite is a site in memory. Its writes succeed unless an error is set
// for them; a removal restores the text before the contribution.
type fakeSite struct {
	mu       sync.Mutex
	next     int64
	contribs []bot.Contribution
	texts    map[int64]bot.Texts
	places   map[string]bot.PlaceState
	hist     map[string][]bot.Version // oldest first
	writes   bool                     // the off switch says true
	delete   bool                     // the bot may delete places; otherwise it tags them
	extra    string                   // a test's note
	clock    func() time.Time         // when the bot's own versions are saved

	removeErr, blockErr error
	poison              string // a title whose removals always fail for now
	removeCalls         int    // Remove calls, failed ones included
	blockExisting       bool   // Block finds the bot's own block in force
	textsErr            error  // Texts fails with it
	textsReads          []int  // revisions each Texts call read, versions before included

	removals      []bot.Removal
	placeRemovals []bot.Removal
	deleted       int // places deleted
	rewrites      []bot.Rewrite
	blocks        []bot.BlockRequest
	blacklisted   []string

	notes noteFake // talk pages and the report page (notice_test.go)
}

const botName = "Warden"

func newFakeSite() *fakeSite {
	return &fakeSite{next: 100, texts: map[int64]bot.Texts{}, places: map[string]bot.PlaceState{}, hist: map[string][]bot.Version{}, writes: true}
}

// save makes a new version of title by author at time at.
func (f *fakeSite) save(author bot.Author, title, text string, at time.Time) int64 {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.next++
	id := f.next
	prev := f.places[title]
	c := bot.Contribution{
		ID: id, ParentID: prev.Latest.ID, Seq: id, Place: bot.Place{Title: title}, Author: author,
		Time: at, Format: bot.FormatWikitext,
	}
	f.contribs = append(f.contribs, c)
	f.texts[id] = bot.Texts{Before: prev.Latest.Text, After: text, ParentAuthor: prev.Latest.Author}
	v := bot.Version{ID: id, Author: author.Name, IP: author.IP, Text: text}
	f.places[title] = bot.PlaceState{Title: title, Latest: v}
	f.hist[title] = append(f.hist[title], v)
	return id
}

func (f *fakeSite) text(title string) string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.places[title].Latest.Text
}

func (f *fakeSite) Self(context.Context) (bot.Self, error) {
	return bot.Self{Name: botName, WidestV4: 16, WidestV6: 19, ReportPlace: f.notes.reportPlace}, nil
}

func (f *fakeSite) Contributions(_ context.Context, since store.Cursor, limit int) ([]bot.Contribution, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []bot.Contribution
	for _, c := range f.contribs {
		if !c.Time.Before(since.Time) && (limit == 0 || len(out) < limit) {
			out = append(out, c)
		}
	}
	return out, nil
}

func (f *fakeSite) Texts(_ context.Context, cs []bot.Contribution) (map[int64]bot.Texts, error) {
	if f.textsErr != nil {
		return nil, f.textsErr
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	out := map[int64]bot.Texts{}
	ids := map[int64]bool{}
	for _, c := range cs {
		out[c.ID] = f.texts[c.ID]
		ids[c.ID] = true
		if c.ParentID != 0 {
			ids[c.ParentID] = true
		}
	}
	f.textsReads = append(f.textsReads, len(ids))
	return out, nil
}

func (f *fakeSite) Places(_ context.Context, titles []string) (map[string]bot.PlaceState, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := map[string]bot.PlaceState{}
	for _, t := range titles {
		pg, ok := f.places[t]
		if !ok {
			pg = bot.PlaceState{Title: t, Missing: true}
		}
		out[t] = pg
	}
	return out, nil
}

func (f *fakeSite) Trusted(context.Context, []string) (map[string]decision.Reason, error) {
	return nil, nil
}

func (f *fakeSite) Remove(_ context.Context, r bot.Removal) (bot.Removed, error) {
	f.removeCalls++
	if f.poison != "" && r.Contribution.Place.Title == f.poison {
		return bot.Removed{}, bot.WithKind(bot.ErrTransient, errors.New("HTTP 500 on every write to the page"))
	}
	if f.removeErr != nil {
		return bot.Removed{}, f.removeErr
	}
	if strings.Contains(r.Texts.Before, "{{nobots}}") {
		return bot.Removed{}, bot.WithKind(bot.ErrDenied, errors.New("nobots"))
	}
	f.removals = append(f.removals, r)
	f.save(bot.Author{Name: botName}, r.Contribution.Place.Title, r.Texts.Before, f.clock())
	return bot.Removed{How: "rolled back", Summary: "revert " + r.Contribution.Author.Name}, nil
}

func (f *fakeSite) RemovePlace(_ context.Context, r bot.Removal) (bot.PlaceRemoved, error) {
	f.placeRemovals = append(f.placeRemovals, r)
	if !f.delete {
		f.save(bot.Author{Name: botName}, r.Contribution.Place.Title, "{{delete}}\n"+r.Current, f.clock())
		return bot.PlaceRemoved{Tagged: true, Summary: "tag"}, nil
	}
	f.mu.Lock()
	delete(f.places, r.Contribution.Place.Title)
	f.deleted++
	f.mu.Unlock()
	return bot.PlaceRemoved{Deleted: true, Summary: "delete"}, nil
}

func (f *fakeSite) History(_ context.Context, title string, limit int) ([]bot.Version, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []bot.Version
	for i := len(f.hist[title]) - 1; i >= 0 && len(out) < limit; i-- {
		out = append(out, f.hist[title][i])
	}
	return out, nil
}

func (f *fakeSite) Rewrite(_ context.Context, r bot.Rewrite) (bot.Removed, error) {
	if f.places[r.Place.Title].Latest.ID != r.Top {
		return bot.Removed{}, bot.WithKind(bot.ErrConflict, errors.New("edit conflict"))
	}
	f.rewrites = append(f.rewrites, r)
	f.save(bot.Author{Name: botName}, r.Place.Title, r.Text, f.clock())
	return bot.Removed{How: "cleaned"}, nil
}

func (f *fakeSite) Block(_ context.Context, b bot.BlockRequest) (bot.Blocked, error) {
	if f.blockErr != nil {
		return bot.Blocked{}, f.blockErr
	}
	f.blocks = append(f.blocks, b)
	return bot.Blocked{Reason: "spam", Existing: f.blockExisting}, nil
}

func (f *fakeSite) Blacklist(_ context.Context, domains []string) ([]string, error) {
	f.blacklisted = append(f.blacklisted, domains...)
	return domains, nil
}

func (f *fakeSite) WritesAllowed(context.Context) (bool, string, error) {
	if !f.writes {
		return false, "shutoff page says no", nil
	}
	return true, "", nil
}

func (f *fakeSite) SampleTexts(context.Context, int) ([]string, error) { return nil, nil }
func (f *fakeSite) KnownLinks(context.Context, int) ([]string, error)  { return nil, nil }

// frig is a fake site with a seeded page, a store and a clock.
type frig struct {
	t     *testing.T
	site  *fakeSite
	store *store.Store
	opts  bot.Options
	now   time.Time
	rng   *rand.Rand
}

func newFrig(t *testing.T) *frig {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "ww.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	r := &frig{t: t, site: newFakeSite(), store: st, now: time.Now().Add(-30 * time.Minute).Truncate(time.Second), rng: rand.New(rand.NewPCG(1, 2))}
	r.site.clock = r.tick
	for title, file := range seedPages {
		text, err := os.ReadFile(filepath.Join(testcorpus.Require(t, testcorpus.WikitextDir), file))
		if err != nil {
			t.Fatal(err)
		}
		r.site.save(bot.Author{Name: "Admin"}, title, string(text), r.tick())
	}
	r.opts = defaultOptions()
	r.opts.BlockDurations = []string{"1 day", "1 week"}
	r.opts.Now = func() time.Time { return r.now }
	return r
}

// tick advances the clock by a second and returns it.
func (r *frig) tick() time.Time {
	r.now = r.now.Add(time.Second)
	return r.now
}

func anon(ip string) bot.Author {
	return bot.Author{Name: ip, Anon: true, IP: netip.MustParseAddr(ip)}
}

// insert adds addition after the first sentence of the page's first prose
// paragraph.
func (r *frig) insert(ip, title, addition string) int64 {
	return r.site.save(anon(ip), title, insertAfterFirstSentence(r.site.text(title), addition), r.tick())
}

func (r *frig) probe(ip string) string {
	return r.probeOn(ip, "Aardvark")
}

func (r *frig) probeOn(ip, title string) string {
	b := make([]byte, 10)
	for i := range b {
		b[i] = byte('a' + r.rng.IntN(26))
	}
	r.insert(ip, title, " "+string(b))
	return string(b)
}

func (r *frig) pass() (bot.Summary, error) {
	log, _ := test.NewNullLogger()
	p, err := bot.New(r.opts, r.site, r.store, log)
	if err != nil {
		r.t.Fatal(err)
	}
	sum, err := p.Pass(context.Background())
	r.t.Logf("pass: %s", sum)
	r.tick()
	return sum, err
}

func (r *frig) mustPass() bot.Summary {
	r.t.Helper()
	sum, err := r.pass()
	if err != nil {
		r.t.Fatalf("pass: %v", err)
	}
	return sum
}

const spamLinks = ` [https://cheap-pills-online.example.com/buy best cheap pills] visit https://casino-bonus.example.net/`

func TestActionPaths(t *testing.T) {
	type want struct {
		reverted, blocked, errors int
		held                      decision.Reason // the one hold reason, "" for none
		passErr                   error
	}
	cases := []struct {
		name  string
		setup func(r *frig) // before the judged pass: may patrol earlier edits
		want  want
		check func(t *testing.T, r *frig)
	}{
		{"revert", func(r *frig) { r.probe("192.0.2.1") }, want{reverted: 1}, func(t *testing.T, r *frig) {
			if len(r.site.removals) != 1 || !r.site.removals[0].Whole {
				t.Errorf("removals = %+v; want one of the whole run", r.site.removals)
			}
		}},
		{"already gone", func(r *frig) {
			tok := r.probe("192.0.2.1")
			text := strings.Replace(r.site.text("Aardvark"), " "+tok, "", 1)
			r.site.mu.Lock()
			pg := r.site.places["Aardvark"]
			pg.Latest = bot.Version{ID: pg.Latest.ID + 1000, Author: botName, Text: text}
			r.site.places["Aardvark"] = pg
			r.site.mu.Unlock()
		}, want{held: decision.HoldReverted}, func(t *testing.T, r *frig) {
			if _, err := r.store.LastRevert(context.Background(), "192.0.2.1", "Aardvark"); err != nil {
				t.Errorf("the bot's own earlier revert is not remembered: %v", err)
			}
		}},
		{"later editor held", func(r *frig) {
			r.probe("192.0.2.1")
			r.site.save(bot.Author{Name: "Regular"}, "Aardvark", r.site.text("Aardvark")+"\nMore.", r.tick())
		}, want{held: decision.HoldLater}, nil},
		{"nobots denied", func(r *frig) {
			r.site.save(bot.Author{Name: "Admin"}, "Aardvark", "{{nobots}}\n"+r.site.text("Aardvark"), r.tick())
			r.mustPass()
			r.probe("192.0.2.1")
		}, want{held: decision.HoldNobots}, nil},
		{"cooldown", func(r *frig) {
			r.probe("192.0.2.1")
			r.mustPass()
			r.probe("192.0.2.1")
		}, want{held: decision.HoldCooldown}, nil},
		{"creation deleted", func(r *frig) {
			r.site.delete = true
			r.site.save(anon("192.0.2.1"), "Qzxv", "Wvbqzkxplm jqxzvtrw.", r.tick())
		}, want{reverted: 1}, func(t *testing.T, r *frig) {
			if len(r.site.placeRemovals) != 1 || r.site.places["Qzxv"].Title != "" {
				t.Errorf("place removals = %+v; want the created page deleted", r.site.placeRemovals)
			}
			recs, err := r.store.Records(context.Background(), store.Query{Verdicts: []decision.Verdict{decision.VerdictProbe}})
			if err != nil || len(recs) != 1 || recs[0].Outcome != "page deleted" {
				t.Errorf("records = %+v, %v; want the deletion recorded", recs, err)
			}
			if evs, err := r.store.IPEvents(context.Background(), netip.MustParsePrefix("192.0.2.1/32"), time.Time{}); err != nil || len(evs) == 0 || evs[0].Kind != store.EventProbe {
				t.Errorf("events of the creator = %+v, %v; want the probe remembered", evs, err)
			}
		}},
		{"creation tagged, once", func(r *frig) {
			r.site.save(anon("192.0.2.1"), "Qzxv", "Wvbqzkxplm jqxzvtrw.", r.tick())
		}, want{held: decision.HoldCreated}, func(t *testing.T, r *frig) {
			if !strings.HasPrefix(r.site.text("Qzxv"), "{{delete}}") {
				t.Errorf("page text = %q; want it tagged", r.site.text("Qzxv"))
			}
			if sum := r.mustPass(); sum.Read != 1 || sum.Skipped[decision.SkipOwn] != 1 {
				t.Errorf("next pass = %s; want only the bot's tag read", sum)
			}
		}},
		{"block after a probe", func(r *frig) {
			r.probe("192.0.2.1")
			r.mustPass()
			r.insert("192.0.2.1", "Abacus", spamLinks)
		}, want{reverted: 1, blocked: 1}, func(t *testing.T, r *frig) {
			if len(r.site.blocks) != 1 || r.site.blocks[0].Target != "192.0.2.1" || r.site.blocks[0].Expiry != "1 day" {
				t.Errorf("blocks = %+v; want the IP for 1 day", r.site.blocks)
			}
			if len(r.site.blacklisted) == 0 {
				t.Error("follow-up spam domains not blacklisted")
			}
		}},
		{"block escalation", func(r *frig) {
			r.probe("192.0.2.1")
			r.mustPass()
			r.insert("192.0.2.1", "Abacus", spamLinks)
			r.mustPass()
			r.now = r.now.Add(48 * time.Hour) // the day's block ran out
			r.insert("192.0.2.1", "Algae", ` [https://replica-watches.example.org/ luxury watches]`)
		}, want{reverted: 1, blocked: 1}, func(t *testing.T, r *frig) {
			if len(r.site.blocks) != 2 || r.site.blocks[1].Expiry != "1 week" {
				t.Errorf("blocks = %+v; want 1 day, then 1 week", r.site.blocks)
			}
		}},
		{"block in force already", func(r *frig) {
			r.probe("192.0.2.1")
			r.mustPass()
			r.site.blockErr = bot.WithKind(bot.ErrAlreadyDone, errors.New("already blocked"))
			r.insert("192.0.2.1", "Abacus", spamLinks)
		}, want{reverted: 1}, func(t *testing.T, r *frig) {
			recs, err := r.store.Records(context.Background(), store.Query{Verdicts: []decision.Verdict{decision.VerdictFollowUpSpam}})
			if err != nil || len(recs) != 1 || !slices.Contains(recs[0].Why, decision.HoldBlocked) || recs[0].BlockTarget != "" {
				t.Errorf("records = %+v, %v; want the revert recorded as already blocked", recs, err)
			}
		}},
		{"block failing for now: retried with the revert found done", func(r *frig) {
			r.probe("192.0.2.1")
			r.mustPass()
			r.site.blockErr = bot.WithKind(bot.ErrTransient, errors.New("wiki unavailable"))
			r.insert("192.0.2.1", "Abacus", spamLinks)
		}, want{reverted: 1, errors: 1, passErr: bot.ErrTransient}, func(t *testing.T, r *frig) {
			r.site.blockErr = nil
			sum := r.mustPass()
			if sum.Held[decision.HoldReverted] != 1 || sum.Blocked != 1 || len(r.site.removals) != 2 {
				t.Errorf("next pass = %s, %d removals; want the bot's revert found and the block placed, no second revert", sum, len(r.site.removals))
			}
		}},
		{"conflict on removal: another editor on top", func(r *frig) {
			r.probe("192.0.2.1")
			r.site.removeErr = bot.WithKind(bot.ErrConflict, errors.New("edit conflict"))
		}, want{held: decision.HoldLater}, nil},
		{"range block", func(r *frig) {
			r.probe("192.0.2.10")
			r.probe("192.0.2.11")
			r.mustPass()
			r.insert("192.0.2.77", "Aardvark", spamLinks)
		}, want{reverted: 1, blocked: 1}, func(t *testing.T, r *frig) {
			if len(r.site.blocks) != 1 || r.site.blocks[0].Target != "192.0.2.0/24" {
				t.Errorf("blocks = %+v; want the /24", r.site.blocks)
			}
		}},
		// A neighbour's citation from a probing /24 stands (Decide's call),
		// and nothing is blocked: neither the address nor the range of one
		// prober and one unconfirmed address.
		{"one prober and a neighbour: no range block", func(r *frig) {
			r.probe("192.0.2.10")
			r.mustPass()
			r.insert("192.0.2.20", "Abacus", goodRef)
		}, want{}, func(t *testing.T, r *frig) {
			if len(r.site.blocks) != 0 || len(r.site.removals) != 1 {
				t.Errorf("blocks = %+v, %d removals; want no block and only the probe removed", r.site.blocks, len(r.site.removals))
			}
			// A flag confirms nothing: the neighbour is not remembered as
			// a spammer, which would make it a "probing IP".
			evs, err := r.store.IPEvents(context.Background(), netip.MustParsePrefix("192.0.2.20/32"), time.Time{})
			if err != nil || len(evs) != 0 {
				t.Errorf("events of the neighbour = %+v, %v; want none", evs, err)
			}
		}},
		{"transient failure left for the next pass", func(r *frig) {
			r.site.removeErr = bot.WithKind(bot.ErrTransient, errors.New("wiki unavailable"))
			r.probe("192.0.2.1")
		}, want{errors: 1, passErr: bot.ErrTransient}, func(t *testing.T, r *frig) {
			ctx := context.Background()
			recs, err := r.store.Records(ctx, store.Query{Verdicts: []decision.Verdict{decision.VerdictProbe}})
			if err != nil || len(recs) != 1 || !strings.HasPrefix(recs[0].Outcome, "pending (attempt 1)") {
				t.Fatalf("records = %+v, %v; want the edit recorded as pending", recs, err)
			}
			if ps, err := r.store.Pendings(ctx, ""); err != nil || len(ps) != 1 || ps[0].Attempts != 1 || ps[0].Action != decision.ActionRevert {
				t.Fatalf("pendings = %+v, %v; want the revert pending after 1 attempt", ps, err)
			}
			r.site.removeErr = nil
			if sum := r.mustPass(); sum.Reverted != 1 || sum.Retried != 1 || sum.Pending != 0 || sum.Read != 0 {
				t.Errorf("next pass = %s; want the pending probe retried and reverted", sum)
			}
			if ps, err := r.store.Pendings(ctx, ""); err != nil || len(ps) != 0 {
				t.Errorf("pendings after the retry = %+v, %v; want none", ps, err)
			}
		}},
		{"permanent failure recorded", func(r *frig) {
			r.site.removeErr = bot.WithKind(bot.ErrPermanent, errors.New("protected"))
			r.probe("192.0.2.1")
		}, want{errors: 1}, func(t *testing.T, r *frig) {
			recs, err := r.store.Records(context.Background(), store.Query{Verdicts: []decision.Verdict{decision.VerdictProbe}})
			if err != nil || len(recs) != 1 || !strings.HasPrefix(recs[0].Outcome, "error: revert") {
				t.Fatalf("records = %+v, %v; want the failure recorded", recs, err)
			}
		}},
		// A probe held back (the cooldown) stays on the page; the revert of
		// its range's spam then restores it, and the cleanup restores the
		// version before the campaign.
		{"clean page: restore before the campaign", func(r *frig) {
			r.probe("192.0.2.1")
			r.mustPass()
			held := r.probe("192.0.2.1")
			r.mustPass()
			r.insert("192.0.2.2", "Aardvark", spamLinks)
			r.site.mu.Lock()
			r.site.extra = held
			r.site.mu.Unlock()
		}, want{reverted: 1, blocked: 1}, func(t *testing.T, r *frig) {
			text := r.site.text("Aardvark")
			if strings.Contains(text, r.site.extra) || strings.Contains(text, "cheap-pills") {
				t.Errorf("probe token %q or spam left on the page", r.site.extra)
			}
			if len(r.site.rewrites) != 1 || r.site.rewrites[0].Restored == 0 || text != r.site.hist["Aardvark"][0].Text {
				t.Errorf("rewrites = %+v; want the seeded version restored", r.site.rewrites)
			}
		}},
		// With someone else's edit after the probe, the token is cut out
		// and that edit stays.
		{"clean page: cut the token", func(r *frig) {
			tok := r.probe("192.0.2.1")
			r.site.save(bot.Author{Name: "Regular"}, "Aardvark", r.site.text("Aardvark")+"\nA good addition.", r.tick())
			r.mustPass() // the probe is held: a later editor
			r.insert("192.0.2.2", "Aardvark", spamLinks)
			r.site.extra = tok
		}, want{reverted: 1, blocked: 1}, func(t *testing.T, r *frig) {
			text := r.site.text("Aardvark")
			if strings.Contains(text, r.site.extra) || !strings.Contains(text, "A good addition.") {
				t.Errorf("page after cleanup: token %q there %v, good edit there %v", r.site.extra, strings.Contains(text, r.site.extra), strings.Contains(text, "A good addition."))
			}
			if len(r.site.rewrites) != 1 || r.site.rewrites[0].Restored != 0 {
				t.Errorf("rewrites = %+v; want the token cut out", r.site.rewrites)
			}
		}},
		{"dry run", func(r *frig) {
			r.opts.DryRun = true
			r.probe("192.0.2.1")
		}, want{held: decision.HoldDryRun}, func(t *testing.T, r *frig) {
			if len(r.site.removals) != 0 {
				t.Error("dry run wrote")
			}
		}},
		{"shutoff", func(r *frig) {
			r.site.writes = false
			r.probe("192.0.2.1")
		}, want{held: decision.HoldShutoff}, func(t *testing.T, r *frig) {
			if len(r.site.removals) != 0 {
				t.Error("wrote although shut off")
			}
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := newFrig(t)
			c.setup(r)
			before := len(r.site.removals) + r.site.deleted
			blocksBefore := len(r.site.blocks)
			sum, err := r.pass()
			if !errors.Is(err, c.want.passErr) || (err != nil && c.want.passErr == nil) {
				t.Fatalf("pass error = %v; want %v", err, c.want.passErr)
			}
			got := want{reverted: sum.Reverted, blocked: sum.Blocked, errors: sum.Errors, passErr: c.want.passErr}
			for why, n := range sum.Held {
				got.held = why
				if n != 1 || len(sum.Held) != 1 {
					got.held = decision.Reason(fmt.Sprint(sum.Held))
				}
			}
			if got != c.want {
				t.Errorf("pass = %s; want %+v", sum, c.want)
			}
			if n := len(r.site.removals) + r.site.deleted - before; n != c.want.reverted {
				t.Errorf("%d removals on the site; want %d", n, c.want.reverted)
			}
			if n := len(r.site.blocks) - blocksBefore; n != c.want.blocked {
				t.Errorf("%d blocks on the site; want %d", n, c.want.blocked)
			}
			if c.check != nil {
				c.check(t, r)
			}
		})
	}
}

// One page whose writes always fail holds up nothing: its revert is
// pending, retried with back-off, then set aside for a human, while the
// edits behind it are handled; a pass with actions undone says so.
func TestPoisonEditSetAsideOthersHandled(t *testing.T) {
	r := newFrig(t)
	r.opts.RetryAttempts = 3
	r.site.poison = "Abacus"
	var toks []string
	toks = append(toks, r.probeOn("192.0.2.1", "Aardvark"))
	poison := r.probeOn("192.0.2.2", "Abacus")
	toks = append(toks, r.probeOn("192.0.2.3", "Algae"), r.probeOn("192.0.2.4", "Alchemy"))

	// The first pass reverts Aardvark, fails on Abacus, and goes on: one
	// failure is one bad page, not a failing site. Algae and Alchemy are
	// reverted.
	sum, err := r.pass()
	if !errors.Is(err, bot.ErrUndone) || !errors.Is(err, bot.ErrTransient) {
		t.Fatalf("first pass error = %v; want ErrUndone naming the site's failure", err)
	}
	if sum.Reverted != 3 || sum.Pending != 1 || r.site.removeCalls != 4 {
		t.Fatalf("first pass = %s, %d remove calls; want 3 reverted, 1 pending, 4 calls", sum, r.site.removeCalls)
	}
	if !strings.Contains(sum.String(), "1 pending, 0 set aside") {
		t.Errorf("summary %q does not count the pending actions", sum)
	}
	// Later passes: the poison edit is retried until its budget is spent.
	for i := 0; i < 5; i++ {
		sum, err = r.pass()
		if sum.SetAside > 0 {
			break
		}
	}
	if sum.SetAside != 1 || !errors.Is(err, bot.ErrUndone) {
		t.Fatalf("pass = %s, %v; want the poison edit set aside", sum, err)
	}
	for _, tok := range toks {
		if strings.Contains(r.site.text("Aardvark")+r.site.text("Algae")+r.site.text("Alchemy"), tok) {
			t.Errorf("probe %q still on its page", tok)
		}
	}
	if !strings.Contains(r.site.text("Abacus"), poison) {
		t.Error("the poison page changed")
	}
	ctx := context.Background()
	aside, err := r.store.SetAsides(ctx, "")
	if err != nil || len(aside) != 1 || aside[0].Pending.Title != "Abacus" || aside[0].Pending.Attempts != 3 || aside[0].Pending.LastError == "" {
		t.Fatalf("set aside = %+v, %v; want the Abacus revert after 3 attempts, with its error", aside, err)
	}
	if ps, _ := r.store.Pendings(ctx, ""); len(ps) != 0 {
		t.Errorf("pendings = %+v; want none", ps)
	}
	// Nothing is left to do: the next pass is clean, and new edits go on
	// being handled.
	r.probeOn("192.0.2.5", "Aardvark")
	calls := r.site.removeCalls
	if sum := r.mustPass(); sum.Reverted != 1 || sum.Pending != 0 || r.site.removeCalls != calls+1 {
		t.Errorf("pass after the set-aside = %s; want the new probe reverted, the poison not retried", sum)
	}
}

// A retry waits: not at all after the first failed attempt (the next pass
// takes it up: a light fault is over by then), then 1, 2, 4... times
// RetryBackoff.
func TestPendingBackoff(t *testing.T) {
	r := newFrig(t)
	r.opts.RetryBackoff = time.Minute
	r.site.poison = "Aardvark"
	r.probe("192.0.2.1")
	r.pass()
	if sum, _ := r.pass(); sum.Retried != 1 {
		t.Fatalf("pass after the first failure = %s; want a retry", sum)
	}
	calls := r.site.removeCalls
	if sum, _ := r.pass(); sum.Retried != 0 || r.site.removeCalls != calls {
		t.Fatalf("pass within the back-off = %s; want no retry", sum)
	}
	r.now = r.now.Add(time.Minute)
	if sum, _ := r.pass(); sum.Retried != 1 {
		t.Fatalf("pass after a minute = %s; want a retry", sum)
	}
	ps, err := r.store.Pendings(context.Background(), "")
	if err != nil || len(ps) != 1 || ps[0].Attempts != 3 || ps[0].Next.Sub(r.now) < 110*time.Second {
		t.Errorf("pendings = %+v, %v; want attempt 3, next in 2 minutes", ps, err)
	}
}

// Several actions failing in a row are a failing site: the pass presses it
// no more, and the rest wait as pending.
func TestFailingSiteNotPressed(t *testing.T) {
	r := newFrig(t)
	r.site.removeErr = bot.WithKind(bot.ErrTransient, errors.New("HTTP 503"))
	for i, title := range []string{"Aardvark", "Abacus", "Algae", "Alchemy"} {
		r.probeOn(fmt.Sprintf("192.0.2.%d", i+1), title)
	}
	sum, err := r.pass()
	if !errors.Is(err, bot.ErrUndone) || sum.Pending != 4 || r.site.removeCalls != 3 {
		t.Fatalf("pass = %s, %v, %d remove calls; want 4 pending after 3 calls", sum, err, r.site.removeCalls)
	}
	r.site.removeErr = nil
	if sum, err := r.pass(); err != nil || sum.Reverted != 4 || sum.Pending != 0 {
		t.Errorf("pass after the site recovered = %s, %v; want all 4 reverted", sum, err)
	}
}

// A block whose answer was lost is the bot's: recorded and counted, and no
// second request is sent for the target while it holds.
func TestBlockFoundInForceIsOurs(t *testing.T) {
	r := newFrig(t)
	r.probe("192.0.2.1")
	r.mustPass()
	r.site.blockExisting = true
	r.insert("192.0.2.1", "Abacus", spamLinks)
	if sum := r.mustPass(); sum.Blocked != 1 {
		t.Fatalf("pass = %s; want the block counted", sum)
	}
	if bs, err := r.store.Blocks(context.Background(), "192.0.2.1"); err != nil || len(bs) != 1 {
		t.Fatalf("stored blocks = %+v, %v; want the bot's block", bs, err)
	}
	// More spam of the same address within the block (e.g. edits saved
	// before it): no second block request.
	r.insert("192.0.2.1", "Algae", ` [https://replica-watches.example.org/ luxury watches]`)
	r.insert("192.0.2.1", "Alchemy", ` [https://replica-watches.example.org/w watches]`)
	if sum := r.mustPass(); sum.Blocked != 0 || len(r.site.blocks) != 1 {
		t.Errorf("pass = %s, %d block requests; want one in all", sum, len(r.site.blocks))
	}
}

// Records are committed a chunk at a time; a probe and the spam after it
// in one chunk still make the spam follow-up spam, and the block.
func TestProbeAndSpamInOneChunk(t *testing.T) {
	r := newFrig(t)
	r.probe("192.0.2.1")
	r.insert("192.0.2.1", "Abacus", spamLinks)
	sum := r.mustPass()
	if sum.Reverted != 2 || sum.Blocked != 1 {
		t.Errorf("pass = %s; want both reverted and the address blocked", sum)
	}
}

// A pending action whose texts the site fails to serve: each pass counts a
// failed attempt, and the budget sets it aside in the end.
func TestPendingTextsFailingCountAsAttempts(t *testing.T) {
	r := newFrig(t)
	r.opts.RetryAttempts = 2
	r.site.poison = "Aardvark"
	r.probe("192.0.2.1")
	r.pass() // attempt 1: the revert fails
	r.site.textsErr = bot.WithKind(bot.ErrTransient, errors.New("HTTP 500 on the revisions"))
	sum, err := r.pass() // attempt 2: its texts fail
	if !errors.Is(err, bot.ErrUndone) || sum.SetAside != 1 {
		t.Fatalf("pass = %s, %v; want the action set aside", sum, err)
	}
	if aside, err := r.store.SetAsides(context.Background(), ""); err != nil || len(aside) != 1 || !strings.Contains(aside[0].Pending.LastError, "revisions") {
		t.Errorf("set aside = %+v, %v", aside, err)
	}
}

// A backlog is read one batch of 50 revisions a request, versions before
// and after together, each once: 300 edits taking turns on four pages (and
// the pages' first versions) take 7 requests, not 12.
func TestBacklogReadInBatches(t *testing.T) {
	r := newFrig(t)
	titles := []string{"Aardvark", "Abacus", "Algae", "Alchemy"}
	for i := range 300 {
		title := titles[i%len(titles)]
		r.site.save(anon(fmt.Sprintf("198.51.100.%d", i%200+1)), title, r.site.text(title)+fmt.Sprintf("\nLine %d of the history.", i), r.tick())
	}
	sum := r.mustPass()
	if sum.Scored < 300 {
		t.Fatalf("pass = %s; want the 300 edits scored", sum)
	}
	total := 0
	for _, n := range r.site.textsReads {
		if n > 50 {
			t.Errorf("a request for %d revisions", n)
		}
		total += n
	}
	t.Logf("revisions per request: %v", r.site.textsReads)
	if want := (total + 49) / 50; len(r.site.textsReads) > want+1 {
		t.Errorf("%d requests for %d revisions (%v); want at most %d", len(r.site.textsReads), total, r.site.textsReads, want+1)
	}
}
