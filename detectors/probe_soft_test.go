package detectors

import (
	"math/rand/v2"
	"testing"
)

func TestSoftModel(t *testing.T) {
	m := softModel()
	if m == nil {
		t.Fatal("the embedded software-name model does not decode")
	}
	margin := func(w string) float64 {
		sym, _ := foldWord(nil, w)
		return float64(len(sym))*log2Letters - m.bits(sym)
	}
	for _, w := range []string{"gtkmm", "httpd", "libdvdnav", "dhcpcd", "plpgsql", "tftpd", "smtpdaemon"} {
		if got := margin(w); got < softMinMargin {
			t.Errorf("%s: %.1f bits better than random letters, want %.0f or more", w, got, softMinMargin)
		}
	}
	// Random letters are seldom program-like: at most 1 in 100 of 6 to 12.
	r := rand.New(rand.NewPCG(7, 11))
	hits, n := 0, 5000
	for i := 0; i < n; i++ {
		b := make([]byte, 6+r.IntN(7))
		for j := range b {
			b[j] = byte('a' + r.IntN(26))
		}
		if margin(string(b)) >= softMinMargin {
			hits++
		}
	}
	if hits*100 > n {
		t.Errorf("%d of %d random tokens read as software names", hits, n)
	}
}
