package detectors

import (
	"strings"
	"testing"
)

// A random mix of cases, or of cases and digits, slipped between words of
// a sentence is no name: a name of both cases is mostly words ("PyTorch",
// "useState"), not one short word by chance ("HaeDNsi"); and a word alone on
// a line of code beside a line holding one word of the language ("bash",
// "Thanks") is no name in a column of names.
func TestProbeShapeOfWords(t *testing.T) {
	env := &Env{Dicts: testDicts(t, false)}
	const old = "The river flows through the old valley and reaches the sea near the town of Kent.\n"
	const post = "Thanks for the quick reply, here is what I ran on the new machine:\n\n" +
		"```\nconda init bash\nbash\n%s\nconda activate pytorch_p310\npip install datasets\n```\n"
	const answer = "I can see why the score of a long and careful answer is a letdown, but a few things probably worked against it.\n\n" +
		"- A tone that takes sides puts many readers off before they weigh the sources. I think %s made this point very well. " +
		"Readers like to make up their own minds about the question that was asked.\n\n" +
		"- A long answer that spends its first half on something else loses readers before they reach the part that answers the question, " +
		"and some of them vote on what they have read so far.\n\n" +
		"- Edits rarely win back the votes of an early reading, since few people come back to an answer they have already voted on.\n\n" +
		"Keep writing answers with sources, but get to the point sooner, and the votes will follow."
	for _, tt := range []struct {
		name, old, new string
		format         Format
		want           string
	}{
		{"a short word among random humps", old, strings.Replace(old, "the old valley", "the HaeDNsi valley", 1), FormatWikitext, "HaeDNsi"},
		{"a name of words", old, strings.Replace(old, "the old valley", "the PlayStation valley", 1), FormatWikitext, ""},
		{"cases and digits between words", old, strings.Replace(old, "the old valley", "the km4ULTD valley", 1), FormatWikitext, "km4ULTD"},
		{"a name and its version between words", old, strings.Replace(old, "the old valley", "the iPhone12 valley", 1), FormatWikitext, ""},
		{"a handle and its number between words", "", strings.Replace(answer, "%s", "SJuan76", 1), FormatMarkdown, ""},
		{"cases and digits between words of a post", "", strings.Replace(strings.Replace(answer, "%s", "SJuan76", 1), "own minds", "own 7EL17z minds", 1), FormatMarkdown, "7EL17z"},
		{"a token below a command of one word", "", strings.Replace(post, "%s", "qxzvkwj", 1), FormatMarkdown, "qxzvkwj"},
		{"a column of names", "", strings.Replace(post, "bash\n%s\n", "wmt14\nqa4mre\nlm1b\n", 1), FormatMarkdown, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e := &Edit{Anon: true, Format: tt.format, Old: tt.old, New: tt.new, Lang: "en"}
			r := Probe(&Input{Edit: e, Added: Diff(e.Old, e.New), Env: env})
			if got := strings.Join(r.Tokens, " "); got != tt.want {
				t.Errorf("tokens %q, want %q (suspects %v)\n%s", got, tt.want, r.Suspects, reasonLines(r))
			}
		})
	}
}
