//go:build probetrace

package detectors

import (
	"fmt"
	"strings"
)

// ProbeTrace runs Probe and lists every candidate word with each term of
// its evidence: a tuning aid (go run -tags probetrace ./internal/probeeval -explain ID).
func ProbeTrace(in *Input) string {
	var sb strings.Builder
	added := Diff(in.Edit.Old, in.Edit.New)
	m := BaseModel()
	p := new(prober)
	dump := func() {
		fmt.Fprintf(&sb, "  model %s lang %q unread %v dict %v\n", p.modelName, p.lang, p.unread, p.langDict != nil)
		for i := range p.cands {
			c := &p.cands[i]
			fmt.Fprintf(&sb, "    %-20q ev %6.2f:", p.text[c.w.Lo:c.w.Hi], c.evidence)
			for _, t := range c.terms[:c.nterms] {
				fmt.Fprintf(&sb, " %s=%.1f", t.kind, t.bits)
			}
			sb.WriteByte('\n')
		}
	}
	pass := func(m *Model, name string, pageModel bool) {
		p.reset(m, added, in.Edit.Anon)
		p.modelName, p.pageModel, p.traceAll = name, pageModel, true
		p.setWords(in.Edit, in.Env)
		p.run()
		dump()
	}
	pass(m, "base", false)
	if p.wantsPageModel() {
		pass(p.pageModelOf(in.Edit), "page", true)
	}
	return sb.String()
}
