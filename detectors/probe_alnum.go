package detectors

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Words of letters and digits, and of mixed case.
//
// A probe token is a random draw from an alphabet: lower-case letters, both
// cases, or letters and digits. A real word, name or identifier is built
// from parts: words the letter model knows, runs of digits, a capital at
// the start of each part. The evidence of a word is how many more bits the
// parts take to describe (each letter run under the letter model, each
// digit, each switch between letters and digits or between cases) than a
// uniform draw from the alphabet the word uses. "h4ks8d92" switches five
// times in eight characters; "html5", "1990s", "Boeing747" once.

const (
	bitsPerDigit        = 3.321928094887362 // log2(10)
	bitsFirstSwitch     = 2.0               // the first switch between a letter run and a digit run ("html5")
	bitsPartSwitch      = 4.0               // each further switch
	bitsCaseSwitch      = 3.0               // each switch of case inside a letter run
	bitsOddCase         = 8.0               // a mix of cases that is no CamelCase name
	bitsOddCaseShort    = 2.0               // the same in five characters or fewer,
	bitsCaseSwitchShort = 1.5               // where "LaTeX", "PhD" and "mmHg" switch often
	bitsNamePart        = 1.0               // each capitalised part of a CamelCase name
	log2LettersCased    = 5.700439718141092 // log2(52)
)

// alnumShape describes a word's characters.
type alnumShape struct {
	n         int // characters
	letters   int
	digits    int
	upper     int
	lower     int
	parts     int // runs of letters or of digits
	caseSwaps int // switches between cases inside letter runs
	nameLike  bool
}

