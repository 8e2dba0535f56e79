package eval

// Metrics is a confusion matrix over a set of records and the rates an
// operator reads from it. Vandalism is the positive class and "flagged" means
// the bot would revert the edit.
//
// A rate whose denominator is zero takes the value that says nothing went
// wrong: Precision is 1 when nothing was flagged (no false alarms), Recall is
// 1 when there was no vandalism to find, FPR is 0 when there were no regular
// edits to misjudge. So the rates are always finite and JSON never carries
// NaN; read them together with the counts.
type Metrics struct {
	TP        int     `json:"tp"` // vandalism, flagged
	FP        int     `json:"fp"` // regular, flagged: a good edit reverted
	TN        int     `json:"tn"` // regular, left alone
	FN        int     `json:"fn"` // vandalism, left alone
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	FPR       float64 `json:"fpr"` // false-positive rate: FP / (FP + TN)
}

// Total is the number of records the metrics count.
func (m Metrics) Total() int { return m.TP + m.FP + m.TN + m.FN }

// confusion accumulates the counts of a Metrics.
type confusion struct{ tp, fp, tn, fn int }

func (c *confusion) add(vandalism, flagged bool) {
	switch {
	case vandalism && flagged:
		c.tp++
	case vandalism:
		c.fn++
	case flagged:
		c.fp++
	default:
		c.tn++
	}
}

func (c confusion) metrics() Metrics {
	return Metrics{
		TP:        c.tp,
		FP:        c.fp,
		TN:        c.tn,
		FN:        c.fn,
		Precision: ratio(c.tp, c.tp+c.fp, 1),
		Recall:    ratio(c.tp, c.tp+c.fn, 1),
		FPR:       ratio(c.fp, c.fp+c.tn, 0),
	}
}

func ratio(n, d int, empty float64) float64 {
	if d == 0 {
		return empty
	}
	return float64(n) / float64(d)
}
