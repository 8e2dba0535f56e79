package textview

import "strings"

// The readers mark the lines of a text that read as code with CodeLine:
// forumtext every line of a post (Markdown has no markup for a pasted log
// or a command), wikitext the lines of <pre>, <code>, <syntaxhighlight>
// and {{code}}, where prose is set as code too. One test for both, so a
// line is code or prose alike on a wiki and on a forum.

// IsCodeLine reports whether a line (trimmed of its indent) reads as code,
// a command, a path or a log rather than prose: a prompt, a stack frame, a
// directory listing, a time stamp, or the punctuation of code ("();",
// "->", "::", "==", key=value pairs, braces) dense among its characters.
// URLs and HTML tags do not count: prose cites and marks them up.
func IsCodeLine(line string) bool {
	for _, p := range [...]string{"$ ", "> $ ", ">>> ", "C:\\", "at ", "File \"", "Traceback", "#include", "import ", "def ", "sudo ", "./", "~/", "//", "/*"} {
		if strings.HasPrefix(line, p) {
			if p != "at " || strings.Contains(line, "(") && strings.Contains(line, ".") {
				return true
			}
		}
	}
	if len(line) >= 10 && (line[0] == 'd' || line[0] == '-' || line[0] == 'l') && permissions(line[1:10]) {
		return true // ls -l
	}
	var punct, letters, eq int
	for i := 0; i < len(line); i++ {
		if line[i] == 'h' && (strings.HasPrefix(line[i:], "http://") || strings.HasPrefix(line[i:], "https://")) {
			for i < len(line) && line[i] != ' ' && line[i] != ')' && line[i] != '>' {
				i++
			}
			continue
		}
		if line[i] == '<' {
			if k := strings.IndexByte(line[i:], '>'); k > 0 {
				i += k // an HTML tag: markup, not code
				continue
			}
		}
		if line[i] == '&' {
			if j := entityEnd(line, i); j > i {
				i = j - 1
				continue
			}
		}
		switch c := line[i]; {
		case c == '=':
			eq++
			punct++
		case strings.IndexByte("{};\\$@%^~/<>", c) >= 0:
			punct++
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			letters++
		}
		if logTime(line, i) {
			return true // a time stamp: a log line
		}
	}
	if !proseLine(line) {
		ops := line
		if strings.IndexByte(line, '`') >= 0 {
			// Code spans in a sentence ("pin `datasets==2.14.0` first")
			// are code the sentence mentions, and the readers mark them
			// so; their operators do not make the sentence code.
			if out := outsideCodeSpans(line); out != line {
				if _, plain := plainWords(out); plain >= 2 {
					ops = out
					eq = strings.Count(out, "=")
				}
			}
		}
		for _, op := range [...]string{"();", "->", "::", "==", "!=", "&&", "||", "){", "};", "=>", "+="} {
			if strings.Contains(ops, op) {
				return true
			}
		}
		if eq >= 2 {
			return true
		}
	}
	return letters > 0 && punct*5 >= letters
}

// logTime reports whether a log line's time stamp is at line[i], its first
// colon: "d:dd" with seconds after ("12:04:33"), or near the line's start
// (logTimeLead bytes), where a log puts it. A time in a sentence, as a wiki
// signature's "20:19, 12 April 2016 (UTC)" closing a comment, is prose.
func logTime(line string, i int) bool {
	digit := func(k int) bool { return k >= 0 && k < len(line) && line[k] >= '0' && line[k] <= '9' }
	if line[i] != ':' || i < 2 || !digit(i-1) || !digit(i+1) || !digit(i+2) {
		return false
	}
	return i < logTimeLead || i+5 < len(line) && line[i+3] == ':' && digit(i+4) && digit(i+5)
}

// logTimeLead is how near a line's start a time without seconds must stand to
// make the line a log's.
const logTimeLead = 32

// proseLine reports whether a line is mostly a sentence's words: at least
// proseLineWords words apart, three in four of them plain words (letters
// only, with a sentence's punctuation after). Such a line, as an issue
// tracker's one-line paragraph is, mentions code ("x == y fails", "use
// foo->bar();") without being code, so an operator in it no longer makes
// the whole line code; code's punctuation dense among its letters still does.
func proseLine(line string) bool {
	words, plain := plainWords(line)
	return words >= proseLineWords && plain*4 >= words*3
}

// outsideCodeSpans returns line with each Markdown code span (a run of
// backticks to the next run of as many) replaced by a space; an unclosed
// run is kept as it is.
func outsideCodeSpans(line string) string {
	var b strings.Builder
	for i := 0; i < len(line); {
		if line[i] != '`' {
			b.WriteByte(line[i])
			i++
			continue
		}
		j := i
		for j < len(line) && line[j] == '`' {
			j++
		}
		fence := line[i:j]
		k := strings.Index(line[j:], fence)
		if k < 0 {
			b.WriteString(line[i:])
			break
		}
		b.WriteByte(' ')
		i = j + k + len(fence)
	}
	return b.String()
}

// plainWords counts the words of s and those of them made of two or more
// letters and nothing else but a sentence's punctuation around them.
func plainWords(s string) (words, plain int) {
	for _, f := range strings.Fields(s) {
		words++
		f = strings.TrimRight(f, ".,;:!?)\"'")
		f = strings.TrimLeft(f, "(\"'")
		if len(f) < 2 {
			continue
		}
		letters := true
		for i := 0; i < len(f); i++ {
			if c := f[i]; !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80) {
				letters = false
				break
			}
		}
		if letters {
			plain++
		}
	}
	return words, plain
}

// proseLineWords is how many words a line needs before it can read as a
// sentence rather than code: shorter lines are judged by their punctuation.
const proseLineWords = 20

// permissions reports whether s is a Unix permission string ("rwxr-xr-x").
func permissions(s string) bool {
	for i := 0; i < 9; i++ {
		if s[i] != '-' && s[i] != "rwx"[i%3] && !(i%3 == 2 && strings.IndexByte("sStT", s[i]) >= 0) {
			return false
		}
	}
	return true
}

// entityEnd returns the end of an HTML entity at s[i] ("&amp;", "&#160;"),
// or i.
func entityEnd(s string, i int) int {
	j := i + 1
	if j < len(s) && s[j] == '#' {
		j++
	}
	k := j
	for k < len(s) && k-j < 10 && IsAlnum(s[k]) {
		k++
	}
	if k > j && k < len(s) && s[k] == ';' {
		return k + 1
	}
	return i
}
