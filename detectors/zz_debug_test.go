package detectors
import ("testing";"fmt";"os";"os/exec";"strings")
func TestZZTerms(t *testing.T) {
	lang := os.Getenv("ZZLANG")
	b, _ := exec.Command("git", "--git-dir=/work/.mirror/pemistahl+lingua-go/repo", "show", "a440fc1:cmd/language-testdata/sentences/"+lang+".txt").Output()
	sents := strings.Split(string(b), "\n")
	old := strings.Join(sents[:40], " ")
	para := strings.Join(sents[40:46], " ")
	if tok := os.Getenv("ZZTOK"); tok != "" { ws := strings.Fields(para); ws[len(ws)/2] += " " + tok; para = strings.Join(ws, " ") }
	e := &Edit{Anon: true, Old: old, New: old + "\n\n" + para, Lang: lang}
	env := &Env{Dicts: testDicts(t, false)}
	for _, pm := range []bool{false, true} {
		var p prober
		m := BaseModel()
		if pm { m = pageModel(e) }
		p.reset(m, Diff(e.Old, e.New), true)
		p.pageModel = pm
		p.setWords(e, env)
		p.run()
		fmt.Println("pagemodel", pm, "lang", p.lang, "unread", p.unread, "wants", p.wantsPageModel())
		for _, c := range p.cands {
			if c.score < 0.2 && p.text[c.w.Lo:c.w.Hi] != os.Getenv("ZZTOK") { continue }
			fmt.Printf("  %s %.2f bits/l=%.1f:", p.text[c.w.Lo:c.w.Hi], c.score, c.bits/float64(c.symHi-c.symLo+1))
			for _, tm := range c.terms[:c.nterms] { fmt.Printf(" %s=%.1f", tm.kind, tm.bits) }
			fmt.Println()
		}
	}
}
