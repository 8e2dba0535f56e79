package bot

import (
	"context"
	"errors"
	"time"

	"github.com/sirupsen/logrus"

	"github.com/wikiwarden/wikiwarden/decision"
	"github.com/wikiwarden/wikiwarden/detectors"
	"github.com/wikiwarden/wikiwarden/store"
)

// Notice asks a site to tell the author of a contribution the bot removed
// why, and how to report a mistake.
type Notice struct {
	Contribution Contribution
	Grounds      Grounds
	How          string // how it was removed: "rolled back", "undone", "page deleted"
}

// Notified says where a site left a message.
type Notified struct {
	Where string // the place of the message, e.g. "User talk:Alice"
}

// Report is one report of a mistake the site's people made on its report
// page: it names a contribution.
type Report struct {
	ID    int64  // the contribution reported
	By    string // who reported it: an account name or an address
	Where string // the site's handle of the report (a section's heading)
	Note  string // the report's words, shortened
}

// Answer asks a site to reply to a report, once a moderator decided.
type Answer struct {
	Report    Report
	Known     bool   // the bot has a record of the reported contribution
	Restored  bool   // the moderator restored it
	Moderator string // who decided; "" for the bot's own answer (Known unset)
	Reason    string // why it was kept removed
}

// NoticeRule says when the author of a removed contribution is told.
type NoticeRule string

// Notice rules.
const (
	NoticeNever  NoticeRule = "never"
	NoticeAlways NoticeRule = "always"
	// NoticeWeak tells the author only when the contribution was judged on
	// weaker evidence: not a blatant probe, not blatant spam. Nobody reads
	// a botnet's talk pages.
	NoticeWeak NoticeRule = "weak"
)

// NoticePolicy says which authors of removed contributions get a message,
// per verdict and per kind of author. The zero value tells nobody.
type NoticePolicy struct {
	Registered map[decision.Verdict]NoticeRule
	Anonymous  map[decision.Verdict]NoticeRule
	// Interval allows at most one message per author within it; 0: no
	// limit.
	Interval time.Duration
}

// noticeStore is the part of a store that remembers messages and reports.
// A store without it turns both features off.
type noticeStore interface {
	LastNotice(ctx context.Context, user string) (store.Notice, error)
	PutNotice(ctx context.Context, n store.Notice) error
	AddMistake(ctx context.Context, m store.Mistake) (bool, error)
	Mistakes(ctx context.Context) ([]store.Mistake, error)
	DecideMistake(ctx context.Context, revID int64, moderator string, restored bool, reason string, at time.Time) (store.Mistake, error)
	AnswerMistake(ctx context.Context, revID int64, at time.Time) (store.Mistake, error)
	Resolution(ctx context.Context, revID int64) (store.AuditEntry, error)
}

// outcomeNotified is the outcome of the message step. The handler's fold
// does not record it: the store keeps the message (store.Notice).
const outcomeNotified decision.Outcome = "notified"

// notify tells the author of a contribution the bot just removed, when the
// policy says so and the author was not told within the interval. It never
// fails the action: a message that could not be left is logged. ok is
// false when no message was called for.
func (p *Patroller) notify(ctx context.Context, sc scored, d decision.Decision, removed Outcome) (Outcome, bool) {
	ns, ok := p.store.(noticeStore)
	if !ok || (removed.Code != decision.OutcomeReverted && removed.Code != decision.OutcomeDeleted) {
		return Outcome{}, false
	}
	c := sc.change
	if !p.opts.Notice.calls(c.Author, d, sc.results, Policy{Thresholds: p.opts.Thresholds}) {
		return Outcome{}, false
	}
	log := p.logger(c).WithField("action", "notify")
	now := p.opts.Now()
	if last, err := ns.LastNotice(ctx, c.Author.Name); err == nil && p.opts.Notice.Interval > 0 && now.Sub(last.Time) < p.opts.Notice.Interval {
		log.WithField("last", last.Time).Debug("editor told already")
		return Outcome{Code: outcomeNotified, How: "told already"}, true
	} else if err != nil && !errors.Is(err, store.ErrNotFound) {
		log.WithError(err).Error("editor not told: reading the last message failed")
		return Outcome{Code: outcomeNotified, How: "not told", Err: err}, true
	}
	how := removed.How
	if removed.Code == decision.OutcomeDeleted {
		how = "page deleted"
	}
	n, err := p.site.Notify(ctx, Notice{Contribution: c, Grounds: grounds(d, sc.results), How: how})
	switch {
	case errors.Is(err, ErrDenied):
		log.Info("editor not told: the talk page asks bots to stay away")
		return Outcome{Code: outcomeNotified, How: "not told", Hold: decision.HoldNobots}, true
	case errors.Is(err, ErrUnsupported):
		return Outcome{}, false
	case err != nil:
		log.WithError(err).Warn("editor not told")
		return Outcome{Code: outcomeNotified, How: "not told", Err: err}, true
	}
	if err := ns.PutNotice(ctx, store.Notice{User: c.Author.Name, RevID: c.ID, Title: c.Place.Title, Page: n.Where, Time: now}); err != nil {
		log.WithError(err).Error("message left but not remembered")
	}
	log.WithField("page", n.Where).Info("editor told")
	return Outcome{Code: outcomeNotified, How: "told on " + n.Where}, true
}

// calls reports whether the policy calls for telling the author of a
// contribution removed for d.
func (np NoticePolicy) calls(a Author, d decision.Decision, results []detectors.Result, pol Policy) bool {
	rules := np.Registered
	if a.Anon {
		rules = np.Anonymous
	}
	switch rules[d.Verdict] {
	case NoticeAlways:
		return true
	case NoticeWeak:
		return !blatant(d, results, pol)
	}
	return false
}

