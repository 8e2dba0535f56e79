package textview

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/publicsuffix"
)

// TestContacts checks the contact points found in a text whose URLs the
// caller has blanked: their kinds and spans, and the text blanked behind
// them.
func TestContacts(t *testing.T) {
	type want struct {
		kind     ContactKind
		text     string
		name     string
		national bool
	}
	// messenger lists the texts of national numbers a messenger's name is near.
	messenger := map[string]bool{"0912 345 678": true, "0812-3456-7890": true}
	tests := []struct {
		name string
		text string
		want []want
	}{
		{"upper-case bare domain", "Thanks to ZONEPA.COM they recovered my funds", []want{{ContactBareDomain, "ZONEPA.COM", "", false}}},
		{"www. is a URL, not a bare domain", "see www.example.org", nil},
		{"bare shortener link under a country's TLD", "free spins today rb.gy/x8kq2z", []want{{ContactBareDomain, "rb.gy", "", false}}},
		{"spaced dot", "write to fastloans . com today", []want{{ContactObfuscated, "fastloans . com", "fastloans.com", false}}},
		{"bracketed dot word", "visit cheapbets[dot]net now", []want{{ContactObfuscated, "cheapbets[dot]net", "cheapbets.net", false}}},
		{"handle, and an e-mail address is no handle", "Пишите @fast_money_job или a.b@gmail.com",
			[]want{{ContactEmail, "a.b@gmail.com", "", false}, {ContactHandle, "@fast_money_job", "", false}}},
		{"international number", "WhatsApp +49 151 2345 6789 now", []want{{ContactPhone, "+49 151 2345 6789", "", false}}},
		{"national number next to a messenger word", "liên hệ zalo 0912 345 678", []want{{ContactPhone, "0912 345 678", "", true}}},
		{"national number next to a contact word", "Pinjaman cepat, hubungi 0813-2222-1111", []want{{ContactPhone, "0813-2222-1111", "", true}}},
		{"national number after a trunk word", "pinjaman cepat cair, WA 0812-3456-7890", []want{{ContactPhone, "0812-3456-7890", "", true}}},
		{"a postal code after WA is no phone", "1301 Second Ave, Seattle, WA 98101-1234", nil},
		{"LINE id", "副業で月収50万円、詳しくはLINE ID: fukugyou777 まで", []want{{ContactHandle, "fukugyou777", "", false}}},
		{"Skype id", "Write me on Skype: john.smith88.", []want{{ContactHandle, "john.smith88", "", false}}},
		{"WeChat id, full-width colon", "加微信：abc12345 了解详情", []want{{ContactHandle, "abc12345", "", false}}},
		{"line of a stack trace is no messenger", "Traceback: line: 1234 in main.py", nil},
		{"full-width dot", "澳门娱乐城官网 vns8866。com 注册送88元", []want{{ContactObfuscated, "vns8866。com", "vns8866.com", false}}},
		{"a sentence ending before a word is no domain", "我们去了公园。com是一个后缀", nil},
		{"national number alone is a quantity", "The census counted 0912 345 678 people", nil},
		{"an ISBN is no phone", "Online edition, ISBN 978-0-12-345678-9, call number QA76", nil},
		{"a throwaway TLD is a bare domain too", "Лучшие ставки тут: kazino-bonus.icu и 1xstavka.cyou", []want{{ContactBareDomain, "kazino-bonus.icu", "", false}, {ContactBareDomain, "1xstavka.cyou", "", false}}},
		{"a throwaway TLD written obfuscated", "заходи на kazino-bonus . icu", []want{{ContactObfuscated, "kazino-bonus . icu", "kazino-bonus.icu", false}}},
		{"Cyrillic name under рф", "Лучшие займы без отказа на займы-онлайн.рф, заходите", []want{{ContactBareDomain, "займы-онлайн.рф", "", false}}},
		{"Chinese name under 中国", "最新优惠请访问 优惠券.中国 立即领取", []want{{ContactBareDomain, "优惠券.中国", "", false}}},
		{"Chinese name under 台灣, the URL path after it", "詳情見 購物網.台灣/特價", []want{{ContactBareDomain, "購物網.台灣", "", false}}},
		{"Arabic name under السعودية", "للمزيد زوروا موقعنا متجر.السعودية الآن", []want{{ContactBareDomain, "متجر.السعودية", "", false}}},
		{"Latin name with diacritics under an ASCII TLD", "Günstige Bücher gibt es bei bücher-günstig.de, jetzt bestellen", []want{{ContactBareDomain, "bücher-günstig.de", "", false}}},
		{"Cyrillic name under an ASCII TLD, sentence dot left out", "Подробности на сайте кредит-быстро.com.", []want{{ContactBareDomain, "кредит-быстро.com", "", false}}},
		{"ASCII name glued to Chinese prose", "注册送88元请访问vns8866.com立即体验", []want{{ContactBareDomain, "vns8866.com", "", false}}},
		{"Cyrillic sentence glued to the next one is no domain", "Всё работает.Потом напишу подробнее", nil},
		{"Cyrillic abbreviations are no domains", "Живу в г.Москва, т.е. в столице РФ и т.д.", nil},
		{"a sentence glued to a Latin word is no domain", "Отлично работает.It is fine", nil},
		{"Chinese sentences glued by a dot are no domain", "我们去了公园.中国很大,风景很美", nil},
		{"a Russian word glued to a Latin one is no label", "Смотри видеоyoutube.com", []want{}},
		{"an abbreviation of one letter before рф", "законы в.рф", nil},
		{"a file name in Chinese prose keeps its dot", "请打开config.py和Node.js文件", nil},
		{"Greek prose glued by a dot is no domain", "Ήταν καλό.Μετά φύγαμε", nil},
		{"code and file names keep their dots", "config.host = self.group; run main.rs and build.sh; see README.md", nil},
		{"file names are not domains", "[[File:Example.jpg|thumb]] and index.php and Node.js", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			mask := []byte(tc.text)
			var got []want
			for _, c := range Contacts(tc.text, mask, nil) {
				got = append(got, want{c.Kind, tc.text[c.Span.Lo:c.Span.Hi], c.Name, c.National})
				if c.Messenger != messenger[tc.text[c.Span.Lo:c.Span.Hi]] {
					t.Errorf("%q: Messenger = %v", tc.text[c.Span.Lo:c.Span.Hi], c.Messenger)
				}
				for i := c.Span.Lo; i < c.Span.Hi; i++ {
					if mask[i] != ' ' {
						t.Errorf("%q not blanked at %d", tc.text[c.Span.Lo:c.Span.Hi], i)
						break
					}
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("contacts\n got %+v\nwant %+v", got, tc.want)
			}
			if len(tc.want) > 0 && !MayHaveContacts(tc.text) {
				t.Errorf("MayHaveContacts = false")
			}
		})
	}
}

// TestContactsSkipsMasked checks that a URL the caller blanked is not read
// again as a bare domain.
func TestContactsSkipsMasked(t *testing.T) {
	text := "see http://example.com/x and shop.xyz"
	mask := []byte(text)
	for i := 4; i < 22; i++ {
		mask[i] = ' '
	}
	got := Contacts(text, mask, nil)
	if len(got) != 1 || text[got[0].Span.Lo:got[0].Span.Hi] != "shop.xyz" {
		t.Errorf("contacts %+v, want shop.xyz only", got)
	}
}

// TestIDNTLDs checks that every internationalised TLD a bare name may end
// in is a top-level domain of the public suffix list's ICANN section.
func TestIDNTLDs(t *testing.T) {
	if len(idnTLDs) != len(idnTLDUnicode) {
		t.Errorf("%d TLDs in ASCII for %d written", len(idnTLDs), len(idnTLDUnicode))
	}
	for tld := range idnTLDs {
		if !strings.HasPrefix(tld, "xn--") {
			t.Errorf("%s: not punycode", tld)
		}
		if s, icann := publicsuffix.PublicSuffix("example." + tld); s != tld || !icann {
			t.Errorf("%s: public suffix %q, ICANN %v", tld, s, icann)
		}
	}
}
