package wikitext

import "strings"

// Where identifiers sit. An identifier (ISBN, DOI, a catalogue number, a
// file name, a colour) looks as random as a probe token; what tells them
// apart is mostly where they are: after isbn= or doi=, in {{coord}}, in a
// file name. These tables name such places by the words wikis use for them,
// in the languages of the wikis wikiwarden patrols.

// scanIdentParam reports whether a template parameter named name holds
// identifiers, codes, file names, URLs or numbers rather than text.
func scanIdentParam(name string) bool {
	n := scanParamKey(name)
	if n == "" {
		return false
	}
	if scanIdentParams[n] {
		return true
	}
	for _, suf := range scanIdentSuffixes {
		if strings.HasSuffix(n, suf) && len(n) > len(suf) {
			return true
		}
	}
	for _, pre := range scanIdentPrefixes {
		if strings.HasPrefix(n, pre) {
			return true
		}
	}
	return false
}

// scanTextParam reports whether a parameter holds text even in a template
// of identifiers ({{cite doi|title=...}}).
func scanTextParam(name string) bool {
	switch scanParamKey(name) {
	case "title", "chapter", "caption", "text", "quote", "name", "label", "work", "publisher", "author", "last", "first":
		return true
	}
	return false
}

// scanParamKey lower-cases a parameter name and drops digits, spaces,
// hyphens and underscores: "ISBN13" "isbn", "archive-url" "archiveurl",
// "image_skyline" "imageskyline".
func scanParamKey(name string) string {
	b := make([]byte, 0, len(name))
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c >= 'A' && c <= 'Z':
			b = append(b, c|0x20)
		case c >= 'a' && c <= 'z' || c >= 0x80:
			b = append(b, c)
		}
	}
	return string(b)
}

var scanIdentParams = map[string]bool{
	"isbn": true, "issn": true, "eissn": true, "doi": true, "pmid": true, "pmc": true, "oclc": true, "bibcode": true,
	"id": true, "jstor": true, "arxiv": true, "lccn": true, "asin": true, "asintld": true, "scid": true, "hdl": true,
	"zbl": true, "mr": true, "osti": true, "rfc": true, "ssrn": true, "ol": true, "sbn": true, "isni": true, "orcid": true,
	"viaf": true, "gnd": true, "qid": true, "wikidata": true, "imdb": true, "citeseerx": true, "biorxiv": true,
	"medrxiv": true, "ismn": true, "jfm": true, "coordinates": true, "coord": true, "coords": true,
	"lat": true, "long": true, "latd": true, "longd": true, "latm": true, "longm": true, "lats": true, "longs": true,
	"latns": true, "longew": true, "latitude": true, "longitude": true, "postalcode": true, "postcode": true,
	"zipcode": true, "zip": true, "code": true, "iata": true, "icao": true, "faa": true, "callsign": true,
	"registration": true, "hash": true, "key": true, "kfz": true, "plz": true, "gemeindeschlüssel": true, "nuts": true,
	"lau": true, "insee": true, "cp": true, "codepostal": true, "codecommune": true, "kodpocztowy": true, "teryt": true,
	"nrhp": true, "refnum": true, "gridref": true, "osgridref": true,
}

// scanIdentSuffixes end parameter names of identifiers ("imdb_id",
// "station_code").
var scanIdentSuffixes = [...]string{"id", "code", "isbn", "issn", "doi", "number", "num", "coord", "coordinates"}

var scanIdentPrefixes = [...]string{"coord", "latd", "longd"}

// scanFileParam reports whether a template parameter holds a file name:
// "image", "image_skyline", "logo", "map", "Bild", "imagen".
func scanFileParam(name string) bool {
	n := scanParamKey(name)
	if n == "" {
		return false
	}
	switch n {
	case "image", "img", "photo", "picture", "logo", "map", "file", "icon", "flag", "seal", "signature", "coat",
		"bild", "datei", "karte", "wappen", "imagen", "mapa", "escudo", "bandera", "obraz", "herb", "flaga", "mapka",
		"delwedd", "fichier", "carte", "blason", "drapeau":
		return true
	}
	for _, pre := range [...]string{"image", "img", "logo", "map", "file", "flag", "coat", "seal", "pushpin", "bild", "datei", "karte", "imagen", "obraz"} {
		if strings.HasPrefix(n, pre) && !strings.HasSuffix(n, "caption") && !strings.HasSuffix(n, "alt") && !strings.HasSuffix(n, "text") {
			return true
		}
	}
	for _, suf := range [...]string{"image", "file", "map", "logo", "icon"} {
		if strings.HasSuffix(n, suf) && len(n) > len(suf) {
			return true
		}
	}
	return false
}

// scanIdentTemplate reports whether the positional parameters of the
// template named name hold identifiers: {{ISBN|...}}, {{doi|...}},
// {{coord|...}}, {{convert|...}}, {{IMDb name|...}}.
func scanIdentTemplate(name string) bool {
	n := scanParamKey(name)
	if scanIdentTemplates[n] {
		return true
	}
	for _, pre := range [...]string{"coord", "imdb", "isbn", "convert", "cvt", "flag", "url", "official", "doi", "oclc", "pmid", "wikidata", "color", "colour", "nts", "dts", "birthdate", "deathdate", "startdate", "enddate", "age", "height", "weight", "gaps", "val", "formatnum", "padleft", "hex", "ipac", "authority", "normdaten", "webarchive", "cbignore"} {
		if strings.HasPrefix(n, pre) {
			return true
		}
	}
	return false
}

