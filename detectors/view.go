package detectors

import (
	"github.com/wikiwarden/wikiwarden/forumtext"
	"github.com/wikiwarden/wikiwarden/textview"
	"github.com/wikiwarden/wikiwarden/wikitext"
)

// The detectors score the format-neutral view of package textview; the
// readers of packages wikitext and forumtext make it from each site's
// markup. These shorthands keep the scoring code short.
const (
	wUpperFirst = textview.UpperFirst
	wUpperInner = textview.UpperInner
	wLower      = textview.Lower
	wDigit      = textview.Digit
	wDiacritic  = textview.Diacritic
	wNonLatin   = textview.NonLatin
	wCode       = textview.CodeLike
	wJoined     = textview.Joined
	cTable      = textview.Table
	cHeading    = textview.Heading
	cList       = textview.List
	cLink       = textview.Link
	cExtLink    = textview.ExtLink
	cCaption    = textview.Caption
	cPre        = textview.Pre
	cItalic     = textview.Italic
	cTemplate   = textview.Template
	cTmplName   = textview.TemplateName
	cParamName  = textview.ParamName
	cIdent      = textview.Ident
	cForeign    = textview.Foreign
	cRef        = textview.Ref
	cAttr       = textview.Attr
	cLinkTarget = textview.LinkTarget
	cFileName   = textview.FileName
	cComment    = textview.Comment
	cGallery    = textview.Gallery
	cCode       = textview.Code
	cStray      = textview.Stray
	cRefName    = textview.RefName
	cMath       = textview.Math
	cCodeLine   = textview.CodeLine
	cMarkup     = textview.Markup
)

type (
	wflag    = textview.Flags
	scanWord = textview.Word
	byteSpan = textview.Span
)

// readers holds one reader of each format, reused by one prober.
type readers struct {
	wiki  wikitext.Reader
	forum forumtext.Reader
}

// read returns the words of text in regions, read as format.
func (r *readers) read(format Format, text string, regions []byteSpan, out []scanWord) []scanWord {
	if format == FormatMarkdown {
		return r.forum.Read(text, regions, out)
	}
	return r.wiki.Read(text, regions, out)
}

func scanLineEnd(s string, i int) int   { return textview.LineEnd(s, i) }
func scanIsAlnum(c byte) bool           { return textview.IsAlnum(c) }
func scanIsWordAt(s string, i int) bool { return textview.IsWordAt(s, i) }
