package detectors

import (
	"fmt"
	"strings"
	"testing"
)

// A one-word list item among items of ordinary words is judged as a word
// slipped into prose; lists of names and programs are left alone, with
// dictionaries or without.
func TestProbeLoneListItem(t *testing.T) {
	env := &Env{Dicts: testDicts(t, true)}
	tests := []struct {
		name  string
		post  string
		probe bool
	}{
		{"token among gear", "Things I changed last week:\n\n- a new chain\n- ritovesamu\n- brake pads", true},
		{"token among chores", "Done today:\n\n1. washed the car\n2. kelomafi\n3. mowed the lawn", true},
		{"programs", "What I use for video:\n\n- ffmpeg\n- handbrake\n- mkvtoolnix\n- avidemux", false},
		{"python packages", "Installed so far:\n\n- numpy\n- pandas\n- seaborn\n- statsmodels", false},
		{"brand among gear", "Things I changed last week:\n\n- a new chain\n- Shimano\n- brake pads", false},
		{"ingredients", "You need:\n\n- two eggs\n- flour\n- cardamom\n- a pinch of salt", false},
	}
	for _, env := range []*Env{env, {}} {
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				e := &Edit{Anon: true, Format: FormatMarkdown, New: tt.post}
				r := Probe(&Input{Edit: e, Added: Diff("", tt.post), Env: env})
				got := r.Score >= DefaultProbeThreshold
				if env.Dicts == nil && tt.probe {
					// Without a dictionary the letter model alone often
					// takes a pronounceable token for a word.
					return
				}
				if got != tt.probe {
					t.Errorf("dictionaries %d: score %.3f (suspects %v), want probe=%v", len(env.Dicts), r.Score, r.Suspects, tt.probe)
				}
			})
		}
	}
}

// Code on a wiki page (<pre>, <syntaxhighlight>, <code>, {{code}}) is read
// line by line as a forum post's code is: real technical text is not a
// probe, and a blatant token in code or a token in the prose around it is.
func TestProbeWikiCode(t *testing.T) {
	env := &Env{Dicts: testDicts(t, true)}
	const page = "The utility reads its settings from a file.\n\n" +
		"<syntaxhighlight lang=\"python\">\nimport argparse\n\ndef main(argv):\n    parser = argparse.ArgumentParser(prog=\"frobtool\")\n    parser.add_argument(\"--xvlkcfg\", default=\"~/.frobrc\")\n    return parser.parse_args(argv)\n</syntaxhighlight>\n\n" +
		"A session looks like this:\n<pre>\n$ frobtool --xvlkcfg /etc/frob.conf\nfrobtool: loaded 3 rules (kqvn, zrtp, hmac)\n</pre>\n" +
		"Use {{code|frobtool --dry-run}} to test, or <code>qmkvzt</code> on older systems.\n"
	tests := []struct {
		name, old, new string
		probe          bool
	}{
		{"real technical text", "", "", false},
		{"token in prose", "from a file", "from a xqvbtmwkrz file", true},
		{"blatant token in code in prose", "<code>qmkvzt</code>", "<code>qZx7TrbW9k</code>", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := &Edit{Anon: true, New: page}
			if tt.old != "" {
				e.Old = page
				e.New = strings.Replace(page, tt.old, tt.new, 1)
			}
			r := Probe(&Input{Edit: e, Added: Diff(e.Old, e.New), Env: env})
			if got := r.Score >= DefaultProbeThreshold; got != tt.probe {
				t.Errorf("score %.3f (suspects %v), want probe=%v", r.Score, r.Suspects, tt.probe)
			}
		})
	}
}

