//go:build probetrace

package detectors

import (
	"fmt"
	"strings"
)

// ProbeTrace runs Probe and lists every candidate word with each term of
// its evidence: a tuning aid (go run -tags probetrace ./internal/probeeval -explain ID).
// Whether the page's own letter model gets a pass is decided as Probe
// decides it, from the candidates Probe keeps: the trace keeps every
// candidate, and asked of those the page's pass would run where Probe's
// does not.
func ProbeTrace(in *Input) string {
	var sb strings.Builder
	in, added := readLines(in)
	m, name := BaseModel(), "base"
	if in.Env != nil && in.Env.Model != nil && in.Env.Model.lp != nil {
		m, name = in.Env.Model, "wiki"
	}
	p := new(prober)
	p.pass(in, added, m, name, false)
	page := m == BaseModel() && p.wantsPageModel()
	dump := func() {
		fmt.Fprintf(&sb, "  model %s lang %q unread %v dict %v\n", p.modelName, p.lang, p.unread, p.langDict != nil)
		for i := range p.cands {
			c := &p.cands[i]
			fmt.Fprintf(&sb, "    %-20q ev %6.2f:", p.text[c.w.Lo:c.w.Hi], c.evidence)
			for _, t := range c.terms[:c.nterms] {
				fmt.Fprintf(&sb, " %s=%.1f", t.kind, t.bits)
			}
			fmt.Fprintf(&sb, " [amid=%v lineLang=%v nearLang=%v lone=%v tech=%.2f]", p.amidWords(c), p.lineInLang(c), p.nearInLang(c), p.loneInProse(c), p.technicalFor(c))
			sb.WriteByte('\n')
		}
	}
	trace := func(m *Model, name string, pageModel bool) {
		p.reset(m, added, in.Edit.Anon)
		p.modelName, p.pageModel, p.traceAll = name, pageModel, true
		p.setWords(in.Edit, in.Env)
		p.run()
		dump()
		p.traceUnjudged(&sb)
	}
	trace(m, name, false)
	if page {
		trace(p.pageModelOf(in.Edit), "page", true)
	}
	return sb.String()
}

// traceUnjudged lists the words of six characters or more that were not
// judged, with what the candidate filter (run) says of each: why a word
// never reaches judge.
func (p *prober) traceUnjudged(sb *strings.Builder) {
	for i, w := range p.words {
		if w.Hi-w.Lo < probeCodeMinChars || w.Flags&wNonLatin != 0 {
			continue
		}
		judged := false
		for k := range p.cands {
			judged = judged || p.cands[k].idx == i
		}
		if judged {
			continue
		}
		word := p.text[w.Lo:w.Hi]
		var why []string
		say := func(ok bool, s string) {
			if ok {
				why = append(why, s)
			}
		}
		f := w.Flags
		say(f&wCode != 0, "code-word")
		if f&cCode != 0 {
			say(true, fmt.Sprintf("code-mode=%d", p.codeMode(i)))
		}
		sh := shapeOf(word)
		if f&wDigit != 0 || f&wUpperInner != 0 && f&wLower != 0 {
			say(hexIdent(word), "hex")
			say(isIdentShape(word, sh), "ident-shape")
			say(sh.parts <= 3 && p.afterLabel(i), "after-label")
			say(sh.digits > 0 && p.capsCodeInProse(i, word, sh), "caps-code-in-prose")
			say(f&cIdent != 0, "ident-place")
		}
		say(syllableRun(word), "syllable-run")
		say(botName(word), "bot-name")
		say(p.wordAt(i), "word")
		say(p.gluedWord(strings.ToLower(word)), "glued")
		say(p.stretchedWord(word), "stretched")
		say(permissionString(word), "permission")
		say(tempName(word), "temp-name")
		say(p.a.OldHasWord(word), "old-has")
		if sym, ok := foldWord(nil, word); ok && f&wDigit == 0 {
			say(true, fmt.Sprintf("llr=%.1f", p.m.bits(sym)-float64(len(sym))*log2Letters))
		}
		fmt.Fprintf(sb, "    %-20q not judged: %s\n", word, strings.Join(why, " "))
	}
}
