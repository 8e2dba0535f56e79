package detectors

import (
	"strings"
	"testing"
)

// An acronym with a case ending glued to it is a word of a language that
// inflects acronyms and numbers alike, when the text glues such an ending
// to a number or another acronym too; a run of capitals and letters
// alone in its text is not. The sentences are written for this test.
func TestSuffixedAcronym(t *testing.T) {
	tests := []struct {
		text, word string
		want       bool
	}{
		{"2008 eta 2009an QWTn aritu da, eta gero etxera itzuli zen.", "QWTn", true},
		{"2008 eta 2009 urteetan QWTn aritu da, eta gero etxera itzuli zen.", "QWTn", false},
		{"Lehen ZKEak eta gero QWTak iritsi ziren herrira.", "QWTak", true},
		{"Herrira QWTak iritsi ziren, eta ez besterik.", "QWTak", false},
		{"2008 eta 2009an QWtn aritu da.", "QWtn", false}, // two capitals: too few
	}
	for _, tt := range tests {
		p := &prober{text: tt.text}
		if got := p.suffixedAcronym(tt.word); got != tt.want {
			t.Errorf("suffixedAcronym(%q) in %q = %v, want %v", tt.word, tt.text, got, tt.want)
		}
	}
}

// Identifiers of one family share their first part at a capital's
// boundary; a random mix of cases shares nothing with its text.
func TestCamelStem(t *testing.T) {
	tests := []struct {
		text, word string
		want       bool
	}{
		{"let params = StartParams{spDeadline = 10, spMinBid = 5, spToken = tok}", "spMinBid", true},
		{"utxos <- utxosAt addr", "utxosAt", true},
		{"x <- txOutValue (txOutTxOut o) $ txOutTxTx o", "txOutTxOut", true},
		// One other word of its family only, and a first hump of two
		// letters: its first two humps ("txOut") start that word.
		{"the value txOutValue and the ref txOutRef", "txOutRef", true},
		{"the value txInValue and the ref txOutRef", "txOutRef", false},
		{"The loader reads qzWvbTrk from the folder and stops.", "qzWvbTrk", false},
		{"The interest rate inTeqzWvb was set last year.", "inTeqzWvb", false},
		// Words in capitals are no humps: "GOTO" and "GOSUB" start with
		// "go" in another case only.
		{"BASIC had GOTO and GOSUB; structured code avoids them.\ngoNZrGKYGP", "goNZrGKYGP", false},
		// The type's name, capitalised, is of its accessors' family.
		{"type TxOutRef; TxOutValue and txOutTxOut", "txOutTxOut", true},
	}
	for _, tt := range tests {
		p := &prober{text: tt.text}
		if got := p.camelStem(tt.word); got != tt.want {
			t.Errorf("camelStem(%q) in %q = %v, want %v", tt.word, tt.text, got, tt.want)
		}
	}
}

// A name the text also writes as words apart is the text's name; so is
// the last piece of a version string. A word of the same letters alone in
// its text, or a token set apart from a version, is not. The sentences are
// written for this test.
func TestWrittenApartAndVersionSuffix(t *testing.T) {
	apart := []struct {
		text, word string
		want       bool
	}{
		{"I run the pool on a raspberrypi 4; many run on a raspberry pi.", "raspberrypi", true},
		{"Tested on MacOSX only. Does Mac OS X ship the library?", "MacOSX", true},
		{"The build of foo-barqux fails; foobarqux is the tool.", "foobarqux", true},
		{"I run the pool on a raspberrypi 4; many run on a raspberry.", "raspberrypi", false},
		{"Tested on qzwvbtrk only; nothing else was tried.", "qzwvbtrk", false},
	}
	for _, tt := range apart {
		lo := strings.Index(tt.text, tt.word)
		p := &prober{text: tt.text}
		c := &probeCandidate{w: scanWord{Lo: lo, Hi: lo + len(tt.word)}}
		if got := p.writtenApart(c); got != tt.want {
			t.Errorf("writtenApart(%q) in %q = %v, want %v", tt.word, tt.text, got, tt.want)
		}
	}
	versions := []struct {
		text, word string
		want       bool
	}{
		{"gcc (Debian 6.3.0-18+deb9u1) 6.3.0", "deb9u1", true},
		{"package 1.2~bpo10 from backports", "bpo10", true},
		{"gcc 6.3.0 +deb9u1 here", "deb9u1", false},
		{"a C+qzwvbtrk slip", "qzwvbtrk", false},
		{"score 18+qzwvbtrk in text", "qzwvbtrk", false},
	}
	for _, tt := range versions {
		if got := versionSuffix(tt.text, strings.Index(tt.text, tt.word)); got != tt.want {
			t.Errorf("versionSuffix(%q) in %q = %v, want %v", tt.word, tt.text, got, tt.want)
		}
	}
}

// A word shares its stem with another form of it in the text: a longer
// word, or a root written as a morpheme; not a bare word nor a compound's
// part.
func TestStemShared(t *testing.T) {
	for _, tt := range []struct {
		text, word string
		want       bool
	}{
		{"caecus beside Caecilia", "caecus", true},
		{"the proto-root *zhev- gives zhevra", "zhevra", true},
		{"the root zhev- gives zhevra", "zhevra", true},
		{"a long-term plan for longqx", "longqx", false},
		{"that is thatqx", "thatqx", false},
		{"nothing like it: qwzxva", "qwzxva", false},
	} {
		p := new(prober)
		p.text = tt.text
		lo := strings.LastIndex(tt.text, tt.word)
		c := &probeCandidate{w: scanWord{Lo: lo, Hi: lo + len(tt.word)}}
		if got := p.stemShared(c); got != tt.want {
			t.Errorf("stemShared(%q in %q) = %v, want %v", tt.word, tt.text, got, tt.want)
		}
	}
}

