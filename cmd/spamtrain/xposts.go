package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"hash/fnv"
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
// at xShare of the weight a class.
var (
	xTrain = false
	xShare = 0.15
)

// xHeld is whether an X post is in the held-out half: chosen by a hash of
// its id, so that the halves do not change when the model does.
func xHeld(id string) bool {
	h := fnv.New32a()
	h.Write([]byte(id))
	return h.Sum32()%2 == 1
}

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
