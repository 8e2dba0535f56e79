package detectors

import (
	"hash/maphash"
	"strings"
)

// Added is the text an edit added, computed once per edit by Diff and shared
// by every detector. It is read-only after Diff returns.
type Added struct {
	Lines []string // lines of the new text that the old text does not have, in order

	old, new string
	spans    []byteSpan       // where each of Lines sits in new, without its newline
	oldLines map[uint64]int32 // old lines between the common prefix and suffix, by hash, less those new kept
	oldLens  [8]uint64        // the lengths of those lines, modulo 512, as a bit set: a cheap test before hashing
	oldMid   byteSpan         // where those old lines are
}

// diffSeed hashes lines for one process; line identity never leaves it.
var diffSeed = maphash.MakeSeed()

// Diff returns the lines of new that old does not have, as a multiset: a line
// old has twice and new three times counts as added once. Lines new shares
// with old at the start and end are matched first by plain comparison; only
// the middle of old is hashed, so the cost is linear and small for a small
// change to a large page.
func Diff(old, new string) *Added {
	a := &Added{old: old, new: new}
	if old == new {
		return a
	}
	// Common leading lines, each ending in a newline in both texts.
	lo := strings.LastIndexByte(old[:diffCommonPrefix(old, new)], '\n') + 1
	// Common trailing lines, each preceded by a newline after lo.
	oEnd, nEnd := len(old), len(new)
	if q := diffCommonSuffix(old[lo:], new[lo:]); q > 0 {
		if k := strings.IndexByte(old[len(old)-q:], '\n'); k >= 0 {
			oEnd, nEnd = len(old)-q+k, len(new)-q+k
		}
	}
	// The middle, as a multiset of lines.
	if lo < oEnd {
		a.oldMid = byteSpan{Lo: lo, Hi: oEnd}
		a.oldLines = make(map[uint64]int32, strings.Count(old[lo:oEnd], "\n")+1)
		mid := old[:oEnd]
		for i := lo; i <= len(mid); {
			e := scanLineEnd(mid, i)
			a.oldLines[maphash.String(diffSeed, mid[i:e])]++
			a.oldLens[(e-i)/64%8] |= 1 << ((e - i) % 64)
			i = e + 1
		}
	}
	mid := new[:nEnd]
	for i := lo; i <= len(mid); {
		e := scanLineEnd(mid, i)
		line := mid[i:e]
		h := maphash.String(diffSeed, line)
		if n := a.oldLines[h]; n > 0 {
			a.oldLines[h] = n - 1
		} else if strings.TrimSpace(line) != "" {
			a.Lines = append(a.Lines, line)
			a.spans = append(a.spans, byteSpan{Lo: i, Hi: e})
		}
		i = e + 1
	}
	return a
}

// OldHasWord reports whether w occurs in the old text as a whole word,
// ignoring the case of its first letter when that letter is ASCII
// ("Fillyjonk" matches "fillyjonk"; "Ärger" does not match "ärger").
func (a *Added) OldHasWord(w string) bool {
	if w == "" {
		return false
	}
	s := a.old
	if len(w) == 1 {
		return diffHasWord(s, w)
	}
	tail := w[1:]
	first := w[0]
	for from := 1; from <= len(s); {
		k := strings.Index(s[from:], tail)
		if k < 0 {
			return false
		}
		at := from + k - 1 // where the first letter would be
		from += k + 1
		c := s[at]
		if c != first && !(first < 0x80 && c < 0x80 && c|0x20 == first|0x20 && scanIsAlnum(c) && c > '9') {
			continue
		}
		if at > 0 && scanIsWordBefore(s, at) {
			continue
		}
		if e := at + len(w); e < len(s) && scanIsWordAt(s, e) {
			continue
		}
		return true
	}
	return false
}

// diffHasWord reports whether w occurs in s as a whole word.
func diffHasWord(s, w string) bool {
	for from := 0; from < len(s); {
		k := strings.Index(s[from:], w)
		if k < 0 {
			return false
		}
		at := from + k
		from = at + 1
		if at > 0 && scanIsWordBefore(s, at) {
			continue
		}
		if e := at + len(w); e < len(s) && scanIsWordAt(s, e) {
			continue
		}
		return true
	}
	return false
}

