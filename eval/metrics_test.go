package eval

import "testing"

func TestMetricsEmptyDenominators(t *testing.T) {
	for _, tc := range []struct {
		name string
		c    confusion
		want Metrics
	}{
		{"nothing", confusion{}, Metrics{Precision: 1, Recall: 1, FPR: 0}},
		{"nothing flagged", confusion{tn: 3, fn: 1}, Metrics{TN: 3, FN: 1, Precision: 1, Recall: 0, FPR: 0}},
		{"only vandalism", confusion{tp: 2, fn: 2}, Metrics{TP: 2, FN: 2, Precision: 1, Recall: 0.5, FPR: 0}},
		{"mixed", confusion{tp: 3, fp: 1, tn: 3, fn: 1}, Metrics{TP: 3, FP: 1, TN: 3, FN: 1, Precision: 0.75, Recall: 0.75, FPR: 0.25}},
	} {
		if got := tc.c.metrics(); got != tc.want {
			t.Errorf("%s: got %+v, want %+v", tc.name, got, tc.want)
		}
	}
}