// blatant reports whether d rests on strong evidence: a probe scored well
// over its threshold (the upper half above it) or carrying a token
// remembered from another probe; spam by its content (link spam is blatant
// by its verdict; follow-up spam whose links carry spam signals or score
// over the link threshold), spam repeating a domain or an editor already
// confirmed, or anything that gets its editor blocked. What is left (a
// probe just over the threshold, a plain link removed for the company it
// keeps) is where good faith is likeliest.
func blatant(d decision.Decision, results []detectors.Result, pol Policy) bool {
	if d.Action == decision.ActionRevertBlock {
		return true
	}
	switch d.Verdict {
	case decision.VerdictProbe:
		t := pol.threshold("probe")
		for _, r := range results {
			if r.Detector == "probe" && r.Score >= t+(1-t)/2 {
				return true
			}
		}
		return d.Has(decision.WhyKnownToken)
	case decision.VerdictLinkSpam:
		return true
	case decision.VerdictFollowUpSpam:
		return d.Has(decision.WhyLinkSpam) || d.Has(decision.WhySpamSignals) ||
			d.Has(decision.WhyRepeatDomain) || d.Has(decision.WhyRepeatEditor)
	}
	return false
}

// mistakes reads the site's report page when it may hold something new
// (the first pass, or latest is an edit of it newer than the last read),
// stores each new report of a contribution, and answers the reports a
// moderator decided, unless the pass must not write (observe). Its
// failures are logged: reports wait for a later pass, and the patrol goes
// on.
func (p *Patroller) mistakes(ctx context.Context, latest int64, observe string) {
	ns, ok := p.store.(noticeStore)
	if !ok || p.self.ReportPlace == "" {
		return
	}
	log := p.log.WithField("title", p.self.ReportPlace)
	if !p.reportsRead || latest > p.reportsSeen {
		if err := p.readReports(ctx, ns); err != nil {
			log.WithError(err).Warn("report page not read")
		} else {
			p.reportsRead, p.reportsSeen = true, max(p.reportsSeen, latest)
		}
	}
	if observe != "" {
		return
	}
	if err := p.answerReports(ctx, ns); err != nil {
		log.WithError(err).Warn("reports not answered")
	}
}

// reportsChanged returns the latest of the changes' edits of the report
// page by others than the bot, 0 for none. A change re-read in a later
// pass's overlap is not newer than the read that followed it.
func (p *Patroller) reportsChanged(changes []Contribution) int64 {
	var latest int64
	if p.self.ReportPlace == "" {
		return 0
	}
	for _, c := range changes {
		if c.Place.Title == p.self.ReportPlace && c.Author.Name != p.self.Name {
			latest = max(latest, c.ID)
		}
	}
	return latest
}

// readReports stores the reports on the report page the store does not
// have yet. A report of a contribution the bot has no record of is decided
// at once: the bot answers that it knows nothing of it.
func (p *Patroller) readReports(ctx context.Context, ns noticeStore) error {
	reports, err := p.site.Reports(ctx)
	if errors.Is(err, ErrUnsupported) {
		return nil
	}
	if err != nil {
		return err
	}
	now := p.opts.Now()
	for _, r := range reports {
		m := store.Mistake{RevID: r.ID, By: r.By, Where: r.Where, Note: r.Note, Time: now}
		rec, err := p.store.Record(ctx, r.ID)
		known := err == nil
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			return err
		}
		m.Unknown = !known
		if known {
			m.Editor = rec.User == r.By
			m.Reverted = rec.Action == decision.ActionRevert || rec.Action == decision.ActionRevertBlock
		}
		added, err := ns.AddMistake(ctx, m)
		if err != nil {
			return err
		}
		if !added {
			continue
		}
		p.log.WithFields(logrus.Fields{"rev_id": r.ID, "user": r.By, "action": "report"}).Info("mistake reported")
		if !known {
			if _, err := ns.DecideMistake(ctx, r.ID, "", false, "", now); err != nil {
				return err
			}
		}
	}
	return nil
}

// answerReports takes the console's decisions into the open reports and
// answers each decided report not answered yet.
func (p *Patroller) answerReports(ctx context.Context, ns noticeStore) error {
	all, err := ns.Mistakes(ctx)
	if err != nil {
		return err
	}
	for _, m := range all {
		if !m.Answered.IsZero() {
			continue
		}
		if m.Open() {
			e, err := ns.Resolution(ctx, m.RevID)
			if errors.Is(err, store.ErrNotFound) {
				continue // no moderator yet
			} else if err != nil {
				return err
			}
			// Restored, or kept: with the reason a moderator gave for
			// keeping it (the console's "keep"); other resolutions give
			// none.
			restored, reason := e.Action == store.AuditRestore, ""
			if e.Action == store.AuditKeep {
				reason = e.Outcome
			}
			if m, err = ns.DecideMistake(ctx, m.RevID, e.Moderator, restored, reason, e.Time); err != nil {
				return err
			}
		}
		a := Answer{
			Report:   Report{ID: m.RevID, By: m.By, Where: m.Where, Note: m.Note},
			Known:    !m.Unknown,
			Restored: m.Restored, Moderator: m.Moderator, Reason: m.Reason,
		}
		if err := p.site.Answer(ctx, a); errors.Is(err, ErrUnsupported) {
			return nil
		} else if err != nil {
			return err
		}
		if _, err := ns.AnswerMistake(ctx, m.RevID, p.opts.Now()); err != nil {
			return err
		}
		p.log.WithFields(logrus.Fields{"rev_id": m.RevID, "user": m.By, "action": "answer"}).Info("report answered")
	}
	return nil
}
