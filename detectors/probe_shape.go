package detectors

// Shape features of a folded word (letter symbols 1..26).

// probeVowels counts vowels (a e i o u y) and the longest run of consonants.
func probeVowels(sym []uint8) (vowels, longestRun int) {
	run := 0
	for _, s := range sym {
		switch s {
		case 'a' - 'a' + 1, 'e' - 'a' + 1, 'i' - 'a' + 1, 'o' - 'a' + 1, 'u' - 'a' + 1, 'y' - 'a' + 1:
			vowels++
			run = 0
		default:
			run++
			longestRun = max(longestRun, run)
		}
	}
	return vowels, longestRun
}

// probeKeyPos is each letter's row and column on a QWERTY keyboard, columns
// in quarter keys to follow the rows' stagger.
var probeKeyPos = func() (pos [27][2]int8) {
	rows := [3]string{"qwertyuiop", "asdfghjkl", "zxcvbnm"}
	offset := [3]int8{0, 1, 3}
	for r, row := range rows {
		for c, ch := range row {
			pos[ch-'a'+1] = [2]int8{int8(r), int8(c)*4 + offset[r]}
		}
	}
	return pos
}()

// probeKeyboardRun returns the longest stretch of letters where each is next
// to the one before on the keyboard, always in the same direction ("asdf",
// "poiu", "qaz"), and where it starts.
func probeKeyboardRun(sym []uint8) (length, at int) {
	best, bestAt := 1, 0
	cur, curAt := 1, 0
	var dir [2]int8
	for i := 1; i < len(sym); i++ {
		a, b := probeKeyPos[sym[i-1]], probeKeyPos[sym[i]]
		d := [2]int8{b[0] - a[0], b[1] - a[1]}
		adj := sym[i] != sym[i-1] && (d[0] == 0 && (d[1] == 4 || d[1] == -4) ||
			(d[0] == 1 || d[0] == -1) && d[1] >= -3 && d[1] <= 3)
		switch {
		case adj && cur > 1 && d == dir:
			cur++
		case adj:
			cur, curAt, dir = 2, i-1, d
		default:
			cur, curAt = 1, i
		}
		if cur > best {
			best, bestAt = cur, curAt
		}
	}
	return best, bestAt
}

// probeRepeatedChunk finds a chunk of 2 to 4 letters repeated at least three
// times in a row ("asdasdasd": "asd" 3 times), or one letter at least five
// times ("aaaaa"), and returns the chunk's length and the repeats.
func probeRepeatedChunk(sym []uint8) (period, reps int) {
	bestP, bestR := 0, 0
	for start := 0; start < len(sym); start++ {
		for p := 1; p <= 4 && start+2*p <= len(sym); p++ {
			k := start + p
			for k < len(sym) && sym[k] == sym[k-p] {
				k++
			}
			r := (k - start) / p
			need := 3
			if p == 1 {
				need = 5
			}
			if r >= need && r > bestR {
				bestP, bestR = p, r
			}
		}
	}
	if bestP == 1 {
		bestR -= 2 // five of a letter counts as three repeats
	}
	return bestP, bestR
}

func probeSymString(sym []uint8) string {
	b := make([]byte, len(sym))
	for i, s := range sym {
		b[i] = 'a' + s - 1
	}
	return string(b)
}

// probeAlternating reports whether sym alternates consonant and vowel
// (a e i o u; y is either) from its first letter to its last, as a
// syllable generator's "fatifina" and "kelomafi" do. Real words cluster
// consonants and pair vowels; long words of a language that does not
// (Japanese, Bantu, Polynesian) are told apart by the text around
// (prober.alternationCommon).
func probeAlternating(sym []uint8) bool {
	vowel := func(s uint8) int {
		switch s {
		case 'a' - 'a' + 1, 'e' - 'a' + 1, 'i' - 'a' + 1, 'o' - 'a' + 1, 'u' - 'a' + 1:
			return 1
		case 'y' - 'a' + 1:
			return -1
		}
		return 0
	}
	prev := -1
	for _, s := range sym {
		v := vowel(s)
		if v >= 0 && v == prev {
			return false
		}
		prev = v
	}
	return true
}

// alternationCommon reports whether the text's own long lower-case words
// alternate consonants and vowels often (one in ten or more, or two words
// of the sort at least): a language built of open syllables, whose words
// a generator's tokens resemble. Words with diacritics count, read as
// their base letters.
func (p *prober) alternationCommon() bool {
	if p.altDone {
		return p.altCommon
	}
	p.altDone = true
	long, alt := 0, 0
	for _, w := range p.words {
		if w.Flags&(wUpperFirst|wUpperInner|wDigit|wNonLatin|wCode) != 0 || w.Hi-w.Lo < alternatingLetters {
			continue
		}
		sym, ok := foldWord(p.scratchSym[:0], p.text[w.Lo:w.Hi])
		p.scratchSym = sym
		if !ok || len(sym) < alternatingLetters {
			continue
		}
		long++
		if probeAlternating(sym) {
			alt++
		}
	}
	// The word judged is one of them.
	p.altCommon = alt-1 >= 2 && float64(alt-1) >= 0.1*float64(long-1)
	return p.altCommon
}
