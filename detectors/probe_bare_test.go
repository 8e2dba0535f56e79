package detectors

import (
	"strings"
	"testing"
)

// Six or seven lower-case letters slipped into a sentence of a technical
// post, beside its identifiers: a draw's letters hold too few bits to
// outweigh the code around, but nothing backs them as a program's name
// either (bareInProse). A program's name has a program's letters or is
// named again; a word set among values is no sentence's.
func TestProbeBareInProse(t *testing.T) {
	env := &Env{Dicts: testDicts(t, false)}
	const post = "Since upgrading to 2.14 the `push_to_hub` call fails on every split.\n\n" +
		"It looks like `upload_file` retries the SLOT request in `hf_api.py` and then gives up after the " +
		"third attempt, although the token is valid.\n\n" +
		"```python\nfrom datasets import load_dataset\nds = load_dataset(\"csv\", data_files=\"train.csv\")\nds.push_to_hub(\"me/data\")\n```\n\n" +
		"Environment:\n- `datasets` version: 2.14.4\n- Python version: 3.10.12\n"
	for _, tt := range []struct{ name, slot, want string }{
		{"post as it is", "", ""},
		{"a draw beside the identifiers", "ovlaum", "ovlaum"},
		{"another draw", "amsute", "amsute"},
		{"a program's name", "libzip", ""},
		{"nearly a program's letters", "timmfs", ""},
		{"a typo of a word", "reqeust", ""},
		{"a longer draw", "qezdvolpaku", "qezdvolpaku"},
		{"a pronounceable draw of ten", "tavesimorx", "tavesimorx"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := probePost(env, slotted(post, tt.slot))
			if got := strings.Join(r.Tokens, " "); got != tt.want {
				t.Errorf("tokens %q, want %q\n%s", got, tt.want, reasonLines(r))
			}
		})
	}
	// A hurried spelling of a word the post spells right elsewhere (a
	// letter dropped and two swapped) is the post's word, not a draw.
	for _, tt := range []struct{ typo, word string }{
		{"avilbale", "available"}, {"woraronud", "workaround"}, {"bencahrk", "benchmark"},
	} {
		text := slotted(post, tt.typo)
		if r := probePost(env, text); strings.Join(r.Tokens, " ") != tt.typo {
			t.Errorf("%q alone: tokens %q, want it\n%s", tt.typo, r.Tokens, reasonLines(r))
		}
		text += "\nThe " + tt.word + " one is fine.\n"
		if r := probePost(env, text); len(r.Tokens) > 0 {
			t.Errorf("%q beside %q: tokens %q, want none\n%s", tt.typo, tt.word, r.Tokens, reasonLines(r))
		}
	}
	// Named again inside a file's name, or set before a command's
	// arguments rather than in a sentence (one word of the language beside
	// it, or words of two letters, which many languages have), a draw's
	// letters are the post's own name.
	for _, text := range []string{
		slotted(post, "dapnol") + "\nMy settings are in ~/.dapnolrc and set no proxy.\n",
		slotted(post, "") + "\ndapnol in.fifo\n",
		slotted(post, "") + "\nrun dapnol in.fifo\n",
		slotted(post, "") + "\ngo dapnol an io\n",
	} {
		if r := probePost(env, text); len(r.Tokens) > 0 {
			t.Errorf("%q: tokens %q, want none\n%s", text, r.Tokens, reasonLines(r))
		}
	}
}

// A command's name of words joined is words end to end, each of three
// letters or more; a draw is not, nor are words joined by a letter or two
// no word has.
func TestWordsJoined(t *testing.T) {
	p := &prober{env: &Env{Dicts: testDicts(t, true)}}
	p.edit0 = &Edit{Format: FormatMarkdown, Lang: "en"}
	for w, want := range map[string]bool{
		"redfoxhill": true, "hotswapdisk": true, "kavimotelu": false, "qezdvolpaku": false, "redfoxqhill": false, "redfoxhillq": false,
	} {
		if got := p.wordsJoined(w); got != want {
			t.Errorf("wordsJoined(%q) = %v, want %v", w, got, want)
		}
	}
}

// A word of an example sentence that a gloss line below glosses (an
// invented language's sentence, its glosses with grammatical categories,
// then its translation) is that language's word, not a draw slipped into
// the post's prose: bareInProse leaves it to the letters and to the
// technical post around (glossedExample). Two of the example's words are
// English words by chance, so the example word sits among words of the
// page's language as a bare draw does. Without the gloss, the same line
// is prose and the draw is flagged.
func TestProbeBareGlossedExample(t *testing.T) {
	env := &Env{Dicts: testDicts(t, true)} // the example's words and the gloss's are read by the English dictionary
	const post = "My `align_gloss()` helper in `gloss.py` pads each column with `str.ljust` so the morphemes line up, " +
		"but the output breaks when a word has a hyphen. For example:\n\n" +
		"lava SLOT tor\nGLOSS\n\n" +
		"```python\ndef align_gloss(src, gloss):\n    cols = [max(len(a), len(b)) for a, b in zip(src.split(), gloss.split())]\n    return cols\n```\n"
	for _, word := range []string{"dapnol", "fewotru"} {
		for _, tt := range []struct{ name, gloss, want string }{
			{"glossed", "fire-NOM hill burn-PST\n'the fire burnt the hill'", ""},
			{"not glossed", "The second line should be under it.", word},
		} {
			t.Run(word+" "+tt.name, func(t *testing.T) {
				text := strings.Replace(slotted(post, word), "GLOSS", tt.gloss, 1)
				r := probePost(env, text)
				if got := strings.Join(r.Tokens, " "); got != tt.want {
					t.Errorf("tokens %q, want %q\n%s", got, tt.want, reasonLines(r))
				}
			})
		}
	}
}
