package testforum

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

func utf8DecodeRune(s string) (rune, int) { return utf8.DecodeRuneInString(s) }

// escapeNonASCII writes non-ASCII runes of a JSON text as \u escapes (with
// surrogate pairs), so a frame's length is its byte count.
func escapeNonASCII(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r < 0x80:
			b.WriteRune(r)
		case r < 0x10000:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			r -= 0x10000
			fmt.Fprintf(&b, `\u%04x\u%04x`, 0xd800+(r>>10), 0xdc00+(r&0x3ff))
		}
	}
	return b.String()
}