// scanIsWordBefore reports whether a letter or digit ends just before s[i].
func scanIsWordBefore(s string, i int) bool {
	j := i - 1
	for j > 0 && j > i-4 && s[j]&0xC0 == 0x80 {
		j-- // back to the start of a multi-byte rune
	}
	return scanIsWordAt(s, j)
}

// oldHasLine reports whether line is one of the old lines that the new text
// does not keep: the line as it was before the edit changed it.
func (a *Added) oldHasLine(line string) bool {
	return a.oldHasLineHash(maphash.String(diffSeed, line))
}

// oldMayHaveLineLen reports whether the old text's middle may have a line
// of n bytes: false means no line of that length (oldLens).
func (a *Added) oldMayHaveLineLen(n int) bool {
	return a.oldLines != nil && a.oldLens[n/64%8]&(1<<(n%64)) != 0
}

// oldHasLineHash is oldHasLine for the line's hash under diffSeed.
func (a *Added) oldHasLineHash(h uint64) bool {
	return a.oldLines != nil && a.oldLines[h] > 0
}

// removedLines calls fn with each old line the new text no longer has.
func (a *Added) removedLines(fn func(line string)) {
	if a.oldLines == nil {
		return
	}
	mid := a.old[:a.oldMid.Hi]
	for i := a.oldMid.Lo; i <= len(mid); {
		e := scanLineEnd(mid, i)
		if line := mid[i:e]; a.oldLines[maphash.String(diffSeed, line)] > 0 {
			fn(line)
		}
		i = e + 1
	}
}

// diffCommonPrefix returns the length of the longest common prefix of a and b,
// comparing in chunks first.
func diffCommonPrefix(a, b string) int {
	n := min(len(a), len(b))
	i := 0
	const chunk = 256
	for i+chunk <= n && a[i:i+chunk] == b[i:i+chunk] {
		i += chunk
	}
	for i < n && a[i] == b[i] {
		i++
	}
	return i
}

// diffCommonSuffix returns the length of the longest common suffix of a and b.
func diffCommonSuffix(a, b string) int {
	n := min(len(a), len(b))
	i := 0
	const chunk = 256
	for i+chunk <= n && a[len(a)-i-chunk:len(a)-i] == b[len(b)-i-chunk:len(b)-i] {
		i += chunk
	}
	for i < n && a[len(a)-1-i] == b[len(b)-1-i] {
		i++
	}
	return i
}

// readLines returns in as the edit's format reads its lines, with the text
// it added: in itself when in.Added was made by Diff from the text as read.
// A carriage return that no line feed follows ends a line in Markdown, as
// CommonMark has it, so a Markdown edit with one is read from a copy with
// line feeds there (the same length: every offset holds). A wiki saves its
// text with line feeds only. Stack.Score reads an edit so once for every
// detector; a detector called on its own reads it here.
func readLines(in *Input) (*Input, *Added) {
	e, added := in.Edit, in.Added
	if e.Format == FormatMarkdown && (bareCR(e.New) || bareCR(e.Old)) {
		c := *e
		c.New, c.Old = crLines(c.New), crLines(c.Old)
		return &Input{Edit: &c, Env: in.Env}, Diff(c.Old, c.New)
	}
	if added == nil || added.spans == nil && len(added.Lines) > 0 {
		added = Diff(e.Old, e.New) // none, or an Added not made by Diff
	}
	return in, added
}

// bareCR reports whether s has a carriage return that no line feed
// follows: a line ending of its own.
func bareCR(s string) bool {
	for i := strings.IndexByte(s, '\r'); i >= 0; {
		if i+1 == len(s) || s[i+1] != '\n' {
			return true
		}
		k := strings.IndexByte(s[i+1:], '\r')
		if k < 0 {
			return false
		}
		i += 1 + k
	}
	return false
}

// crLines returns s with each carriage return that no line feed follows
// made a line feed.
func crLines(s string) string {
	if !bareCR(s) {
		return s
	}
	b := []byte(s)
	for i, c := range b {
		if c == '\r' && (i+1 == len(b) || b[i+1] != '\n') {
			b[i] = '\n'
		}
	}
	return string(b)
}
