package detectors

import "testing"

// What a post's structure says a word is (probe_person.go): people's names
// and handles where posts name people, the values of an issue form's
// fields, packages in a list of versions, identifiers in a list of them,
// converter names, temporary files and words in quotes are not probes; the
// same tokens slipped into the same posts' prose are. The posts are
// written for these tests.
func TestProbePostStructure(t *testing.T) {
	env := &Env{Dicts: testDicts(t, true)}
	tests := []struct {
		name, title, post string
		probe             bool
	}{
		{"greeting", "", "Hi kvothrinel, thanks for the quick fix. The import works now on my machine.", false},
		{"greeting token", "", "Hi, thanks for the quick kvothrinel fix. The import works now on my machine.", true},
		{"thanks", "", "The cache is cleared on every run now. Thank you zlatkomir!", false},
		{"French thanks", "", "Le cache est vidé à chaque lancement maintenant. Merci à qzwkrtmil\u00a0!", false},
		{"French greeting", "", "Bonjour qzwkrtmil, merci pour la correction rapide. L'import fonctionne maintenant.", false},
		{"French token", "", "Bonjour, merci pour la correction qzwkrtmil rapide. L'import fonctionne maintenant.", true},
		{"verb of saying", "", "I tried the second approach, and wrzqeklin mentioned the same problem with the order of the calls.", false},
		{"user noun", "", "User qarvokhel noticed the same crash on a clean install last week.", false},
		{"sign-off after thanks", "", "The loader hangs when the folder has more than a thousand files.\n\nThanks,\nmkowalski", false},
		{"sign-off with a dash", "", "If you can't trust the census, who can you trust?\n\n-dmkowal\n\nhttp://example.org/mailman/listinfo/list", false},
		{"form field", "", "### Describe the bug\n\nThe figure is blank.\n\n### Backend\n\nQt5Agg\n\n### Python version\n\n3.9.15", false},
		{"environment fields", "", "- OS: Ubuntu 22.04\n- Backend: Gx7Wbq2\n- Python version: 3.10.12", false},
		{"field token in prose", "", "- OS: Ubuntu 22.04\n- Backend: the Gx7Wbq2 default one\n- Python version: 3.10.12", true},
		{"package list", "", "```\npandas          2.2.3\npylzqma         0.5.0\npyarrow         19.0.1\n```\nThe install log is above.", false},
		{"dataset list", "", "Fix missing tags in dataset cards:\n- aeslc\n- event2Mind\n- iwslt2017\n- qa4mre\n- scicite", false},
		{"converter name", "", "I convert the figures with eps2jpg before uploading, then resize them.", false},
		{"temporary file", "", "It keeps filling the disk by creating a file named tmp1335llua that is over 300GB.", false},
		{"quoted string", "", "Ask it to count the letters in 'skqdfjgwvbnr' and it gets the count wrong every time.", false},
		{"title and post", "XkvTydiQA is mixed across languages", "Currently XkvTydiQA is mixed and one can only access the whole training set.", false},
		{"token in prose", "", "The loader hangs when the folder has more than a xkqzvbwpl thousand files.", true},
		{"joint subject", "", "Both qarvokhel and Sean make good arguments, and I am on the fence about merging the tags.", false},
		{"joint subject after", "", "As Sean and qarvokhel argued in chat, merging the tags loses the difference.", false},
		{"token before a name", "", "I read the thread qarvokhel and Sean in chat, and I am on the fence about merging the tags.", true},
		{"turns", "", "I object to merging the two tags.\n\nQarvok0115 - the material is what the printer extrudes, so it is a filament.\n\nTrish - I agree on the structure being about style.", false},
		{"one turn", "", "I object to merging the two tags.\n\nQarvok0115 - the material is what the printer extrudes, so it is a filament.\n\nI agree on the structure being about style.", true},
		{"thanked for", "", "The cache is cleared on every run now. Please join me in thanking zlatkomir who fixed it.", false},
		{"address spelt out", "", "I used to post here as gvorbelik at example.org before the move.", false},
		{"address spelt out with dot", "", "I used to post here as gvorbelik at example dot com before the move.", false},
		{"token before at", "", "The loader hangs when the folder has xkqzvbwpl at least a thousand files.", true},
		{"scrambled words", "", "Aoccdrnig to the sdtuy, the oerdr of the letetrs is not ipmrotnat as lnog as the frsit is in pclae.", false},
		{"command before options", "", "I moved the forwarding rules over from the old box.\n\nqvrmasqdm portfw -a -P tcp -L 10.0.0.1 80 -R 10.0.0.2 80\n\nIs there a shorter way?", false},
		{"token before a command", "", "I moved the forwarding rules over from the old box.\n\nportfw qvrmasqdm -a -P tcp -L 10.0.0.1 80\n\nIs there a shorter way?", true},
		{"configuration block", "", "My printers.conf is:\n\n<DefaultPrinter lp>\nInfo Hq7051\nLocation office\nDeviceURI ipp://10.0.0.9:631/\nState Idle\n</DefaultPrinter>", false},
		{"token in a short prose line", "", "My printer is new.\n\nInfo Hq7051kz\nThanks for any help with it.", true},
		{"pronunciation", "", "Weird Words: Usufructuary /ju:zjU'frVktju:@rI/\n\nA person who has the use of something that belongs to another.", false},
		{"token after a pronunciation", "", "Weird Words: Usufructuary /ju:zjU'frVktju:@rI/\n\nA person who has the use of something frVktjuqz that belongs to another.", true},
		{"name of the text's names", "", "Personally I've been happy with mplayer's default (which is ffmpeg's ffqvix decoder) for nearly all the QviX files I used.", false},
		{"chip of a tool's name", "", "How do I switch between digital and analog out? With qvzk10k1-tools it's easy enough (qvzk-config -d for digital).", false},
		{"token beside the text's names", "", "Personally I've been happy with mplayer's default (which is ffmpeg's ffzqwkx decoder) for nearly all the QviX files I used.", true},
		{"token beside a link's id", "", "Lowest 84hWkp price of the week.\n\n[Read more](http://clickthru.example.com/Click?q=9f-tPKjIHW-hwkp_WEcR)", true},
		{"token beside an acronym", "", "The ANH office moved last year and the r6anH6aqH staff went with it to the new building.", true},
		{"compound", "", "That was a kneejerk reaction to the outage, and we rolled it back the next day.", false},
		// Code's own names: a name a line declares or a record's field
		// binds, identifiers of one family, pieces of a base64 key or an
		// elided address, an acronym with letters glued to it.
		{"declared name", "", "I derive the key like this:\n\n`const mvkWtrQz = rootKey\n.derive(0)\n`\n\nThen I pass mvkWtrQz to the wallet.", false},
		{"token before an assignment", "", "I derive the key like this:\n\n`const mvkWtrQz xkQzvbWpLr = rootKey\n.derive(0)\n`\n\nThen I pass it to the wallet.", true},
		{"record fields", "", "I start it with `let params = StartParams{spDeadline = 10, spQvrBid = 5, spToken = myToken}` and it fails.", false},
		{"family of identifiers", "", "The helper reads qvrOutRef and qvrOutValue first, then it calls qvrOutDatum on what it found.", false},
		{"token beside a family", "", "The helper reads qvrOutRef and qvrOutValue first, then it xkQzvbWpLr calls them on what it found.", true},
		{"base64 key", "", "My nix.conf has:\n\ntrusted-public-keys = cache.example.org:f/Qa+s+dFdN+3Y/G+FDqSq+a5NEWhJGzdjvKNGv0/EQ=\n\nand the build still downloads everything.", false},
		{"elided address", "", "The old address Ae2tdPwUPEYwFx...kcq9Pvjp still holds the funds after the upgrade.", false},
		{"acronym with affixes", "", "Each QTxO is spent once: the contract keeps its eQTxOs apart from the wallet's own.", false},
		{"signature in a log", "", "Sep 12 12:04:18.589041 check[52238]: [ 8] mail 1.0 e2\nsig: QGFfKte87P3Ve-CPTdu3NWgiBikA\nSep 12 12:04:18.589432 check[52238]: [ 8] done", false},
		{"temporary directory", "", "It stops with:\n\nident=/root/.qazor/identity-ruqVa5jbuS not found\n\nWhat did I miss?", false},
		{"token beside a path", "", "It stops with:\n\nident=/root/.qazor/identity ruqVa5jbuS not found\n\nWhat did I miss?", true},
		{"short abbreviation", "", "The fee is paid from a UTxO of the wallet, not from the script's.", false},
		// A post opening its topic starts with the topic's title, which the
		// forum adapter names "topic N: title": the prober wrote both.
		{"topic opened for the token", "topic 7: bgvdibkt", "bgvdibkt\n\nbgvdibkt", true},
		{"topic opened with a greeting", "topic 9: Hello qzwkrtmil", "Hello qzwkrtmil\n\nqzwkrtmil", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := &Edit{Anon: true, Format: FormatMarkdown, Title: tt.title, New: tt.post}
			r := Probe(&Input{Edit: e, Added: Diff("", tt.post), Env: env})
			if got := r.Score >= DefaultProbeThreshold; got != tt.probe {
				t.Errorf("score %.3f (suspects %v), want probe=%v", r.Score, r.Suspects, tt.probe)
			}
		})
	}
}

