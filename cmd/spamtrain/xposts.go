package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os/exec"
	"slices"
	"strings"
)

// Real social-media spam: posts and replies on X (Twitter), 2023-2026,
// collected and labelled by the Janitr project (MIT licence on the
// repository, the posts' words their writers'), read from a git mirror at
// the pinned commit, never copied. Its spam is what a comment or chat
// spammer writes today: fake airdrop and wallet-drainer "claim" posts
// naming a bare domain (`name.lol/claim`), token-launch shilling,
// fund-recovery scams that ask to be written to, adult and gambling
// promotion; its good faith is the ordinary posts beside it (news, games,
// programming, crypto talk, a few in other languages). Labels are the
// project's own (model suggestions reviewed by a person, docs/
// DATA_LABELING.md): a post is spam here when it carries scam, phishing,
// recovery_scam or spam; good faith when it is clean or carries only topic
// labels; promotion, giveaways, engagement bait, AI replies and the other
// grey labels are left out (neither spam nor good faith to the bot). Mock
// records (source id x_mock_*) are left out. Caveats: mostly English and
// mostly crypto; one campaign can fill dozens of posts. Held out whole in
// fold X, so the report keeps a cross-source figure on real social spam.
const (
	xRepo   = "janitrai/janitr"
	xCommit = "a5b1e746e8826ffd800725536c782abc61818455"
	xPath   = "data/sample.jsonl"
)

// xTrain is whether the final model and every fold but X train on the
// tuning half of the X posts (no model ever trains on the held-out half),
// at xShare of the weight a class. Off, because the posts did not carry
// over to the other comment source, the Instagram comments that fold D
// holds out whole (session 19, seeds 13 / 14, the bot's no-memory
// reverts): X's held-out half (fold Xh) rose 59 -> 92%, D's comment
// spam with words 63.4 -> 64.7 / 63.1 -> 64.2%, but D's link-only spam
// 65.7 -> 65.7 / 80.0 -> 60.0% (35; before the operating shift, at p≥0.7,
// 82.9 -> 65.7 / 60.0%: it falls on both seeds), e-mail spam with a URL
// 72.5 -> 70.2 / 75.7 -> 71.3% at p≥0.8 and e-mail link-only 10 -> 8 /
// 11 -> 9 of 17. With -replyspam too, D's spam with words fell at seed 13
// (61.4%), D's link-only at seed 14 (65.7%), and a link fixture of bot and
// of detectors failed at seed 14; at xShare 0.08 D's link-only fell on
// both seeds (62.9 / 77.1%) and Stack Exchange in fold B rose 0.09 ->
// 0.23 / 0.19 -> 0.28%.
var (
	xTrain = false
	xShare = 0.15
)

// xHamShare, without xTrain, is the share of the weight at which the
// final model and every fold but X train on the good faith of the X
// posts' tuning half alone (its spam never; fold Xh then measures the
// held-out half): 0, not at all. Off, because the crypto talk of the
// good faith taught crypto spam good faith too (session 20, seed 13,
// with NamedOnce, before the operating shift, the bot's no-memory
// reverts at 0.075 / 0.15): the held-out half's good faith with a contact
// 19.0 -> 8.1 / 6.9%, but its spam with words 64.3 -> 48.7 / 45.5%; fold
// D's comment spam with words 60.3 -> 57.3 / 54.9%, its link-only spam
// 62.9 -> 60.0 / 57.1%.
var xHamShare = 0.0

// loadXPosts reads the labelled X posts from the git mirror at gitDir.
func loadXPosts(gitDir string) ([]example, error) {
	data, err := exec.Command("git", "--git-dir="+gitDir, "show", xCommit+":"+xPath).Output()
	if err != nil {
		return nil, fmt.Errorf("reading %s@%s:%s in %s (fetch the repository there first): %w", xRepo, xCommit[:7], xPath, gitDir, err)
	}
	return readXPosts(data)
}

// xSpamLabels make a post spam; xGreyLabels leave it out unless it is spam.
var (
	xSpamLabels = []string{"scam", "phishing", "recovery_scam", "spam"}
	xGreyLabels = []string{"promo", "affiliate", "giveaway", "engagement_bait", "lead_gen", "ai_generated_reply",
		"ai_slop", "reply_spam", "bot", "follow_train", "clickbait", "low_effort", "impersonation", "misinformation",
		"conspiracy", "ragebait", "vaguepost", "profanity", "topic_adult_services", "topic_gambling"}
)

// readXPosts parses the JSONL of X posts; exact duplicates (same text and
// class) are read once.
func readXPosts(data []byte) ([]example, error) {
	var out []example
	seen := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 1<<20), 1<<24)
	line := 0
	for sc.Scan() {
		line++
		var r struct {
			ID       string   `json:"id"`
			SourceID string   `json:"source_id"`
			Text     string   `json:"text"`
			Labels   []string `json:"labels"`
		}
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", xPath, line, err)
		}
		text := strings.TrimSpace(r.Text)
		if text == "" || r.ID == "" || strings.HasPrefix(r.SourceID, "x_mock_") || strings.HasPrefix(r.ID, "x_mock_") {
			continue
		}
		spam, grey := false, false
		other := false
		for _, l := range r.Labels {
			switch {
			case slices.Contains(xSpamLabels, l):
				spam = true
			case slices.Contains(xGreyLabels, l):
				grey = true
			case l == "topic_language_other":
				other = true
			}
		}
		if !spam && grey || len(r.Labels) == 0 {
			continue
		}
		key := fmt.Sprint(spam, text)
		if seen[key] {
			continue
		}
		seen[key] = true
		lang := "en"
		if other {
			lang = "und"
		}
		e := example{id: "xpost:" + r.ID, text: text, label: spam, lang: lang, genre: "comment", source: "x", markdown: true,
			kind: "ham-xpost-" + lang}
		if spam {
			e.kind = "spam-xpost-" + lang
		}
		out = append(out, e)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no labelled posts", xPath)
	}
	return out, nil
}
