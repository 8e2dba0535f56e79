package textview

import (
	"slices"
	"testing"
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