// A token slipped into a pasted traceback or code block stands apart from
// the code around it: spaces on both sides, a random mix of cases or of
// letters and digits, nothing of its kind on its line. Identifiers joined
// to their code, and lines of ids, are left alone.
func TestProbeStrayInCode(t *testing.T) {
	env := &Env{Dicts: testDicts(t, true)}
	const post = "Loading fails:\n\n```\nTraceback (most recent call last):\n  File \"/home/user/run.py\", line 12, in <module>\n    ds = load_dataset(\"imdb\", split=\"train\")\n  File \"/usr/lib/python3/site-packages/datasets/load.py\", line 2151, in load_dataset\n    builder = load_builder(path, name)\nValueError: config 'kq7ZtbW2' not found\n```\n\nAny idea?"
	checkPostEdits(t, env, post, []postEdit{
		{"real traceback", "", "", false},
		{"mixed token in code", "    builder = load_builder", "    builder = Xq7vRtbZ9k load_builder", true},
		{"letters and digits in code", "split=\"train\")", "split=\"train\") 5cx0ymuns8ww", true},
		{"lower-case token in code", "line 12, in", "line 12, akbqhpzpbwne in", true},
		{"id after a label", "split=\"train\")", "split=\"train\") id: Xq7vRtbZ9k", false},
		{"id joined to code", "split=\"train\"", "split=\"Xq7vRtbZ9k\"", false},
		{"token in a code span", "Any idea?", "Any idea? It fails in `load_builder Xq7vRtbZ9k path.name` too.", true},
		{"lower-case token in a code span", "Any idea?", "Any idea? It fails in `load_builder qzvkxjwbtm path.name` too.", true},
		{"id in a code span", "Any idea?", "Any idea? It fails in `load_builder(id='Xq7vRtbZ9k')` too.", false},
	})
}

func TestMailDomain(t *testing.T) {
	for s, want := range map[string]bool{
		" example.org before": true, " example dot com.": true, "mail.example.co.uk": true,
		" least a thousand": false, " example.": false, " 10.0.0.1": false, " home": false,
	} {
		if got := mailDomain(s); got != want {
			t.Errorf("mailDomain(%q) = %v, want %v", s, got, want)
		}
	}
}
