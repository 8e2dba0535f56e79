package main

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// credits is whether the augmentation adds good-faith posts that credit
// organisations and people by @handle, as announcements, news and event
// posts on social sites do in every language: "now live on @org", "(via
// @org)", "speakers: @a, @b and @c", "@a x @b: ...". The spam containers
// place their accounts the same way ("пиши в @x", "Telegram: @x"), and no
// good-faith container did, so a post that credited three accounts read as
// three promotions (spamscore.CreditedHandles and spamscore.NamedOnce are
// the features' side). perCredit posts a language, from a random stream of
// their own, so that the rest of the augmentation is unchanged.
//
// Off in the shipped model. Session 20, `spamtrain -eval -credits
// -credited -namedonce -channelparts`, seed 13 / 14, the bot's no-memory
// reverts ("What a probed range's follow-up needs"): X posts' good faith
// with a contact 26.8 -> 14.9 / 26.2 -> 14.6%, Instagram comments' 15.7 ->
// 13.8 / 15.1 -> 14.5%; comment spam with words (fold D) 63.4 -> 66.3 /
// 63.0 -> 65.8%, its link-only spam 65.7 -> 82.9 / 80.0 -> 80.0%; X spam
// with words 67.1 -> 68.3 / 73.3 -> 67.8% (at seed 14, 9 of the tuning
// half's new misses are one campaign of "@bot deploy token" replies with
// no URL or domain); e-mail spam (fold B) 75.0 -> 77.6 / 77.5 -> 76.8%,
// its link-only 10 -> 10 / 11 -> 9 of 17. But the operating shift rose to
// +0.6 at seed 13, and fold A's held-out model then reverted a real
// regular edit (an external-link line, 0 -> 1.75%), Leipzig prose in
// fold B rose 0.16 -> 0.31% (seed 14: 0.16 -> 0.28% at +0.4); bounding
// the shift by the regular edits (operatingShift) kept it at +0.3, where
// the bot's synthetic follow-up lines fell below their floors (page
// probed 89.17 -> 88.67%, TestDecideLinksRates).
var credits = false

const perCredit = 40

// creditWords are, per language, the words that place a credited handle
// (those of spamscore's handleVia the language writes, and "via") and the
// lead-ins of a list of credited accounts ("Speakers", "Thanks to").
var creditWords = map[string]struct{ via, lead []string }{
	"en": {[]string{"on", "via", "on", "x"}, []string{"Speakers", "Thanks to", "Hosted by", "With", "Photos", "Partners", "Featuring"}},
	"de": {[]string{"auf", "via"}, []string{"Mit dabei", "Danke an", "Gäste", "Fotos", "Partner"}},
	"fr": {[]string{"sur", "via"}, []string{"Intervenants", "Merci à", "Avec", "Photos", "Partenaires"}},
	"es": {[]string{"en", "via"}, []string{"Ponentes", "Gracias a", "Con", "Fotos", "Socios"}},
	"pt": {[]string{"em", "via"}, []string{"Palestrantes", "Obrigado a", "Com", "Fotos", "Parceiros"}},
	"it": {[]string{"su", "via"}, []string{"Relatori", "Grazie a", "Con", "Foto", "Partner"}},
	"ru": {[]string{"на", "в", "через", "via"}, []string{"Спикеры", "Спасибо", "Гости", "Фото", "Партнёры"}},
	"zh": {[]string{"via"}, []string{"嘉宾", "感谢", "主办", "摄影", "合作伙伴"}},
	"ja": {[]string{"via"}, []string{"登壇者", "ありがとう", "主催", "写真", "協力"}},
	"ar": {[]string{"via"}, []string{"المتحدثون", "شكرا", "بمشاركة", "تصوير", "الشركاء"}},
	"vi": {[]string{"trên", "via"}, []string{"Diễn giả", "Cảm ơn", "Cùng với", "Ảnh", "Đối tác"}},
	"tr": {[]string{"via"}, []string{"Konuşmacılar", "Teşekkürler", "Konuklar", "Fotoğraf", "Ortaklar"}},
	"pl": {[]string{"na", "via"}, []string{"Prelegenci", "Dziękujemy", "Goście", "Zdjęcia", "Partnerzy"}},
	"nl": {[]string{"op", "via"}, []string{"Sprekers", "Dank aan", "Met", "Foto's", "Partners"}},
	"id": {[]string{"via"}, []string{"Pembicara", "Terima kasih", "Bersama", "Foto", "Mitra"}},
	"ko": {[]string{"via"}, []string{"연사", "감사합니다", "함께", "사진", "파트너"}},
}

