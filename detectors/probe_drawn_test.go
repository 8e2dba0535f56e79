package detectors

import (
	"fmt"
	"testing"
)

// A post's one word shaped as a random draw of letters and digits, written
// once, is judged a draw even among code and identifiers (drawnAlone); the
// same word written twice, a name with its digits last, and a post whose
// code holds other ids of that shape are not. A draw of three runs counts
// so with digits at both ends too, and with three letters of a word in it
// unless its digits read as letters (slang); four letters of a word make
// it a name.
func TestProbeDrawnAlone(t *testing.T) {
	env := &Env{Dicts: testDicts(t, false)}
	post := "I get this error when I load the dataset with several processes:\n\n" +
		"```\nTraceback (most recent call last):\n  File \"run.py\", line 12, in <module>\n" +
		"    ds = load_dataset(\"json\", data_files=\"train.jsonl\", num_proc=4)%s\n" +
		"ValueError: the %s buffer is too small\n```\n\n" +
		"I am on Python 3.10 with datasets 2.14.6 and pyarrow 12.0.1%s."
	for _, tt := range []struct{ code, tok, tail, want string }{
		{"", "zup5id", "", "zup5id"},
		{"", "zup5id", ", and zup5id is set to the default", ""},
		{"", "zupid5", "", ""},
		{"", "5quxe8", "", "5quxe8"}, // digits at both ends
		{"", "fig8ux", "", "fig8ux"}, // three letters a word, as a draw's often are
		{"", "fig5ux", "", ""},       // ...but a digit read as a letter beside them is slang
		{"", "lamp8ux", "", ""},      // four: a name's word
		{"\n    cache = Cache(key=\"w8x2pt5qm\", run=\"f3kq9zd8w\")", "zup5id", "", ""},
	} {
		checkPostTokens(t, env, fmt.Sprintf(post, tt.code, tt.tok, tt.tail), tt.want)
	}
}