// An identifier named after the text's own names is a row of its pieces
// and real words; a random mix of cases is none, whatever the text. The
// sentences are written for this test, after the shapes of real posts.
func TestTiledByText(t *testing.T) {
	for _, tt := range []struct {
		text, word string
		want       bool
	}{
		{"import Ledger (txId, Tx, TxOutTx (..), Address)", "TxOutTx", false},         // "Tx" a word here, alone
		{"import PlutusTx.Lift\nimport Ledger (txId, TxOutTx (..))", "TxOutTx", true}, // "Tx" of a longer name, "tx" a word
		{"#define I2C1_BRG 39 // the I2C clock\nI2CxBRG = FCY/FSCL - 1", "I2CxBRG", true},
		{"the best are XWinLM, OpenChat and WizardLM 13B", "XWinLM", false}, // two letters of the text's only
		{"the crates.io index: iozZIT", "iozZIT", false},                    // a piece and a word by chance
		{"Ms Ed did not go there; MsgoEd", "MsgoEd", false},                 // words of two letters are every text's
		{"import Ledger (txId, TxOutTx (..), Address)", "TxOutTx", false},   // "Tx" nowhere alone
		{"import Ledger (txId, Tx, QkTwZr (..), Address)", "QkTwZr", false},
		{"the best are QkWinZr, OpenChat and WizardLM 13B", "QkWinZr", false},
		{"the tx and the out: tXoUtTx", "tXoUtTx", false}, // pieces in another case
	} {
		p := &prober{text: tt.text}
		p.setWords(&Edit{}, &Env{})
		p.langDone, p.lang = true, "en"
		p.langDict = NewWordSet([]string{"out", "win", "the", "best", "go", "ms", "ed", "zit", "tx"})
		if got := p.tiledByText(tt.word); got != tt.want {
			t.Errorf("tiledByText(%q) in %q = %v, want %v", tt.word, tt.text, got, tt.want)
		}
	}
}

// Names of a series share their start; a random draw shares none with
// its text, nor does a word of letters only. The sentences are written
// for this test, after the shapes of real posts.
func TestSeriesName(t *testing.T) {
	for _, tt := range []struct {
		text, word string
		want       bool
	}{
		{"configs for the canonical wsc273 as well as wsc285 with new examples", "wsc273", true},
		{"configs for the canonical wsc273 as well as wsc285 with new examples", "wsc285", true},
		{"they all start with addr1q and not addr1v", "addr1v", true},
		{"cborUTXOS.map(cborUTXO => decode(cborUTXO))", "cborUTXOS", true},
		{"configs for the canonical wsc273 and nothing else", "wsc273", false},
		{"the key kq7xvb1 and the key kq8xvb1", "kq7xvb1", false}, // three characters shared
		{"the config and configxq", "configxq", false},            // letters only
		{"see http://example.com/kq7xvb1a?id=kq7xvb1 and kq7xvb1", "kq7xvb1", false},
	} {
		p := &prober{text: tt.text}
		if got := p.seriesName(tt.word); got != tt.want {
			t.Errorf("seriesName(%q) in %q = %v, want %v", tt.word, tt.text, got, tt.want)
		}
	}
}

// A name of four letters or more that the text uses on its own makes a
// word of it and any short rest; a shorter one needs a rest that is a
// word or a piece of the text. The lines are written for this test.
func TestTextPiecesLongOwn(t *testing.T) {
	for _, tt := range []struct {
		text, word string
		want       bool
	}{
		{"mkfifo in.fifo\ncat in.fifo > /dev/null", "mkfifo", true},
		{"the grpc balancer: grpclb picks a backend", "grpclb", true},
		{"the rpc balancer: rpclb picks a backend", "rpclb", false},
		{"mkzqrv in.fifo\ncat in.fifo > /dev/null", "mkzqrv", false},
	} {
		p := &prober{text: tt.text}
		p.setWords(&Edit{}, &Env{})
		p.langDone, p.lang = true, "en"
		p.langDict = NewWordSet([]string{"the", "balancer", "picks", "a", "backend", "in", "cat", "dev", "null"})
		lo := strings.Index(tt.text, tt.word)
		c := &probeCandidate{w: scanWord{Lo: lo, Hi: lo + len(tt.word)}}
		if got := p.textPieces(c); got != tt.want {
			t.Errorf("textPieces(%q) in %q = %v, want %v", tt.word, tt.text, got, tt.want)
		}
	}
}

// Models of a product line share their letters in their places and differ
// in their digits; a random draw repeats no other word's letters so, and
// a letter more or less is another word. The lines are written for this
// test.
func TestNumberedSeries(t *testing.T) {
	for _, tt := range []struct {
		text, word string
		want       bool
	}{
		{"I had both the kx40mr and the kx45mr, the second is heavier", "kx40mr", true},
		{"I had both the kx40mr and the kx45mr, the second is heavier", "kx45mr", true},
		{"the tz8 and the tz12 are the same size", "tz12", false}, // two letters
		{"I had both the kx40mr and the kx45mrq, the second is heavier", "kx40mr", false},
		{"I had the kx40mr and a qv45mr as well", "kx40mr", false},
		{"I had the kx40mr and nothing else", "kx40mr", false},
	} {
		p := &prober{text: tt.text}
		p.setWords(&Edit{}, &Env{})
		lo := strings.Index(tt.text, tt.word)
		c := &probeCandidate{w: scanWord{Lo: lo, Hi: lo + len(tt.word)}}
		if got := p.numberedSeries(c); got != tt.want {
			t.Errorf("numberedSeries(%q) in %q = %v, want %v", tt.word, tt.text, got, tt.want)
		}
	}
}