// A token slipped between the words of a pasted traceback stands apart from
// the code around it: judged by its own shape, with the code's paths, dotted
// names, times and constants no company of its kind. Ids the line is made
// of (a log of hashes, a program's names with their version) are the
// code's.
func TestProbeStrayInTraceback(t *testing.T) {
	env := &Env{Dicts: testDicts(t, true)}
	const post = "Loading fails with:\n\n```\nTraceback (most recent call last):\n" +
		"  File \"/usr/local/lib/python3.8/dist-packages/datasets/builder.py\", line 1782, in load_dataset\n" +
		"    builder_instance.download_and_prepare()\n" +
		"  File \"/home/user/.cache/HF_HUB_CACHE/module.py\", line 12, in prepare\n" +
		"    from .arrow_dataset import Dataset\n" +
		"asyncio.TimeoutError: timed out at 12:04:01\n```\n\nAny idea why?"
	checkPostEdits(t, env, post, []postEdit{
		{"real traceback", "", "", false},
		{"token in a path line", "line 1782, in", "line 1782, ytgazc0ty in", true},
		{"token beside a constant", "module.py\", line 12, in", "module.py\", line 12, l8kbrkip in", true},
		{"token beside a time", "timed out at", "timed x7T3225tHoiL out at", true},
		{"program with its version", "call last):", "call last): python38 bfloat16", false},
		{"package names", "Traceback (most", "$ pip install ipyvuetify jupyterlab\nTraceback (most", false},
		{"mixed token after a call", "download_and_prepare()", "download_and_prepare() Tq7rWb3Kz", true},
		{"name-cased token apart", "asyncio.TimeoutError: timed", "asyncio.TimeoutError: KQDrwx timed", true},
		{"name-cased token before a call", "    builder_instance", "    qBNszo builder_instance", true},
		{"name-cased real name apart", "    builder_instance", "    gNodeB builder_instance", false},
		{"a name's case apart", "    builder_instance", "    nVidia builder_instance", false},
		{"random letters and a number apart", "    builder_instance", "    jsiwwq3 builder_instance", true},
		{"a system's name and its version apart", "    builder_instance", "    ubuntu22 builder_instance", false},
		{"long letters apart in an import", "from .arrow_dataset import", "from .arrow_dataset ugrenfiba import", true},
		{"long letters apart after a number", "line 1782, in", "line 1782, ugrenfiba in", true},
		{"a long package name among a command's words", "Traceback (most", "$ pip install ugrenfiba jupyterlab\nTraceback (most", false},
		{"a long package name after an option", "Traceback (most", "$ pip install -U ugrenfiba\nTraceback (most", false},
		{"a long program name apart", "    builder_instance", "    torchvision builder_instance", false},
	})
}

// A random-looking word standing apart in code is judged less as code when
// it is the text's only word of that shape; a session's own ids elsewhere
// in its code keep it company.
func TestProbeStrayAlone(t *testing.T) {
	env := &Env{Dicts: testDicts(t, true)}
	const post = "Loading fails with:\n\n```\nTraceback (most recent call last):\n" +
		"  File \"/usr/local/lib/python3.8/dist-packages/datasets/builder.py\", line 1782, in load_dataset\n" +
		"    builder_instance.download_and_prepare() eq8rio\n```\n\nAny idea why?"
	for _, tt := range []struct {
		name, text, want string
	}{
		{"alone", post, fmt.Sprintf("code:%.1f ", bitsStrayAlone)},
		{"ids in the code", strings.Replace(post, "```\nTraceback", "```\nsession = \"x7T3k9QzLm2\"\nTraceback", 1), fmt.Sprintf("code:%.1f ", bitsStrayCode)},
	} {
		e := &Edit{Anon: true, Format: FormatMarkdown, New: tt.text}
		if terms := probeTerms(e, env, "eq8rio"); !strings.Contains(terms, tt.want) {
			t.Errorf("%s: terms %s, want %s", tt.name, terms, tt.want)
		}
	}
}

