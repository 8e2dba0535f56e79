package textview

import (
	"regexp"
	"slices"
	"strings"
)

// Contact points that are not URLs: the ways spam points readers somewhere
// without a link a wiki or forum would render. A botnet that learns links
// get reverted writes "name . com", "@handle" or a WhatsApp number instead;
// the link detector must count them as links all the same.

// ContactKind names a kind of contact point.
type ContactKind uint8

// Contact kinds, in the order Contacts finds them.
const (
	ContactEmail      ContactKind = iota + 1 // name@example.com
	ContactHandle                            // a Telegram-style @handle, or a messenger id after its label ("LINE ID: name")
	ContactObfuscated                        // name . com, name[dot]com, name (dot) com, name。com
	ContactBareDomain                        // ZONEPA.COM, example.org without a scheme or www.
	ContactPhone                             // +49 151 2345 6789, or a national number next to a messenger word
)

// Contact is one contact point in a text.
type Contact struct {
	Kind ContactKind
	Span Span // bytes of the text; a handle's span includes its "@"
	// Name is an obfuscated domain written plainly ("name.com"), lower
	// case; "" for the other kinds.
	Name string
	// National is set on a phone number without an international prefix,
	// found only because a messenger or phone word is near.
	National bool
	// Messenger is set on a national number when a messenger's name is
	// near (WhatsApp, Zalo, Viber, WA): where spam sends readers, where a
	// local page writes "Tel.".
	Messenger bool
}

// bareTLDs are the ASCII top-level domains of a bare domain (bareRe), and
// of an internationalised one after a non-ASCII label (bareIDN).
const bareTLDs = "com|net|org|info|biz|ru|de|fr|es|it|pl|nl|uk|co|io|me|xyz|top|online|site|club|shop|store|vip|pro|cc|tk|ml|ga|cf|gq|us|br|cn|jp|kr|vn|tr|id|ua|kz|by|eu|ch|at|be|se|no|dk|fi|cz|sk|hu|ro|bg|gr|pt|mx|ar|cl|live|fun|app|link|click|win|bet|casino|loan|money|today|tech|space|website|life|world|news|blog|asia|tv|ws|su|ly|gy|gl|gg|ai|ee|gd|to|in|ir|sa|ae|eg|th|my|ph|pk|ng|za|au|ca|nz|icu|buzz|cyou|sbs|cfd|quest|lol|monster|pw"

var (
	emailRe  = regexp.MustCompile(`(?i)\b[a-z0-9][a-z0-9._%+-]{0,63}@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,12}\b`)
	handleRe = regexp.MustCompile(`(?:^|[^\p{L}\p{N}_@./])@([A-Za-z][A-Za-z0-9_]{3,31})\b`)
	phoneRe  = regexp.MustCompile(`(?:\+|\b00)\d{1,3}[\s.\-()]{0,2}\d[\d\s.\-()]{6,16}\d\b`)
	obfRe    = regexp.MustCompile(`(?i)\b([a-z0-9][a-z0-9-]{1,40})\s*(?:\[\s*(?:\.|dot)\s*\]|\(\s*(?:\.|dot)\s*\)|\{\s*(?:\.|dot)\s*\}|\s\.\s|\s+dot\s+|\s+punkt\s+|\s+точка\s+|\s*[。．]\s*)\s*(com|net|org|info|biz|ru|xyz|top|online|site|club|shop|store|io|co|me|de|fr|vip|pro|cc|uk|us|in|br|es|it|pl|nl|tr|vn|cn|id|kr|jp|icu|buzz|cyou|sbs|cfd|pw)\b`)
	bareRe   = regexp.MustCompile(`(?i)(?:^|[^\p{L}\p{N}@./_-])((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:` + bareTLDs + `))(?:$|[^\p{L}\p{N}_-])`)
)

