package store

// Notices and reports: the message the bot left for an editor it reverted,
// and the false-positive reports the wiki's people made on the bot's report
// page. Two buckets in each site's bucket:
//
//	notices   user               -> Notice (JSON): the latest message to that editor
//	reports   ID                 -> Mistake (JSON): one report per contribution
//
// A report is open until a moderator decides (restores the edit, or keeps it
// removed with a reason) and answered once the bot has told the reporter.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"time"

	"go.etcd.io/bbolt"
)

// Bucket names inside each site's bucket (see siteBuckets).
var (
	bucketNotices = []byte("notices")
	bucketReports = []byte("reports")
)

// AuditKeep is the audit action of a moderator who read a report and kept
// the bot's revert, giving a reason (the entry's Outcome).
const AuditKeep AuditAction = "keep"

// Notice is a message the bot left for an editor it reverted. The JSON names
// are the on-disk format.
type Notice struct {
	User  string    `json:"user"`
	RevID int64     `json:"rev_id"` // the reverted contribution
	Title string    `json:"title"`  // where the contribution was
	Page  string    `json:"page"`   // where the message is (the editor's talk page)
	Time  time.Time `json:"time"`
}

// Mistake is a false-positive report: someone said, on the site's report
// page, that the bot was wrong about a contribution. The JSON names are the
// on-disk format.
type Mistake struct {
	Site  string    `json:"site,omitempty"` // set by the store
	RevID int64     `json:"rev_id"`
	By    string    `json:"by"`             // who reported it (a user name or an IP)
	Where string    `json:"where"`          // the site's handle of the report (a section heading)
	Time  time.Time `json:"time"`           // when the bot read it
	Note  string    `json:"note,omitempty"` // the report's own words, shortened
	// Editor says the reporter is the editor the bot reverted.
	Editor bool `json:"editor,omitempty"`
	// Reverted says the bot had removed the contribution when it read the
	// report: the counts of MistakeCounts are over these.
	Reverted bool `json:"reverted,omitempty"`
	// Unknown says the bot has no record of the contribution: the report
	// is decided as it is read, and answered so.
	Unknown bool `json:"unknown,omitempty"`
	// Decided is when a moderator decided; zero while the report is open.
	Decided   time.Time `json:"decided,omitempty"`
	Moderator string    `json:"moderator,omitempty"`
	Restored  bool      `json:"restored,omitempty"` // the moderator restored the edit
	Reason    string    `json:"reason,omitempty"`   // the moderator's reason for keeping it removed
	// Answered is when the bot answered the reporter; zero until then.
	Answered time.Time `json:"answered,omitempty"`
}

// Open reports whether no moderator has decided on the report yet.
func (r Mistake) Open() bool { return r.Decided.IsZero() }

// MistakeCounts are a site's reports as the wiki's own people see the bot's
// mistakes.
type MistakeCounts struct {
	Notified int // editors the bot left a message for (the latest per editor, within retention)
	Reported int // reverted contributions someone reported as a mistake
	ByEditor int // of those, reported by the reverted editor themselves
	Restored int // of those, restored by a moderator
	Kept     int // of those, kept removed by a moderator
	Open     int // of those, not decided yet
}

// LastNotice returns the latest message the bot left for user on this site,
// or ErrNotFound.
func (ss *SiteStore) LastNotice(ctx context.Context, user string) (Notice, error) {
	var n Notice
	if err := ss.get(ctx, fmt.Sprintf("last notice of %q", user), bucketNotices, []byte(validText(user)), &n); err != nil {
		return Notice{}, err
	}
	return n, nil
}

// PutNotice remembers that the bot left n for n.User, replacing the
// editor's earlier notice. User and Time are required.
func (ss *SiteStore) PutNotice(ctx context.Context, n Notice) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("store: put notice: %w", err)
	}
	n.User, n.Title, n.Page = validText(n.User), validText(n.Title), validText(n.Page)
	if n.User == "" || n.Time.IsZero() {
		return errors.New("store: put notice: user and time are required")
	}
	v, err := json.Marshal(n)
	if err != nil {
		return fmt.Errorf("store: put notice: %w", err)
	}
	err = ss.update(func(_ *bbolt.Tx, st site) error {
		b, err := st.b.CreateBucketIfNotExists(bucketNotices)
		if err != nil {
			return err
		}
		return b.Put([]byte(n.User), v)
	})
	if err != nil {
		return fmt.Errorf("store: put notice to %q: %w", n.User, err)
	}
	return nil
}