var scanIdentTemplates = map[string]bool{
	"issn": true, "jstor": true, "arxiv": true, "bibcode": true, "hdl": true, "lccn": true, "asin": true,
	"zbl": true, "mr": true, "osti": true, "rfc": true, "ssrn": true, "ol": true, "orcid": true, "viaf": true,
	"gnd": true, "pmc": true, "ean": true, "upc": true, "ismn": true, "isni": true, "youtube": true, "twitter": true,
	"instagram": true, "facebook": true, "github": true, "gitlab": true, "mathworld": true, "nobr": true,
	"unbulleted list": false, "bgcolor": true, "background color": true, "hexcolor": true, "rgb": true,
	"pagename": true, "fullpagename": true, "currentyear": true, "lc": true, "uc": true, "lcfirst": true,
	"ucfirst": true, "ns": true, "localurl": true, "fullurl": true, "filepath": true, "urlencode": true,
	"anchorencode": true, "int": true, "msg": true, "invoke": true, "expr": true, "ifexpr": true, "switch": true,
	"time": true, "tag": true, "r": true, "rp": true, "efn": false, "refn": false, "property": true, "statements": true, "ifeq": true,
	// Code and its parts: {{code|...}}, {{mono|...}}, {{kbd|...}}, {{tl|...}}.
	"code": true, "mono": true, "kbd": true, "key press": true, "tt": true, "samp": true, "var": true, "mvar": true,
	"param": true, "para": true, "tl": true, "tlx": true, "tlc": true, "tlp": true, "syntaxhighlight": true, "sxhl": true,
	"pre": true, "pval": true, "file path": true, "math": true, "google books": true,
}

// scanCodeTemplate reports whether the template sets its text as code
// ({{code|...}}, {{mono|...}}, {{kbd|...}}, {{syntaxhighlight|...}}), whose
// values are judged line by line as <code> is.
func scanCodeTemplate(name string) bool {
	switch scanParamKey(name) {
	case "code", "mono", "kbd", "tt", "samp", "syntaxhighlight", "sxhl", "pre", "codett", "inline code":
		return true
	}
	return false
}

// scanForeignTemplate reports whether the template marks text in another
// language or script: {{lang|de|...}}, {{lang-fr|...}}, {{IPA|...}},
// {{nihongo|...}}, {{transl|...}}.
func scanForeignTemplate(name string) bool {
	n := scanParamKey(name)
	for _, pre := range [...]string{"lang", "ipa", "transl", "translit", "nihongo", "zh", "ko", "ja", "audio", "respell", "pronunciation", "native", "script", "hebrew", "arabic", "greek", "polytonic", "cyrl", "langx", "okina"} {
		if strings.HasPrefix(n, pre) {
			return true
		}
	}
	return false
}

// scanIdentAttr reports whether an HTML or table attribute holds an
// identifier or a number rather than text.
func scanIdentAttr(key string) bool {
	switch strings.ToLower(key) {
	case "id", "href", "src", "colspan", "rowspan", "width", "height", "cellpadding",
		"cellspacing", "border", "lang", "xml:lang", "start", "value",
		"bgcolor", "color", "size", "widths", "heights", "perrow", "datetime",
		"data-sort-value", "data-sort-type", "headers", "span", "responsive", "extends", "details", "uri":
		return true
	}
	return false
}

// scanNameAttr reports whether an attribute's value names something
// (<ref name=...>): words of several, judged as identifiers.
func scanNameAttr(key string) bool {
	switch strings.ToLower(key) {
	case "name", "group", "follow":
		return true
	}
	return false
}

// scanKnownAttr reports whether key is an attribute name tags and tables
// use; anything else between a tag's name and '>' was slipped in.
func scanKnownAttr(key string) bool {
	k := strings.ToLower(key)
	if strings.HasPrefix(k, "data-") || strings.HasPrefix(k, "aria-") {
		return true
	}
	switch k {
	case "name", "group", "follow", "id", "class", "style", "title", "lang", "dir", "colspan", "rowspan", "align",
		"valign", "width", "height", "scope", "bgcolor", "border", "cellpadding", "cellspacing", "mode", "widths",
		"heights", "perrow", "caption", "responsive", "type", "start", "value", "href", "src", "alt", "datetime",
		"abbr", "headers", "span", "color", "size", "face", "extends", "details", "uri", "reversed", "open", "hidden",
		"nowrap", "role", "tabindex", "summary", "frame", "rules", "cite", "xml:lang", "clear", "line", "inline",
		"highlight", "compact", "text", "showfilename", "lines", "zoom", "latitude", "longitude", "marker", "selected",
		"background", "char", "charoff", "axis", "itemprop", "itemscope", "itemtype", "content", "property",
		"rel", "rev", "target", "dropdown", "layout", "depth", "mw", "seq", "plain", "responsive-1", "format":
		return true
	}
	return false
}