// messengerWords are the messenger names next to which a national number
// is a contact, lower case.
var messengerWords = []string{"whatsapp", "whats app", "wa.me", "zalo", "viber", "telegram", "wechat", "line id", "kakao",
	"ватсап", "вайбер", "телеграм", "微信", "카톡", "واتس", "zap", "ไลน์", "тг"}

// phoneWords are the messenger, phone and "contact us" words next to
// which a national number is a contact, lower case.
var phoneWords = append(slices.Clip(messengerWords), "call", "phone", "tel", "mobile", "cell", "sms", "hotline", "телефон", "тел", "звон",
	"电话", "手机", "電話", "전화", "هاتف", "تلفن", "fone", "celular", "teléfono", "llama",
	"appel", "anruf", "handy", "telefon", "sđt", "điện thoại", "nomor", "โทร", "फोन", "☎", "📞", "📱", "telefoon", "telepon", "tél",
	"contact", "contacto", "contato", "kontakt", "kontak", "hubungi", "liên hệ", "联系", "連絡", "문의", "اتصل")

// trunkWords name a messenger by a word too short or common to trust
// alone ("WA" is also Washington's postal code): a number next to one is
// a contact only when it starts with a national trunk prefix (0).
var trunkWords = []string{"wa", "hp", "no hp"}

// messengerRe finds a messenger id written after its label and a colon
// ("LINE ID: fukugyou777", "Skype: name.surname", "微信：abc123"): the
// way to reach a spammer without a link. Labels that also name things in
// technical writing (line, signal) count only in a form that does not.
var messengerRe = regexp.MustCompile(`(?i)(?:^|[^A-Za-z0-9_])(?:line\s*id|wechat(?:\s*id)?|weixin|kakao(?:talk)?(?:\s*id)?|skype(?:\s*id)?|discord|telegram|viber|zalo|whatsapp|qq|icq|微信号?|微信|카톡(?:\s*아이디)?|카카오톡|ライン\s*id|ラインid)\s*[:：]\s*@?([A-Za-z0-9][A-Za-z0-9_.\-]{3,31})`)

// messengerLabels are the labels of messengerRe, lower case, for a cheap
// look before a colon.
var messengerLabels = []string{"line id", "lineid", "wechat", "wechat id", "weixin", "kakao", "kakaotalk", "kakao id", "skype", "skype id",
	"discord", "telegram", "viber", "zalo", "whatsapp", "qq", "icq"}

// Contacts appends to out the contact points of text that are not URLs:
// e-mail addresses, @handles, obfuscated and bare domains, phone numbers.
// mask is a copy of text (same length) in which the caller has blanked the
// URLs and whatever else is not to be read; Contacts blanks each contact it
// finds in it, so that later kinds do not read an earlier one again ("@x"
// in an e-mail address is no handle), and the caller's words skip them.
func Contacts(text string, mask []byte, out []Contact) []Contact {
	if strings.IndexByte(text, '@') >= 0 {
		for _, m := range emailRe.FindAllStringIndex(string(mask), -1) {
			blank(mask, m[0], m[1])
			out = append(out, Contact{Kind: ContactEmail, Span: Span{m[0], m[1]}})
		}
		for _, m := range handleRe.FindAllStringSubmatchIndex(string(mask), -1) {
			out = append(out, Contact{Kind: ContactHandle, Span: Span{m[2] - 1, m[3]}})
			blank(mask, m[2]-1, m[3])
		}
	}
	masked := string(mask)
	lower := strings.ToLower(text)
	if mayObfuscate(lower) {
		for _, m := range obfRe.FindAllStringSubmatchIndex(masked, -1) {
			name := strings.ToLower(text[m[2]:m[3]] + "." + text[m[4]:m[5]])
			out = append(out, Contact{Kind: ContactObfuscated, Span: Span{m[0], m[1]}, Name: name})
			blank(mask, m[0], m[1])
		}
	}
	if hasDotTLD(masked) {
		masked = string(mask)
		for _, m := range bareRe.FindAllStringSubmatchIndex(masked, -1) {
			if strings.HasPrefix(strings.ToLower(text[m[2]:m[3]]), "www.") {
				continue
			}
			out = append(out, Contact{Kind: ContactBareDomain, Span: Span{m[2], m[3]}})
			blank(mask, m[2], m[3])
		}
	}
	if !isASCII(masked) && (mayIDN(masked) || hasDotTLD(masked)) {
		out = bareIDNs(mask, out)
		masked = string(mask)
	}
	if mayMessenger(masked) {
		for _, m := range messengerRe.FindAllStringSubmatchIndex(string(mask), -1) {
			id := strings.TrimRight(text[m[2]:m[3]], ".-")
			out = append(out, Contact{Kind: ContactHandle, Span: Span{m[2], m[2] + len(id)}})
			blank(mask, m[2], m[2]+len(id))
		}
		masked = string(mask)
	}
	phones := 0
	if mayPhone(masked) {
		for _, m := range phoneRe.FindAllStringIndex(string(mask), -1) {
			out = append(out, Contact{Kind: ContactPhone, Span: trimSpan(text, m[0], m[1])})
			blank(mask, m[0], m[1])
			phones++
		}
	}
	if phones == 0 && !strings.Contains(lower, "isbn") {
		// A national number ("0912 345 678", "8 (900) 123-45-67") counts
		// only next to a messenger or phone word: alone it may be an
		// ISBN, a date or a quantity.
		if a, b := nationalPhone(string(mask)); b > a && nationalContact(lower, text[a:b]) {
			out = append(out, Contact{Kind: ContactPhone, Span: trimSpan(text, a, b), National: true,
				Messenger: containsWord(lower, messengerWords) || containsWord(lower, trunkWords)})
			blank(mask, a, b)
		}
	}
	return out
}

