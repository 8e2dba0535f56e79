// Package decision is wikiwarden's vocabulary for what the bot concluded
// about a contribution and what it did: verdicts, actions, reason codes and
// outcomes. It is a leaf package so that the patroller (bot), the store,
// the offline evaluation (eval) and the review console all speak the same
// typed words; the store keeps them as these values and the console explains
// each one. The string values are the on-disk format: never change one.
package decision

// Verdict is what the bot concluded about one contribution.
type Verdict string

// Verdicts.
const (
	VerdictOK           Verdict = "ok"            // nothing suspicious
	VerdictProbe        Verdict = "probe"         // a random-token probe
	VerdictFollowUpSpam Verdict = "followup_spam" // links from a probing IP/range or on a probed place
	VerdictLinkSpam     Verdict = "link_spam"     // links that are spam on their own evidence
	VerdictSkipped      Verdict = "skipped"       // not scored (trusted author, own edit, ...)
)

// Action is what the bot decided to do about a contribution.
type Action string

// Actions.
const (
	ActionNone        Action = "none"         // leave it alone
	ActionRevert      Action = "revert"       // remove the contribution
	ActionRevertBlock Action = "revert_block" // remove it and block the address, range or account
	ActionFlag        Action = "flag"         // would remove but must not (later editor, nobots, cooldown): for a human
)

// Reason is a typed reason code: why a verdict was reached, why a
// contribution was skipped, or why a decided action was held back.
type Reason string

// Decision reasons.
const (
	WhyProbe         Reason = "probe_token"       // the probe detector crossed its threshold
	WhyFollowUpIP    Reason = "followup_ip"       // the IP made a probe within the watch window
	WhyFollowUpRange Reason = "followup_range"    // the IP's range made a probe within the watch window
	WhyFollowUpPage  Reason = "followup_page"     // the place was probed within the watch window
	WhyLinkSpam      Reason = "link_spam"         // the link detector crossed its threshold
	WhyClean         Reason = "clean"             // no detector crossed its threshold
	WhyLinksNoHist   Reason = "links_no_history"  // links added, but no probing history: left alone
	WhyRegistered    Reason = "registered_editor" // follow-up rules apply to anonymous editors only
	WhyKnownToken    Reason = "known_token"       // the added text carries a token the store saw in a probe
	WhySpamSignals   Reason = "spam_signals"      // the added links carry spam signals (vocabulary, shortener, hidden, spam domain, link wall)
	WhyNewDomain     Reason = "new_domain"        // the only content evidence is a link to a domain the wiki does not cite yet
	WhyKnownDomain   Reason = "known_domain"      // every added link goes to a domain the wiki already cites: flagged at most
	WhyCitationLike  Reason = "citation_like"     // no spam signal and every link carries a title: association alone does not remove it
	WhyNoSpamSignal  Reason = "no_spam_signal"    // history, but the content shows no spam signal: left alone
	WhyMention       Reason = "mention"           // short of blatant, the only contacts are @handles the text credits or tags, not one it sends readers to
	WhyRepeatDomain  Reason = "repeat_domain"     // a domain already reverted or confirmed as spam: repetition, so a block
	WhyRepeatEditor  Reason = "repeat_editor"     // the editor's earlier edit was confirmed spam within the watch window
)

// Skip reasons: why a contribution was not scored. The values are the
// words the pass summary prints.
const (
	SkipOwn       Reason = "own edit"
	SkipBot       Reason = "bot"
	SkipTrusted   Reason = "trusted group"
	SkipEditCount Reason = "trusted edit count"
	SkipNamespace Reason = "namespace"
	SkipMissing   Reason = "revision hidden or deleted"
)

// Hold reasons: why a flagged contribution was not removed. They are
// recorded and shown in the pass summary.
const (
	HoldDryRun   Reason = "dry run"
	HoldShutoff  Reason = "shutoff"
	HoldLater    Reason = "later edits by others"
	HoldNobots   Reason = "nobots"
	HoldCooldown Reason = "revert cooldown"
	HoldReverted Reason = "already reverted"
	HoldDeleted  Reason = "page deleted"
	HoldCreated  Reason = "page created by the editor: needs deletion"
	HoldBlocked  Reason = "already blocked"
)

// Outcome is what one action step did on the site.
type Outcome string

// Outcomes.
const (
	OutcomeReverted        Outcome = "reverted"         // the contribution was removed now
	OutcomeAlreadyReverted Outcome = "already_reverted" // it was gone when the bot looked
	OutcomeHeld            Outcome = "held"             // left in place for a hold reason
	OutcomeDeleted         Outcome = "deleted"          // the place it created was deleted
	OutcomeTagged          Outcome = "tagged"           // the place it created was tagged for deletion
	OutcomeBlocked         Outcome = "blocked"          // its author's address, range or account was blocked
	OutcomeNotBlocked      Outcome = "not_blocked"      // a block was called for but one is in force already
	OutcomeBlacklisted     Outcome = "blacklisted"      // its domains were added to the spam blacklist
	OutcomeCleaned         Outcome = "cleaned"          // probe tokens its campaign left on the place were removed
	OutcomeFailed          Outcome = "failed"           // the site refused or failed
)

// Decision is the bot's verdict on one contribution and the action it
// calls for.
type Decision struct {
	Verdict Verdict  `json:"verdict"`
	Action  Action   `json:"action"`
	Why     []Reason `json:"why"`
}

// Reverts reports whether the decision calls for removing the contribution.
func (d Decision) Reverts() bool {
	return d.Action == ActionRevert || d.Action == ActionRevertBlock
}

// Has reports whether the decision gives reason r.
func (d Decision) Has(r Reason) bool {
	for _, w := range d.Why {
		if w == r {
			return true
		}
	}
	return false
}