func shapeOf(w string) alnumShape {
	var s alnumShape
	prevKind := 0 // 1 letter, 2 digit
	prevCase := 0 // 1 lower, 2 upper
	leadingLower := 0
	upperRuns, badRuns := 0, 0
	runUpper := 0 // length of the current upper-case run
	lowerAfter := 0
	for i := 0; i < len(w); {
		r, size := rune(w[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(w[i:])
		}
		i += size
		s.n++
		kind, cs := 1, 1
		switch {
		case r >= '0' && r <= '9' || unicode.IsDigit(r):
			kind, cs = 2, 0
			s.digits++
		case unicode.IsUpper(r):
			cs = 2
			s.upper++
			s.letters++
		default:
			s.lower++
			s.letters++
		}
		if kind != prevKind {
			s.parts++
		}
		if kind == 1 && prevKind == 1 && cs != prevCase {
			s.caseSwaps++
		}
		// CamelCase bookkeeping: upper runs and what follows them.
		if kind == 1 {
			if cs == 2 {
				if prevCase == 1 || prevKind != 1 {
					// "LeMieux", "McDonald", "DiCaprio": a first part of two letters is a
					// name's prefix; later parts need two lower-case letters.
					if runUpper > 0 && lowerAfter < 2 && upperRuns > 0 && !(upperRuns == 1 && runUpper == 1 && lowerAfter == 1 && leadingLower == 0) {
						badRuns++
					}
					upperRuns++
					runUpper, lowerAfter = 0, 0
				}
				runUpper++
			} else {
				if upperRuns == 0 {
					leadingLower++
				} else {
					lowerAfter++
				}
			}
			prevCase = cs
		}
		prevKind = kind
	}
	if upperRuns > 0 && lowerAfter == 1 && runUpper > 0 {
		// "CDs", "NGOs": an acronym's plural is fine; "XkqZp" is not.
		if w[len(w)-1] != 's' || runUpper < 2 {
			badRuns++
		}
	}
	if upperRuns > 1 && lowerAfter == 0 && runUpper >= 2 && s.n > 5 {
		badRuns++ // "fCkilURA": capitals closing a mixed word ("iOS" is short)
	}
	if s.digits == 0 && s.caseSwaps >= 2 && s.n >= probeFlipMinChars {
		badRuns += caseFlips(w)
	}
	s.nameLike = s.digits == 0 && leadingLower <= 1 && badRuns*3 <= upperRuns-1
	return s
}

// probeFlipMinChars is the length from which caseFlips judges a word: short
// abbreviations and units ("LaTeX", "KiB", "ObjC") flip case freely.
const probeFlipMinChars = 7

// caseFlips counts the places where a word of letters flips case as a
// random draw of cases does and a CamelCase name does not: a lone
// lower-case letter between a run of capitals and a capital ("UswICkXmn",
// where "getElementById", "TiVo" and "NGOs" are names), two capitals
// between lower-case letters ("sNOez", where a name's inner acronym is
// longer, "toUTCString", or opens it, "CPython", "OAuth", and a phrase's
// word "A" or "I" stands alone, "HowIWon"), and a lone
// capital closing a word after lower-case letters ("hWorDunZ", where
// "PostgreSQL" closes on an acronym, "ObjC" is short and a capitalised word
// glued to the next one's capital, "KenyaA", is two words).
func caseFlips(w string) int {
	flips := 0
	prev, run, runs := 0, 0, 0 // case of the current run (1 lower, 2 upper), its length, runs before it
	upRun, firstUp := 0, 0     // length of the last run of capitals and of a first one
	var opened rune            // the letter opening the current run
	lastUpper := false
	for _, r := range w {
		cs := 1
		if unicode.IsUpper(r) {
			cs = 2
		}
		if cs != prev {
			if prev == 1 && cs == 2 && run == 1 && upRun >= 2 {
				flips++ // a lone lower-case letter after two capitals, before a third
			}
			if prev == 2 {
				if runs == 0 {
					firstUp = run
				}
				upRun = run
				if run == 2 && runs >= 1 && opened != 'A' && opened != 'I' {
					flips++ // two capitals between lower-case letters, unless a word "A" or "I" ("AmIHere")
				}
			}
			if prev != 0 {
				runs++
			}
			prev, run, opened = cs, 0, r
		}
		run++
		lastUpper = cs == 2
	}
	if lastUpper && run == 1 && runs >= 2 && (runs > 2 || firstUp > 1) {
		flips++ // "...unZ": one capital closing the word, past a capitalised word ("KenyaA" is two glued)
	}
	return flips
}

// isIdentShape reports whether a word holding digits has the shape of an
// identifier, a quantity or a formula rather than a random draw:
// "B000FC0R8K" and "SN74LS00N" (capitals and digits), "d41d8cd98f00b204"
// (hexadecimal, ten or more), "10km", "1990s", "21st", "4x4" (a number and
// a unit), "C6H12O6" (a chemical formula).
func isIdentShape(w string, s alnumShape) bool {
	if s.digits == 0 {
		return false
	}
	if s.n >= 10 && isHex(w) {
		return true // a hash, in either case
	}
	if dimensions(w) {
		return true // "1x8400x5", "12x10x32"
	}
	if s.lower == 0 {
		return true // part numbers, catalogue numbers, call signs: "SN74LS00N", "B000FC0R8K", "W1AW"
	}
	// Numbers and units: 10km, 1990s, 4x4, 1080p, 250x200px, a duration
	// (0h0min0s). Every run of letters is a unit or a single letter, and
	// digits come first.
	if w[0] >= '0' && w[0] <= '9' && s.parts <= 6 {
		ok := true
		for i := 0; i < len(w) && ok; {
			if w[i] >= '0' && w[i] <= '9' {
				i++
				continue
			}
			j := i
			for j < len(w) && !(w[j] >= '0' && w[j] <= '9') {
				j++
			}
			// A unit, or a lone letter between two numbers ("4x4", "738f");
			// beyond two numbers, only a duration's ("0h0min0s").
			u := strings.ToLower(w[i:j])
			ok = units[u] && (s.parts <= 4 || durationUnit(u)) || j-i == 1 && s.parts <= 3
			i = j
		}
		if ok {
			return true
		}
	}
	return chemicalFormula(w)
}

// durationUnit reports whether u is a unit of a duration written in one
// word ("1h30min", "0h0min0s").
func durationUnit(u string) bool {
	switch u {
	case "d", "h", "m", "min", "s", "ms":
		return true
	}
	return false
}

// units are the letters that follow a number in real text: units,
// ordinals, decades, resolutions.
var units = func() map[string]bool {
	m := map[string]bool{}
	for _, u := range strings.Fields("st nd rd th er e re ème eme te ten ste s h km kg mm cm m ft in lb lbs mi yd ha g l ml kb mb gb tb " +
		"hz khz mhz ghz kw mw gw w v kv mah wh kwh hg px em pt mph kph kmh ms bc ad am pm bp kbp mbp k d p x yo mo hp cc ci " +
		"nm um μm ly au pc kpc mpc mag sq ac hrs hr min sec yr yrs mg kcal cal db ma ka kwh mwh lm lx ppm ppb " +
		"pop gen ed vol bps kbps mbps gbps fps dpi mp ghz") {
		m[u] = true
	}
	return m
}()

func isHex(w string) bool {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if !(c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'f') {
			return false
		}
	}
	return true
}

// chemicalFormula reports whether w is a sequence of element symbols with
// counts: "H2O", "C6H12O6", "NaCl", "Fe2O3".
func chemicalFormula(w string) bool {
	if w == "" {
		return false
	}
	for i := 0; i < len(w); {
		c := w[i]
		if c < 'A' || c > 'Z' {
			return false
		}
		sym := w[i : i+1]
		if i+1 < len(w) && w[i+1] >= 'a' && w[i+1] <= 'z' {
			sym = w[i : i+2]
		}
		if !commonElements[sym] {
			return false
		}
		i += len(sym)
		for i < len(w) && w[i] >= '0' && w[i] <= '9' {
			i++
		}
	}
	return true
}