// MayHaveContacts reports cheaply whether text may hold a contact point
// that is not a URL: a bare or obfuscated domain, an @handle or e-mail
// address, an international phone number, or a national one next to a
// messenger word. False means Contacts would find none.
func MayHaveContacts(text string) bool {
	if strings.IndexByte(text, '@') >= 0 || hasDotTLD(text) || mayIDN(text) {
		return true
	}
	if countDigits(text) >= 9 {
		if a, b := nationalPhone(text); b > a && nationalContact(strings.ToLower(text), text[a:b]) {
			return true
		}
	}
	if mayMessenger(text) || strings.Contains(text, "。") || strings.Contains(text, "．") {
		return true
	}
	for i := 0; i+1 < len(text); i++ {
		switch text[i] {
		case '+':
			if text[i+1] >= '0' && text[i+1] <= '9' {
				return true
			}
		case '[', '(', '{':
			if text[i+1] == '.' || text[i+1] == 'd' || text[i+1] == 'D' {
				return true
			}
		case ' ':
			if text[i+1] == '.' || text[i+1] == 'd' && strings.HasPrefix(text[i:], " dot ") {
				return true
			}
		}
	}
	return false
}

func trimSpan(text string, a, b int) Span {
	for a < b && isSpace(text[a]) {
		a++
	}
	for b > a && isSpace(text[b-1]) {
		b--
	}
	return Span{a, b}
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

func blank(b []byte, from, to int) {
	for i := from; i < to && i < len(b); i++ {
		b[i] = ' '
	}
}

// hasDotTLD reports cheaply whether text may hold a bare domain: a letter
// or digit, a dot, and two letters.
func hasDotTLD(s string) bool {
	for i := 1; i+2 < len(s); i++ {
		if s[i] == '.' && IsAlnum(s[i-1]) && isLetter(s[i+1]) && isLetter(s[i+2]) {
			return true
		}
	}
	return false
}

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }

// mayObfuscate reports cheaply whether lower (lower-case text) may hold an
// obfuscated domain.
func mayObfuscate(lower string) bool {
	return strings.Contains(lower, " . ") || strings.Contains(lower, "dot") || strings.Contains(lower, "[.]") ||
		strings.Contains(lower, "(.)") || strings.Contains(lower, "{.}") || strings.Contains(lower, " punkt ") ||
		strings.Contains(lower, " точка ") || strings.Contains(lower, "。") || strings.Contains(lower, "．")
}