// Letters and digits alone on a line of code, used nowhere else, are no
// statement, log line or output: judged by their letters as a stray; a
// program's name alone on a line and a column of names stay.
func TestProbeAloneInCode(t *testing.T) {
	env := &Env{Dicts: testDicts(t, true)}
	const post = "Loading fails:\n\n```python\nfrom datasets import load_dataset\nds = load_dataset(\"imdb\", split=\"train\")\n%s\nprint(ds[0])\n```\n\nAny idea why?"
	for _, tt := range []struct {
		line  string
		probe bool
	}{
		{"wskqzx3", true},
		{"  zdltbc9", true},
		{"python3", false},
		{"wmt14\nqa4mre\nlm1b", false},
	} {
		checkPostProbe(t, env, fmt.Sprintf(post, tt.line), tt.probe)
	}
}

// A word slipped into a number or a version in prose ("Python 3 X .12")
// is judged as one splitting code is; numbers and words around a decimal
// written with a space stay.
func TestProbeSplitsNumber(t *testing.T) {
	env := &Env{Dicts: testDicts(t, true)}
	const post = "The loader fails on Python 3.12 with pyarrow 14.0.0 installed, and works on Python 3.11 as before. Any idea what changed?"
	for _, tt := range []struct {
		old, new string
		probe    bool
	}{
		{"3.12", "3 ulebov .12", true},
		{"14.0.0", "14 dqnbxa .0.0", true},
	} {
		checkPostProbe(t, env, strings.Replace(post, tt.old, tt.new, 1), tt.probe)
	}
	if !splitsNumber("Python 3 ulebov .12", 9, 15) || splitsNumber("Python 3 ulebov 12", 9, 15) || splitsNumber("Python 3.ulebov .12", 9, 15) {
		t.Errorf("splitsNumber: wrong reading of a number's split")
	}
}

