package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"
)

// jsonReport is the one JSON object the json format writes, as issue 3
// specifies it. Report has more (curves, counts) than that contract.
type jsonReport struct {
	Overall   Metrics            `json:"overall"`
	Detectors map[string]Metrics `json:"detectors"`
	ByKind    map[string]Metrics `json:"by_kind"`
	// Explain is present with --explain N: the worst false positives and
	// misses.
	Explain *jsonExplain `json:"explain,omitempty"`
}

type jsonExplain struct {
	FalsePositives []Explained `json:"false_positives"`
	Misses         []Explained `json:"misses"`
}

// writeJSON writes the report as one line of JSON.
func writeJSON(w io.Writer, rep Report) error {
	jr := jsonReport{Overall: rep.Overall, Detectors: rep.Detectors, ByKind: rep.ByKind}
	if rep.FalsePositives != nil || rep.Misses != nil {
		jr.Explain = &jsonExplain{FalsePositives: rep.FalsePositives, Misses: rep.Misses}
	}
	b, err := json.Marshal(jr)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", b)
	return err
}

// writeText writes the report as aligned tables: overall, each detector on
// its own, then each kind.
func writeText(w io.Writer, corpus string, names []string, rep Report) error {
	var b strings.Builder
	fmt.Fprintf(&b, "corpus %s: %d records, %d bad lines skipped\n", corpus, rep.Records, rep.BadLines)
	b.WriteString("thresholds:")
	for _, n := range names {
		if t, ok := rep.Thresholds[n]; ok {
			fmt.Fprintf(&b, " %s %.2f", n, t)
		} else {
			fmt.Fprintf(&b, " %s default", n)
		}
	}
	b.WriteString("\n\n")

	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
	row := func(name string, m Metrics) {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%.3f\t%.3f\t%.3f\t\n", name, m.TP, m.FP, m.TN, m.FN, m.Precision, m.Recall, m.FPR)
	}
	header := func(first string) {
		fmt.Fprintf(tw, "%s\tTP\tFP\tTN\tFN\tprecision\trecall\tFPR\t\n", first)
	}

	header("")
	row("overall", rep.Overall)
	tw.Flush()

	b.WriteString("\n")
	header("detector")
	for _, n := range names {
		row(n, rep.Detectors[n])
	}
	tw.Flush()

	if len(rep.ByKind) > 0 {
		b.WriteString("\n")
		header("kind")
		kinds := make([]string, 0, len(rep.ByKind))
		for k := range rep.ByKind {
			kinds = append(kinds, k)
		}
		slices.Sort(kinds)
		for _, k := range kinds {
			row(k, rep.ByKind[k])
		}
		tw.Flush()
	}
	_, err := io.WriteString(w, b.String())
	return err
}