// nationalContact reports whether a national number is a contact in a
// text (lower case): a messenger or phone word is near, or a trunk word
// and the number starts with a trunk prefix.
func nationalContact(lower, number string) bool {
	return containsWord(lower, phoneWords) || containsStem(lower, phoneStems) ||
		number != "" && number[0] == '0' && containsWord(lower, trunkWords)
}

// phoneStems are phone words that languages inflect (telefone, telefonu,
// telefoni, telephone): they count at the start of a word, whatever ends it.
var phoneStems = []string{"telefon", "telephon", "teléfon", "telèfon"}

// containsStem reports whether lower holds one of stems at the start of a
// word.
func containsStem(lower string, stems []string) bool {
	for _, w := range stems {
		if hasWordAt(lower, w, false) {
			return true
		}
	}
	return false
}

// mayMessenger reports cheaply whether s may hold a messenger id after its
// label: a colon (ASCII or full-width) right after a label, or a CJK
// label anywhere.
func mayMessenger(s string) bool {
	for off := 0; ; {
		k := strings.IndexByte(s[off:], ':')
		if k < 0 {
			break
		}
		k += off
		end := k
		for end > 0 && s[end-1] == ' ' {
			end--
		}
		for _, l := range messengerLabels {
			if end >= len(l) && strings.EqualFold(s[end-len(l):end], l) {
				return true
			}
		}
		off = k + 1
	}
	return strings.Contains(s, "：") || strings.Contains(s, "微信") || strings.Contains(s, "카톡") ||
		strings.Contains(s, "카카오톡") || strings.Contains(s, "ライン")
}

// mayPhone reports cheaply whether s may hold an international phone
// number: a plus or "00" before a digit.
func mayPhone(s string) bool {
	for i := 0; i+2 < len(s); i++ {
		if s[i] == '+' && isDigit(s[i+1]) || s[i] == '0' && s[i+1] == '0' && (i == 0 || s[i-1] == ' ') {
			return true
		}
	}
	return false
}

func countDigits(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			n++
		}
	}
	return n
}

// containsWord reports whether lower holds one of words: an ASCII word
// as a whole word, any other as a substring.
func containsWord(lower string, words []string) bool {
	for _, w := range words {
		if !isASCII(w) {
			if strings.Contains(lower, w) {
				return true
			}
			continue
		}
		if hasWordAt(lower, w, true) {
			return true
		}
	}
	return false
}

// hasWordAt reports whether lower holds w at the start of a word, and
// with whole also at its end.
func hasWordAt(lower, w string, whole bool) bool {
	for off := 0; ; {
		k := strings.Index(lower[off:], w)
		if k < 0 {
			return false
		}
		k += off
		end := k + len(w)
		if (k == 0 || !IsAlnum(lower[k-1])) && (!whole || end == len(lower) || !IsAlnum(lower[end])) {
			return true
		}
		off = k + 1
	}
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// nationalPhone returns the span of the first run of 9 to 14 digits that
// may hold single spaces, dots, hyphens and brackets between them, or 0, 0.
func nationalPhone(s string) (int, int) {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) || i > 0 && (IsAlnum(s[i-1]) || s[i-1] == '.' || s[i-1] == ',') {
			continue
		}
		digits, j, last := 0, i, i
		for j < len(s) {
			switch c := s[j]; {
			case isDigit(c):
				digits++
				last = j + 1
			case c == ' ' || c == '-' || c == '.' || c == '(' || c == ')':
				if j+1 < len(s) && (s[j+1] == c && c != ')' && c != '(') {
					j = len(s)
					continue
				}
			default:
				j = len(s)
				continue
			}
			j++
		}
		if digits >= 9 && digits <= 14 && (last == len(s) || !isLetter(s[last])) {
			return i, last
		}
		i = last
	}
	return 0, 0
}