// commonElements are the elements of the formulas text cites: a random mix
// of capitals and digits often reads as rarer symbols ("Cm", "Y").
var commonElements = func() map[string]bool {
	m := map[string]bool{}
	for _, e := range []string{"H", "C", "N", "O", "S", "P", "F", "Cl", "Br", "I", "Na", "K", "Li", "Ca", "Mg", "Ba", "Sr",
		"Fe", "Al", "Si", "Cu", "Zn", "Ag", "Au", "Pb", "Hg", "Mn", "Cr", "Ni", "Co", "Ti", "U", "Sn", "B", "Se", "As", "Pt", "Xe", "He", "Ar", "Ne"} {
		m[e] = true
	}
	return m
}()

// partsBits returns the bits the word's parts take under the letter model
// and a digit model: each letter run as a word of its own, each digit, each
// switch between runs and between cases. sym receives the folded letters of
// the whole word.
func partsBits(m *Model, w string, sym []uint8) ([]uint8, float64, bool) {
	var bits float64
	run := len(sym)
	parts := 0
	inDigits := false
	flush := func() {
		if len(sym) > run {
			bits += m.bits(sym[run:])
			parts++
		}
		run = len(sym)
	}
	for i := 0; i < len(w); {
		c := w[i]
		if c >= '0' && c <= '9' {
			if !inDigits {
				flush()
				parts++
				inDigits = true
			}
			bits += bitsPerDigit
			i++
			continue
		}
		inDigits = false
		var ok bool
		r, n := rune(c), 1
		if c >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(w[i:])
		}
		sym, ok = foldWord(sym, w[i:i+n])
		if !ok {
			if unicode.IsDigit(r) {
				bits += bitsPerDigit
				i += n
				continue
			}
			return sym, 0, false
		}
		i += n
	}
	flush()
	if parts > 1 {
		bits += bitsFirstSwitch + bitsPartSwitch*float64(parts-2)
	}
	return sym, bits, true
}

// randomBits is the cost of w's n characters as a uniform draw from the
// alphabet its shape uses.
func randomBits(s alnumShape) float64 {
	a := 0.0
	if s.lower > 0 {
		a += 26
	}
	if s.upper > 0 {
		a += 26
	}
	if s.digits > 0 {
		a += 10
	}
	if a == 0 {
		return 0
	}
	return float64(s.n) * math.Log2(a)
}

// unitSymbols reports whether a short mixed-case word is made of unit
// symbols with SI prefixes, or of element symbols: "mmHg", "kWh", "GHz",
// "dB", "NaCl".
func unitSymbols(w string) bool {
	if chemicalFormula(w) {
		return true
	}
	// An SI prefix, then a unit written as units are: "kWh", "GHz", "mmHg", "dB".
	for _, pre := range [...]string{"", "k", "M", "G", "T", "m", "c", "d", "n", "μ", "mm"} {
		if rest, ok := strings.CutPrefix(w, pre); ok && rest != "" && siUnits[rest] {
			return true
		}
	}
	return false
}

var siUnits = map[string]bool{"Hz": true, "Wh": true, "W": true, "Hg": true, "B": true, "Pa": true, "J": true, "V": true,
	"A": true, "Ah": true, "VA": true, "N": true, "Gy": true, "Sv": true, "Bq": true, "eV": true, "mol": true, "cd": true,
	"lm": true, "lx": true, "T": true, "Wb": true, "F": true, "H": true, "S": true, "K": true, "Np": true, "bar": true}

// dimensions reports whether w is numbers joined by "x", the last perhaps
// with a unit: "1x8400x5", "12x8x32", "1920x1080px".
func dimensions(w string) bool {
	parts := strings.FieldsFunc(w, func(r rune) bool { return r == 'x' || r == 'X' })
	if len(parts) < 2 || strings.Count(strings.ToLower(w), "x") != len(parts)-1 && !strings.HasSuffix(strings.ToLower(w), "x") {
		return false
	}
	for i, p := range parts {
		j := 0
		for j < len(p) && p[j] >= '0' && p[j] <= '9' {
			j++
		}
		if j == 0 || j < len(p) && (i < len(parts)-1 || !units[strings.ToLower(p[j:])]) {
			return false
		}
	}
	return true
}

// digitsLast reports whether the digits of w are one run closing it
// ("SJuan76", "user1234", "iPhone12"): a handle's, a name's or a version's
// number.
func digitsLast(w string) bool {
	i := len(w)
	for i > 0 && w[i-1] >= '0' && w[i-1] <= '9' {
		i--
	}
	return i < len(w) && strings.IndexAny(w[:i], "0123456789") < 0
}