// orgHandle is the handle of an organisation, a project or a publication:
// "@CityMuseum", "@open_data_lab", "@RiverFestHQ".
func (a *augmenter) orgHandle() string {
	first := a.pick([]string{"Open", "Global", "City", "North", "Blue", "Civic", "Data", "Green", "River", "Urban", "Nova", "Terra",
		"Harbor", "Maple", "Delta", "Summit", "Pixel", "Atlas", "Orbit", "Cedar"})
	last := a.pick([]string{"Lab", "Labs", "HQ", "News", "Foundation", "Network", "Museum", "Radio", "Dev", "Team", "Project", "Fest",
		"Conf", "Studio", "Press", "Club", "Library", "Society", "Games", "Weekly"})
	switch a.r.IntN(4) {
	case 0:
		return "@" + strings.ToLower(first) + "_" + strings.ToLower(last)
	case 1:
		return "@" + strings.ToLower(first+last)
	}
	return "@" + first + last
}

// creditHandle is an organisation's or a person's handle, a person's
// written as people name themselves ("@anna_garcia", "@tom"): the
// made-up account shapes of testimonial spam ("@anna.garcia35",
// "@rosa_") are left to the spam (with them, seed 14, the X posts' spam
// with words fell 69.5 -> 58.0% at p>=0.8, against 63.0% without).
func (a *augmenter) creditHandle() string {
	if a.r.IntN(2) == 0 {
		h := a.pick(givenNames)
		if a.r.IntN(3) > 0 {
			h += a.pick([]string{"_", ""}) + a.pick(familyNames)
		}
		return "@" + h
	}
	return a.orgHandle()
}

// creditHam makes one good-faith post in language l that credits handles.
func (a *augmenter) creditHam(l *lang) string {
	w, ok := creditWords[l.code]
	if !ok {
		w = creditWords["en"]
	}
	s := a.pick(l.ham)
	list := func() string {
		n := 2 + a.r.IntN(3)
		hs := make([]string, n)
		for i := range hs {
			hs[i] = a.creditHandle()
		}
		sep := a.pick([]string{", ", " ", " · "})
		return strings.Join(hs, sep)
	}
	var text string
	switch a.r.IntN(5) {
	case 0:
		text = s + " " + a.pick(w.via) + " " + a.orgHandle()
	case 1:
		text = a.pick(w.lead) + a.pick([]string{": ", ":\n"}) + list() + "\n" + s
	case 2:
		text = s + " " + a.orgHandle() + " x " + a.orgHandle()
	case 3:
		text = s + " (" + a.pick(w.via) + " " + a.creditHandle() + ")"
	default:
		text = s + " " + a.pick(w.lead) + ": " + list() + "."
	}
	if a.r.IntN(2) == 0 {
		text += a.pick([]string{" ", "\n", " → "}) + a.hamURL(l)
	}
	return text
}

// creditExamples are the perCredit credit posts of every language.
func creditExamples(seed uint64, pages []page) []example {
	a := &augmenter{r: rand.New(rand.NewPCG(seed, 0xc2ed17)), pages: pages}
	var out []example
	for i := range langs {
		l := &langs[i]
		for k := 0; k < perCredit; k++ {
			out = append(out, example{id: fmt.Sprintf("aug:%s:credit:%d", l.code, k), text: a.creditHam(l), lang: l.code,
				genre: "web", kind: "aug-ham-credit-" + l.code, source: "augment", markdown: true})
		}
	}
	return out
}