// AddMistake stores r unless the site has a report of the same contribution
// already, and says whether it did: the first report of a contribution is
// the one that counts. RevID, By and Time are required.
func (ss *SiteStore) AddMistake(ctx context.Context, r Mistake) (bool, error) {
	if err := ctx.Err(); err != nil {
		return false, fmt.Errorf("store: add report: %w", err)
	}
	r.Site = ss.name
	r.By, r.Where, r.Note = validText(r.By), validText(r.Where), validText(r.Note)
	if r.RevID <= 0 || r.By == "" || r.Time.IsZero() {
		return false, errors.New("store: add report: rev_id, by and time are required")
	}
	added := false
	err := ss.update(func(_ *bbolt.Tx, st site) error {
		b, err := st.b.CreateBucketIfNotExists(bucketReports)
		if err != nil {
			return err
		}
		if b.Get(revKey(r.RevID)) != nil {
			return nil
		}
		v, err := json.Marshal(r)
		if err != nil {
			return err
		}
		added = true
		return b.Put(revKey(r.RevID), v)
	})
	if err != nil {
		return false, fmt.Errorf("store: add report of %d: %w", r.RevID, err)
	}
	return added, nil
}

// Mistake returns the report of the contribution revID, or ErrNotFound.
func (ss *SiteStore) Mistake(ctx context.Context, revID int64) (Mistake, error) {
	var r Mistake
	if err := ss.get(ctx, fmt.Sprintf("report of %d", revID), bucketReports, revKey(revID), &r); err != nil {
		return Mistake{}, err
	}
	return r, nil
}