// A word slipped into a name, a version or a path in prose, a space from
// its inner punctuation ("cache X _dir", "Linux- X 5.4.0", "2.6. X 1",
// "utils.py X :634"), is judged as one splitting code is; emphasis,
// suspended compounds and sentences stay.
func TestProbeSplitsName(t *testing.T) {
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"pass the cache ulebov _dir argument", true},
		{"pypi ulebov _0 build", true},
		{"on Linux- ulebov 5.4.0-42-generic today", true},
		{"the kernel_ ulebov 19636 module", true},
		{"datasets 2.6. ulebov 1 installed", true},
		{"in arrow_dataset.py ulebov :6002 raised", true},
		{"by CLOCKS_PER_ ulebov SEC here", true},
		{"the _No response_ ulebov reply", false},
		{"a lone_ ulebov word", false},
		{"pass the cache ulebov _dir argument" + strings.Repeat(" and more", 40) + " end_", true}, // a closer beyond pathReach
		{"Owner ulebov _No response_ here", false},
		{"pre- ulebov and post-processing", false},
		{"fixed in 2.6. ulebov now works", false},
		{"the cache ulebov dir argument", false},
		{"a ratio ulebov :1 is odd", false},
	} {
		lo := strings.Index(tt.text, "ulebov")
		if got := splitsName(tt.text, lo, lo+len("ulebov")); got != tt.want {
			t.Errorf("splitsName(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
	env := &Env{Dicts: testDicts(t, true)}
	const post = "Loading fails when I pass the cache_dir argument on Linux-5.4.0-42-generic with datasets 2.6.1, see `load_dataset` in `arrow_dataset.py:6002` below."
	for _, tt := range []struct {
		old, new string
		probe    bool
	}{
		{"cache_dir", "cache ulebov _dir", true},
		{"Linux-5.4.0", "Linux- dqnbxa 5.4.0", true},
		{"2.6.1", "2.6. ulebov 1", true},
	} {
		checkPostProbe(t, env, strings.Replace(post, tt.old, tt.new, 1), tt.probe)
	}
}

// A post written with Windows line ends (CRLF) has its token alone on a
// line as a post with plain newlines does: the carriage return is no text.
func TestProbeAloneCRLF(t *testing.T) {
	env := &Env{Dicts: testDicts(t, true)}
	for _, nl := range []string{"\n", "\r\n"} {
		post := strings.Join([]string{"The loader works again after the upgrade.", "", "Hirglszy", "", "Thanks for the quick fix."}, nl)
		e := &Edit{Anon: true, Format: FormatMarkdown, New: post}
		terms := probeTerms(e, env, "Hirglszy")
		if !strings.Contains(terms, "alone:") {
			t.Errorf("line end %q: Hirglszy not alone on its line: %s", nl, terms)
		}
	}
}

// A carriage return that no line feed follows ends a line, as CommonMark
// reads it: a word after one, before the next line feed, is alone on its
// line, and the post is judged as with plain newlines.
func TestProbeBareCR(t *testing.T) {
	env := &Env{Dicts: testDicts(t, true)}
	for _, tok := range []string{"Hirglszy", "qovkte", "Rb7xQe"} {
		lf := "The loader works again after the upgrade.\n " + tok + "\nThanks for the quick fix, it saved my day."
		for _, cr := range []string{
			"The loader works again after the upgrade.\r " + tok + "\nThanks for the quick fix, it saved my day.",
			"The loader works again after the upgrade.\r " + tok + "\rThanks for the quick fix, it saved my day.",
		} {
			want := Probe(&Input{Edit: &Edit{Anon: true, Format: FormatMarkdown, New: lf}, Env: env})
			got := Probe(&Input{Edit: &Edit{Anon: true, Format: FormatMarkdown, New: cr}, Env: env})
			if got.Score != want.Score || fmt.Sprint(got.Tokens) != fmt.Sprint(want.Tokens) {
				t.Errorf("%q: score %.3f %v, with line feeds %.3f %v", cr, got.Score, got.Tokens, want.Score, want.Tokens)
			}
		}
	}
	for _, tt := range []struct {
		in, want string
	}{
		{"a\r\nb", "a\r\nb"}, {"a\rb", "a\nb"}, {"a\r", "a\n"}, {"a\r\r\nb\r", "a\n\r\nb\n"}, {"", ""},
	} {
		if got := crLines(tt.in); got != tt.want {
			t.Errorf("crLines(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// A word slipped into code so that it splits an identifier or a path (a
// space beside an identifier's underscore, dot or slash, or a code span's
// own backtick), stands between two names with nothing to join them or
// where code has no place for a bare name (between an assignment and its
// value, before a keyword argument), or is
// set between the words of a sentence in code (a comment, an error
// message), is judged as a word, and so is a mix of cases no name has
// standing apart; the same code with a fence's info string, a real comment
// and real names stays.
func TestProbeSplitsCode(t *testing.T) {
	env := &Env{Dicts: testDicts(t, true)}
	const post = "Loading the data fails:\n\n```python\nfrom datasets import load_dataset\n\n" +
		"# Load the dataset from the local cache\nds = load_dataset(\"json\", data_files=\"/usr/local/data/train.json\")\n" +
		"print(ds.cache_files)\n```\n\nIt raises `FileNotFoundError` from `load_dataset` when the cache is gone."
	checkPostEdits(t, env, post, []postEdit{
		{"real post", "", "", false},
		{"fence with a space", "```python", "``` python", false},
		{"underscore split", "load_dataset(\"json\"", "load_ kwybzo dataset(\"json\"", true},
		{"path split", "/usr/local/data", "/usr/local/ ryxqvo data", true},
		{"code of capitals and digits split", "load_dataset(\"json\"", "load_ 2JEZ1H dataset(\"json\"", true},
		{"part number named again", "print(ds.cache_files)", "print(ds. SN74LS00N cache_files) # SN74LS00N", false},
		{"dot split", "ds.cache_files", "ds kwybzo .cache_files", true},
		{"code span's backtick", "`load_dataset`", "` qyvzaxk load_dataset`", true},
		{"sentence in a comment", "Load the dataset", "Load the fkwqzuv dataset", true},
		{"info string token", "```python", "```python Tq7rWb3Kz", true},
		{"between two names", "ds.cache_files)", "ds.cache_files qzvkwxj [0])", true},
		{"one switch of case apart", "print(ds", "print( vkqzwT ds", true},
		{"names in humps apart", "print(ds", "print( useState ds", false},
		{"path split before a slash", "/usr/local/data", "/usr/local qzvkwxj /data", true},
		{"between an assignment and its value", "ds = load_dataset", "ds = qzvkwxj load_dataset", true},
		{"between a name and its assignment", "ds = load_dataset", "cache_dir fkwqzuv = load_dataset", true},
		{"letters and digits before an assignment", "ds = load_dataset", "ds_a nrutli52 = load_dataset", true},
		{"before a keyword argument", "\"json\", data_files", "\"json\", qzvkwxj data_files", true},
		{"a declaration used again", "ds = load_dataset", "size_t fkwqzuv = 0\nprint(fkwqzuv)\nds = load_dataset", false},
		{"a name assigned", "ds = load_dataset", "fkwqzuv = load_dataset", false},
	})
}

// A word splitting an identifier of the code in two (codeSplit) takes no
// discount for a technical post: a program's name in such a post stands
// beside its code, never inside one of its names, so the post's
// identifiers say nothing of it.
func TestProbeSplitsCodeTechnical(t *testing.T) {
	env := &Env{Dicts: testDicts(t, true)}
	const post = "Loading fails with a token:\n\n```python\nimport os\nfrom datasets import load_dataset\n\n" +
		"ds = load_dataset(\"org/images_v2\", token=HUB_READ_TOKEN, cache_dir=os.environ[\"HF_HOME\"], split=\"train\")\n" +
		"print(ds.cache_files, ds.num_rows)\nfor row in ds.select(range(4)):\n    print(row[\"image_id\"], row[\"label_ids\"])\n```\n\n" +
		"It raises `FileNotFoundError` from `load_dataset` in `os.path.join` when `HF_HOME` points to `/data/hf_cache` on the cluster."
	checkPostEdits(t, env, post, []postEdit{
		{"real post", "", "", false},
		{"lower case split", "HUB_READ_TOKEN", "HUB_READ_ kotsam TOKEN", true},
		{"few bits split", "HUB_READ_TOKEN", "HUB_READ_ ransyt TOKEN", true},
		{"path split", "/data/hf_cache", "/data/ sblaogh hf_cache", true},
	})
}

// postEdit is a change to a post of a test (old "" leaves the post as it
// is) and whether the post after it is a probe.
type postEdit struct {
	name, old, new string
	probe          bool
}

// checkPostEdits judges each edit of post with checkPostProbe, a subtest
// each.
func checkPostEdits(t *testing.T, env *Env, post string, edits []postEdit) {
	t.Helper()
	for _, tt := range edits {
		t.Run(tt.name, func(t *testing.T) {
			checkPostProbe(t, env, strings.Replace(post, tt.old, tt.new, 1), tt.probe)
		})
	}
}

// checkPostProbe judges text as an anonymous Markdown post and fails t
// unless it is judged a probe exactly when want.
func checkPostProbe(t *testing.T, env *Env, text string, want bool) {
	t.Helper()
	e := &Edit{Anon: true, Format: FormatMarkdown, New: text}
	r := Probe(&Input{Edit: e, Added: Diff("", text), Env: env})
	if got := r.Score >= DefaultProbeThreshold; got != want {
		t.Errorf("score %.3f (suspects %v), want probe=%v", r.Score, r.Suspects, want)
	}
}

// checkPostTokens judges text as an anonymous Markdown post and fails t
// unless the tokens it flags, joined by blanks, are want ("" for none).
func checkPostTokens(t *testing.T, env *Env, text, want string) {
	t.Helper()
	e := &Edit{Anon: true, Format: FormatMarkdown, New: text}
	r := Probe(&Input{Edit: e, Added: Diff("", text), Env: env})
	if got := strings.Join(r.Tokens, " "); got != want {
		t.Errorf("%q: tokens %q, want %q\n%s", text, got, want, reasonLines(r))
	}
}

// Lower-case letters in code are judged only when they stand apart from
// the code as a planted token does (spaces on both sides, used once in the
// post) and their letters are blatantly random: a program's own names are
// joined to its code, used again, or read as programs' names.
func TestProbeStrictInCode(t *testing.T) {
	env := &Env{Dicts: testDicts(t, true)}
	const post = "Building the docs fails on a fresh checkout:\n\n```\n$ pip install sphinx furo myst-parser\n" +
		"$ make html\nsphinx-build -b html source build\nfrom docutils import nodes\n" +
		"    return nodes.paragraph(text=rawtext)\nWARNING: html_static_path entry '_static' does not exist\n```\n\n" +
		"Any hint is welcome."
	checkPostEdits(t, env, post, []postEdit{
		{"real post", "", "", false},
		{"token apart in an import line", "docutils import", "docutils qzvkwxj import", true},
		{"token apart after a return", "return nodes", "return fxqwvbk nodes", true},
		{"token used twice", "docutils import nodes", "docutils qzvkwxj import nodes qzvkwxj", false},
		{"program names", "sphinx furo", "sphinx furo xformers pyyaml", false},
		{"joined to the code", "return nodes", "return qzvkwxj.nodes", false},
		{"token before a spaced colon", "WARNING: html", "WARNING fxqwvbk : html", true},
		{"a label's value", "WARNING: html", "WARNING: fxqwvbk html", false},
		{"a name assigned", "    return nodes", "    fxqwvbk = nodes", false},
	})
}

// A word pushed into a code line's indentation, the code going on after a
// gap, stands apart from the code as a planted token does; the first cell
// of an indented table (its other rows are cells too) is the table's.
func TestProbeIndentedInCode(t *testing.T) {
	env := &Env{Dicts: testDicts(t, true)}
	tests := []struct {
		name, post string
		probe      bool
	}{
		{"token in indentation", "My code:\n\n```python\ndef prepare(batch):\n    batch[\"labels\"] = [1]\n     dznwbk       return batch\n```\n", true},
		{"token before an assert", "```\n        assert \"column_name\" in int_column\n     jqfwffl   assert \"column_statistics\" in int_column\n        assert \"x\" in y\n```\n", true},
		{"indented package list", "Installed:\n\n```\n  pyarrow        14.0.1\n  fsspec         2023.10.0\n  xxhash         3.4.1\n  multiprocess   0.70.15\n```\n", false},
		{"indented settings", "Output:\n\n```\n    verbose      true\n    logdir       /var/log/frob\n    retries      3\n```\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := &Edit{Anon: true, Format: FormatMarkdown, New: tt.post}
			r := Probe(&Input{Edit: e, Added: Diff("", tt.post), Env: env})
			if got := r.Score >= DefaultProbeThreshold; got != tt.probe {
				t.Errorf("score %.3f (suspects %v), want probe=%v", r.Score, r.Suspects, tt.probe)
			}
		})
	}
}

// A word of letters and digits opening with a digit, no number with its
// unit, no hash nor version, is no name a program gives: standing apart in
// code, it is judged by its shape.
func TestDigitLed(t *testing.T) {
	for w, want := range map[string]bool{
		"9qCPGN": true, "028iwet": true, "3cpaoqh": true, "180yuuu": true,
		"1080p": false, "100ms": false, "1a98f21": false, "2nd": false, "4x4": false, "12kbps": false, "python3": false, "3abc": false,
	} {
		if got := digitLed(w); got != want {
			t.Errorf("digitLed(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestProbeDigitLedInCode(t *testing.T) {
	env := &Env{Dicts: testDicts(t, true)}
	const code = "```python\ndef generator(lines):\n    for line in lines:\n        %s img = Image.open(open(line[\"url\"], \"rb\"))\n        yield img\n```\n"
	for tok, probe := range map[string]bool{"9qCPGN": true, "": false} {
		post := strings.Replace(fmt.Sprintf(code, tok), "         img", "        img", 1)
		e := &Edit{Anon: true, Format: FormatMarkdown, New: post}
		r := Probe(&Input{Edit: e, Added: Diff("", post), Env: env})
		if got := r.Score >= DefaultProbeThreshold; got != probe {
			t.Errorf("%q: score %.3f (suspects %v), want probe=%v", tok, r.Score, r.Suspects, probe)
		}
	}
}

// In prose too, letters and digits opening with a digit are no word: a
// number with its unit, an ordinal or a duration is.
func TestProbeDigitLedInProse(t *testing.T) {
	env := &Env{Dicts: testDicts(t, true)}
	const post = "Retry on %s the error in the streaming mode, as the docs say."
	for tok, probe := range map[string]bool{"028iwet": true, "1h57min": false, "1080p": false, "3rd": false, "12kbps": false, "0h0min0s": false} {
		p := fmt.Sprintf(post, tok)
		e := &Edit{Anon: true, Format: FormatMarkdown, New: p}
		r := Probe(&Input{Edit: e, Added: Diff("", p), Env: env})
		if got := r.Score >= DefaultProbeThreshold; got != probe {
			t.Errorf("%q: score %.3f (suspects %v), want probe=%v", tok, r.Score, r.Suspects, probe)
		}
	}
}

// A digit and letters that can be said ("3carld", "8lanto") take fewer
// bits by their two runs than a draw from letters and digits: opening with
// a digit counts before the floor, so they are judged (and may be spared).
// A number and its unit never is.
func TestProbeDigitLedJudged(t *testing.T) {
	env := &Env{Dicts: testDicts(t, true)}
	const post = "%s maybe fixes the error in the streaming mode, as the docs say."
	for tok, judged := range map[string]bool{"3carld": true, "8lanto": true, "028iwet": true, "1080p": false, "12kbps": false, "3rd": false} {
		text := fmt.Sprintf(post, tok)
		e := &Edit{Anon: true, Format: FormatMarkdown, New: text}
		p := new(prober)
		p.reset(BaseModel(), Diff("", text), e.Anon)
		p.traceAll = true
		p.setWords(e, env)
		p.run()
		got := false
		for _, c := range p.cands {
			got = got || text[c.w.Lo:c.w.Hi] == tok
		}
		if got != judged {
			t.Errorf("%q judged %v, want %v", tok, got, judged)
		}
	}
}

// A label's value follows it on its line, after a blank, a colon or an
// abbreviation's full stop; a word after a sentence ending in "version" or
// on the next line is no value of it.
func TestProbeAfterLabel(t *testing.T) {
	env := &Env{Dicts: testDicts(t, true)}
	for _, tt := range []struct {
		post  string
		probe bool
	}{
		{"This PR bumps the minimal version. v4gtbp Fix #3080.", true},
		{"This PR bumps the minimal version.\r v4gtbp\n\r\nFix #3080.", true},
		{"This PR bumps the minimal version to v4gtbp and fixes #3080.", true},
		{"This PR bumps the minimal version: v4gtbp fixes #3080.", false},
		{"The box says Model v4gtbp on its back.", false},
		{"Environment:\n\n- Platform: Linux\n- Python version: v4gtbp 3.10.4\n- Torch version: 2.1.0", true},
		{"Environment:\n\n- Platform: Linux\n- Python version: v4gtbp (from conda)\n- Torch version: 2.1.0", false},
	} {
		e := &Edit{Anon: true, Format: FormatMarkdown, New: tt.post}
		r := Probe(&Input{Edit: e, Added: Diff("", tt.post), Env: env})
		if got := r.Score >= DefaultProbeThreshold; got != tt.probe {
			t.Errorf("%q: score %.3f (suspects %v), want probe=%v", tt.post, r.Score, r.Suspects, tt.probe)
		}
	}
}

// A path's pieces either side of a blank: a word between them splits it.
func TestPathPieces(t *testing.T) {
	for s, want := range map[string]bool{
		"File \"/home/user": true, "conda3/envs/lib": true, "C:\\Users\\me": true,
		"--out_dir": false, "/": false, "see the docs": false, "/usr/lib/": false,
	} {
		if got := pathBefore(s); got != want {
			t.Errorf("pathBefore(%q) = %v, want %v", s, got, want)
		}
	}
	for s, want := range map[string]bool{
		"/lib/python3.8/site.py\", line 2": true, "-packages/datasets": true, "/tmp --verbose": false, "-v /tmp": false, "/": false,
	} {
		if got := pathAfter(s); got != want {
			t.Errorf("pathAfter(%q) = %v, want %v", s, got, want)
		}
	}
}

// In a technical post a word of prose whose letters the post has nowhere
// else (onlyUse) keeps more of its evidence than a program's name that
// the post's code uses too.
func TestProbeOnlyUseInTechnicalPost(t *testing.T) {
	env := &Env{Dicts: testDicts(t, true)}
	const post = "Loading the parquet files with `load_dataset` is slow since `datasets==2.14.0`:\n\n```python\n" +
		"from datasets import load_dataset\nds = load_dataset(\"parquet\", data_files=\"data/train.parquet\", split=\"train\")\n" +
		"print(ds.num_rows)\n```\n\nCalling `ds.map` %s takes minutes where it took seconds before."
	checkPostProbe(t, env, fmt.Sprintf(post, "now"), false)
	checkPostProbe(t, env, fmt.Sprintf(post, "jdeirh"), true)
	// The same letters in the code: a name the post deals in.
	used := strings.Replace(post, "print(ds.num_rows)", "print(ds.num_rows, jdeirh)", 1)
	checkPostProbe(t, env, fmt.Sprintf(used, "jdeirh"), false)
}

// A word a blank before the punctuation closing its sentence, which the
// text nowhere else sets apart from its word, was slipped in before that
// punctuation: a little more evidence. A writer who spaces it so does it
// throughout.
func TestProbeSpacedPunct(t *testing.T) {
	env := &Env{Dicts: testDicts(t, true)}
	const post = "The export works again after the last release, thanks for the quick fix.\n\n" +
		"One more thing: the progress bar stops at the end of the second step, and the log says nothing about it."
	checkPostEdits(t, env, post, []postEdit{
		{"real post", "", "", false},
		{"token before a spaced full stop", "quick fix.", "quick fix HuoFpr .", true},
		{"token before a full stop", "quick fix.", "quick fix HuoFpr.", false},
		{"a writer who spaces full stops", "quick fix.", "quick fix HuoFpr .\n\nIt was slow for a while .", false},
	})
}

// A program's printed address ("object at 0x7f3a...") and a class named
// for what it is ("LibsndfileError") keep no random id company: a token
// beside them stands apart as a stray does; ids of the line's own kind
// still keep it company.
func TestProbeStrayCompanyNames(t *testing.T) {
	env := &Env{Dicts: testDicts(t, true)}
	const post = "Reading the clip fails:\n\n```\nTraceback (most recent call last):\n" +
		"  File \"/home/me/read.py\", line 7, in <module>\n" +
		"QuuxsndError: Error opening <_io.BytesIO object at 0x7f3a91c2d4e0>: unknown format\n```\n\nAny idea?"
	checkPostEdits(t, env, post, []postEdit{
		{"real traceback", "", "", false},
		{"token beside an address and a class", "Error opening", "Error qT4kWm9xZr opening", true},
		{"token among ids of its kind", "Error opening", "Error qT4kWm9xZr opening Hx7bQ2zLp9", false},
	})
}

func TestWordTailName(t *testing.T) {
	p := &prober{env: &Env{Dicts: testDicts(t, true)}}
	p.edit0 = &Edit{Format: FormatMarkdown}
	for w, want := range map[string]bool{
		"LibsndfileError": true, "QuuxReader": true, "KqzWmtx": false, "qT4kWm9xZr": false, "XyzABCError": false, "TmpDir": false,
	} {
		if got := p.wordTailName(w); got != want {
			t.Errorf("wordTailName(%q) = %v, want %v", w, got, want)
		}
	}
}
