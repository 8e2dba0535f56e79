package detectors

import (
	"syscall"
	"testing"
)

// BenchmarkDetectors runs the whole stack (Diff, Probe, Links) over the
// real edits of the shared corpus (testcorpus.EditsFile), with the installed
// dictionaries loaded as the bot has them.
func BenchmarkDetectors(b *testing.B) {
	recs := readDevEdits(b)
	edits := make([]Edit, len(recs))
	for i, c := range recs {
		edits[i] = *c.edit()
	}
	stack, err := NewStack(Names())
	if err != nil {
		b.Fatal(err)
	}
	env := &Env{Model: BaseModel(), Dicts: testDicts(b, false)}
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuSeconds()
	n := 0
	for b.Loop() {
		stack.Score(&edits[n%len(edits)], env)
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "edits/s")
	// The process's CPU time, not the wall clock: on a machine whose cores
	// other work shares, this is still one core's throughput.
	if cpu := cpuSeconds() - cpu0; cpu > 0 {
		b.ReportMetric(float64(n)/cpu, "edits/cpu-s")
	}
}

// cpuSeconds returns the CPU time the process has used.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Sec+ru.Stime.Sec) + float64(ru.Utime.Usec+ru.Stime.Usec)/1e6
}

// BenchmarkProbe runs Diff and Probe alone over the same edits.
func BenchmarkProbe(b *testing.B) {
	recs := readDevEdits(b)
	edits := make([]Edit, len(recs))
	for i, c := range recs {
		edits[i] = *c.edit()
	}
	env := &Env{}
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	for b.Loop() {
		e := &edits[n%len(edits)]
		Probe(&Input{Edit: e, Added: Diff(e.Old, e.New), Env: env})
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "edits/s")
}

// BenchmarkProbeLargePage scores the largest corpus page as a creation and as
// a one-word change, to keep big pages linear.
func BenchmarkProbeLargePage(b *testing.B) {
	var page string
	for _, pg := range readDevPages(b) {
		if len(pg.Text) > len(page) {
			page = pg.Text
		}
	}
	changed := page[:len(page)/2] + " xkqzvbwpl" + page[len(page)/2:]
	env := &Env{}
	b.Run("creation", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			e := &Edit{Anon: true, New: page}
			Probe(&Input{Edit: e, Added: Diff("", page), Env: env})
		}
	})
	b.Run("one-word", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			e := &Edit{Anon: true, Old: page, New: changed}
			Probe(&Input{Edit: e, Added: Diff(page, changed), Env: env})
		}
	})
}