// Mistakes returns the site's reports, the open ones first, each group the
// latest first: the order of the top of the review queue.
func (ss *SiteStore) Mistakes(ctx context.Context) ([]Mistake, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("store: reports: %w", err)
	}
	var out []Mistake
	err := ss.view(func(_ *bbolt.Tx, st site) error {
		return eachJSON(st.bucket(bucketReports), "report", func(_ []byte, r Mistake) error {
			out = append(out, r)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("store: reports: %w", err)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Open() != out[j].Open() {
			return out[i].Open()
		}
		return out[i].Time.After(out[j].Time)
	})
	return out, nil
}

// OpenMistakes returns the reports no moderator has decided on yet, the
// latest first: the items the console puts at the top of its queue, marked
// "reported by" the reporter.
func (ss *SiteStore) OpenMistakes(ctx context.Context) ([]Mistake, error) {
	all, err := ss.Mistakes(ctx)
	if err != nil {
		return nil, err
	}
	out := all[:0]
	for _, r := range all {
		if r.Open() {
			out = append(out, r)
		}
	}
	return out, nil
}

// DecideMistake records a moderator's decision on the report of revID: the
// edit restored, or kept removed for reason. It returns the report as
// decided, or ErrNotFound. A report decided already keeps its first
// decision.
func (ss *SiteStore) DecideMistake(ctx context.Context, revID int64, moderator string, restored bool, reason string, at time.Time) (Mistake, error) {
	return ss.changeMistake(ctx, "decide", revID, func(tx *bbolt.Tx, r *Mistake) (bool, error) {
		if !r.Open() {
			return false, nil
		}
		r.Decided, r.Moderator, r.Restored = at, validText(moderator), restored
		if !restored {
			r.Reason = validText(reason)
		}
		// The decision teaches the site's spam layer (store/spamlayer.go)
		// in the same transaction: restored is good, kept is spam.
		l := SpamLabelSpam
		if restored {
			l = SpamLabelGood
		}
		return true, labelSpamExample(tx, ss.name, revID, l, r.Moderator, at)
	})
}

// AnswerMistake records that the bot answered the report of revID at at.
func (ss *SiteStore) AnswerMistake(ctx context.Context, revID int64, at time.Time) (Mistake, error) {
	return ss.changeMistake(ctx, "answer", revID, func(_ *bbolt.Tx, r *Mistake) (bool, error) {
		r.Answered = at
		return true, nil
	})
}

// changeMistake applies change to the report of revID in one write
// transaction tx, where change may write more; change says whether it
// changed the report.
func (ss *SiteStore) changeMistake(ctx context.Context, op string, revID int64, change func(tx *bbolt.Tx, r *Mistake) (bool, error)) (Mistake, error) {
	if err := ctx.Err(); err != nil {
		return Mistake{}, fmt.Errorf("store: %s report of %d: %w", op, revID, err)
	}
	var r Mistake
	found := false
	err := ss.update(func(tx *bbolt.Tx, st site) error {
		b, err := st.b.CreateBucketIfNotExists(bucketReports)
		if err != nil {
			return err
		}
		if found, err = getJSON(b, revKey(revID), &r); err != nil || !found {
			return err
		}
		if changed, err := change(tx, &r); err != nil || !changed {
			return err
		}
		nv, err := json.Marshal(r)
		if err != nil {
			return err
		}
		return b.Put(revKey(revID), nv)
	})
	if err != nil {
		return Mistake{}, fmt.Errorf("store: %s report of %d: %w", op, revID, err)
	}
	if !found {
		return Mistake{}, ErrNotFound
	}
	return r, nil
}

// MistakeCounts counts the site's notices and the reports of contributions
// the bot had reverted. A report a moderator resolved in the console counts
// as decided at once, before the bot takes the decision into it.
func (ss *SiteStore) MistakeCounts(ctx context.Context) (MistakeCounts, error) {
	if err := ctx.Err(); err != nil {
		return MistakeCounts{}, fmt.Errorf("store: report counts: %w", err)
	}
	var c MistakeCounts
	err := ss.view(func(tx *bbolt.Tx, st site) error {
		resolved := tx.Bucket(bucketReviewResolved)
		if b := st.bucket(bucketNotices); b != nil {
			c.Notified = b.Stats().KeyN
		}
		return eachJSON(st.bucket(bucketReports), "report", func(_ []byte, r Mistake) error {
			if !r.Reverted {
				return nil
			}
			c.Reported++
			if r.Editor {
				c.ByEditor++
			}
			if r.Open() && resolved != nil {
				// A moderator decided in the console; the bot takes the
				// decision into the report on its next pass.
				if v := resolved.Get(ss.s.resolvedKey(ss.name, r.RevID)); v != nil {
					var e AuditEntry
					if err := json.Unmarshal(v, &e); err != nil {
						return fmt.Errorf("decode resolution %d: %w", r.RevID, err)
					}
					r.Decided, r.Restored = e.Time, e.Action == AuditRestore
				}
			}
			switch {
			case r.Open():
				c.Open++
			case r.Restored:
				c.Restored++
			default:
				c.Kept++
			}
			return nil
		})
	})
	if err != nil {
		return MistakeCounts{}, fmt.Errorf("store: report counts: %w", err)
	}
	return c, nil
}

// KeepReported records, for the console, that moderator read the report of
// revID on this site and kept the bot's revert for reason: an audit entry
// (AuditKeep, the reason as its outcome) that resolves the item, and the
// report's decision, in one transaction. It returns ErrNotFound when the
// site has no report of revID.
func (ss *SiteStore) KeepReported(ctx context.Context, revID int64, moderator, reason string, at time.Time) (Mistake, error) {
	if ss.err != nil {
		return Mistake{}, ss.err
	}
	moderator, reason = validText(moderator), validText(reason)
	if moderator == "" || at.IsZero() {
		return Mistake{}, errors.New("store: keep reported: moderator and time are required")
	}
	return ss.changeMistake(ctx, "keep", revID, func(tx *bbolt.Tx, r *Mistake) (bool, error) {
		e := AuditEntry{Time: at, Moderator: moderator, Action: AuditKeep, Site: ss.name, RevID: revID, Outcome: reason}
		if err := ss.s.putAudit(tx, &e); err != nil {
			return false, err
		}
		if !r.Open() {
			return false, nil
		}
		r.Decided, r.Moderator, r.Reason = at, moderator, reason
		return true, nil
	})
}

// KeepReported is Site(default).KeepReported.
func (s *Store) KeepReported(ctx context.Context, revID int64, moderator, reason string, at time.Time) (Mistake, error) {
	return s.def.KeepReported(ctx, revID, moderator, reason, at)
}

// LastNotice is Site(default).LastNotice.
func (s *Store) LastNotice(ctx context.Context, user string) (Notice, error) {
	return s.def.LastNotice(ctx, user)
}

// PutNotice is Site(default).PutNotice.
func (s *Store) PutNotice(ctx context.Context, n Notice) error { return s.def.PutNotice(ctx, n) }

// AddMistake is Site(default).AddMistake.
func (s *Store) AddMistake(ctx context.Context, r Mistake) (bool, error) {
	return s.def.AddMistake(ctx, r)
}

// Mistake is Site(default).Mistake.
func (s *Store) Mistake(ctx context.Context, revID int64) (Mistake, error) {
	return s.def.Mistake(ctx, revID)
}

// Mistakes is Site(default).Mistakes.
func (s *Store) Mistakes(ctx context.Context) ([]Mistake, error) { return s.def.Mistakes(ctx) }

// OpenMistakes is Site(default).OpenMistakes.
func (s *Store) OpenMistakes(ctx context.Context) ([]Mistake, error) { return s.def.OpenMistakes(ctx) }

// DecideMistake is Site(default).DecideMistake.
func (s *Store) DecideMistake(ctx context.Context, revID int64, moderator string, restored bool, reason string, at time.Time) (Mistake, error) {
	return s.def.DecideMistake(ctx, revID, moderator, restored, reason, at)
}

// AnswerMistake is Site(default).AnswerMistake.
func (s *Store) AnswerMistake(ctx context.Context, revID int64, at time.Time) (Mistake, error) {
	return s.def.AnswerMistake(ctx, revID, at)
}

// MistakeCounts is Site(default).MistakeCounts.
func (s *Store) MistakeCounts(ctx context.Context) (MistakeCounts, error) {
	return s.def.MistakeCounts(ctx)
}

// Resolution returns the console's resolution of the record of revID on this
// site, or ErrNotFound.
func (ss *SiteStore) Resolution(ctx context.Context, revID int64) (AuditEntry, error) {
	if ss.err != nil {
		return AuditEntry{}, ss.err
	}
	if err := ctx.Err(); err != nil {
		return AuditEntry{}, fmt.Errorf("store: resolution %d: %w", revID, err)
	}
	var e AuditEntry
	found := false
	err := ss.s.view(func(tx *bbolt.Tx) error {
		var err error
		found, err = getJSON(tx.Bucket(bucketReviewResolved), ss.s.resolvedKey(ss.name, revID), &e)
		return err
	})
	if err != nil {
		return AuditEntry{}, fmt.Errorf("store: resolution %d: %w", revID, err)
	}
	if !found {
		return AuditEntry{}, ErrNotFound
	}
	return e, nil
}

// expireNotices deletes the site's notices older than cutoff, and its
// reports read before cutoff that were decided (an open report stays until
// a moderator decides: it is the top of the queue). Both name editors.
func expireNotices(st site, cutoff []byte) (int, error) {
	before := parseTime(cutoff)
	n := 0
	for _, name := range [][]byte{bucketNotices, bucketReports} {
		b := st.bucket(name)
		if b == nil {
			continue
		}
		var old [][]byte
		err := b.ForEach(func(k, v []byte) error {
			var e struct {
				Time    time.Time `json:"time"`
				Decided time.Time `json:"decided"`
			}
			if err := json.Unmarshal(v, &e); err != nil {
				return fmt.Errorf("decode %s %x: %w", name, k, err)
			}
			if e.Time.Before(before) && (string(name) == string(bucketNotices) || !e.Decided.IsZero()) {
				old = append(old, append([]byte(nil), k...))
			}
			return nil
		})
		if err != nil {
			return n, err
		}
		if err := deleteKeys(b, old); err != nil {
			return n, err
		}
		n += len(old)
	}
	return n, nil
}
