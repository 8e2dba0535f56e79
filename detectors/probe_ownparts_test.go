package detectors

import "testing"

// A mixed-case name whose every hump the post writes as a word of its own
// is a name the post built of what it talks about (ownParts); the same
// letters in a post that has none of its humps apart stay
// judged by their letters, and a random draw whose humps are one letter
// long is never taken for one, whatever letters the post writes apart.
func TestProbeOwnParts(t *testing.T) {
	env := &Env{Dicts: testDicts(t, false)}
	for _, tt := range []struct{ text, want string }{
		{"Each blob holds one record. I decode the bytes, then read them with xkqvZWTJ and it fails.", "xkqvZWTJ"},
		{"Each xkqv blob holds one ZWTJ. I decode the xkqv bytes, then read them with xkqvZWTJ and it fails.", ""},
		{"Each xkqv blob holds a few zwtjs. I decode the xkqv bytes, then read them with xkqvZWTJ and it fails.", ""},
		{"Each blob holds one record. I decode the bytes, then call qzTxkvZwtj on them and it fails.", "qzTxkvZwtj"},
		{"Each qz blob holds one txkv. The zwtj bytes, then call qzTxkvZwtj on them and it fails.", ""},
		// A hump the post writes only in the plural: no other rule reads
		// the name as the post's own.
		{"Two qz with a txkv and zwtjs each, then I call qzTxkvZwtj on them and it fails.", ""},
		{"Each blob holds one record. I decode the bytes, then call xkqvZwtj2 on them and it fails.", "xkqvZwtj2"},
		{"The zwtj and the xkqv are read, then I call xkqvZwtj2 on them and it fails.", ""},
		{"The q and the z and the v are read, then I call qZvKpWx on them and it fails.", "qZvKpWx"},
	} {
		checkPostTokens(t, env, tt.text, tt.want)
	}
}

// A plural of a word the post writes in the singular is the post's word
// (pluralOfOwn); the plural alone is judged by its letters.
func TestProbePluralOfOwn(t *testing.T) {
	env := &Env{Dicts: testDicts(t, false)}
	for _, tt := range []struct{ text, want string }{
		{"I keep two xkqvZwtjs in the pool, and each xkqvZwtj holds one key.", ""},
		{"I keep two xkqvZwtjes in the pool, and each xkqvZwtj holds one key.", ""},
		{"I keep two xkqvZwtjs in the pool, and each of them holds one key.", "xkqvZwtjs"},
	} {
		checkPostTokens(t, env, tt.text, tt.want)
	}
}

// A name numbered in a series the post writes another of is the post's
// (numberedSibling); alone it is judged by its letters.
func TestProbeNumberedSibling(t *testing.T) {
	env := &Env{Dicts: testDicts(t, false)}
	for _, tt := range []struct{ text, want string }{
		{"I spend qzTxkvZw1 first and then qzTxkvZw2 in the same block, but the second fails.", ""},
		{"I spend qzTxkvZw1 first and then the other one in the same block, but the second fails.", "qzTxkvZw1"},
		// The sibling in another case: no other rule reads it as a series.
		{"I spend qzTxkvZw1 first and then qztxkvzw2 in the same block, but the second fails.", ""},
	} {
		checkPostTokens(t, env, tt.text, tt.want)
	}
}
