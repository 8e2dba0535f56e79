package spamscore

import (
	"strings"
	"testing"
)

// TestHandlePlace checks that a handle being promoted (closing the praise,
// named with its platform or a call to write, shaped as an account) reads
// apart from a handle being replied to or tagged.
func TestHandlePlace(t *testing.T) {
	defer func(on bool) { LineOpeners = on }(LineOpeners)
	LineOpeners = true
	for _, tc := range []struct {
		text string
		f    int
		want bool
	}{
		// Where it sits.
		{"She changed my life, I made 4000 dollars in a week with her help @marta_gold", fHandleCloses, true},
		{"Ella me ayudó mucho con mis ahorros, gracias a @rosa_inver 🙏", fHandleCloses, true},
		{"@marta thanks, that fixed the build on my machine", fHandleCloses, false},
		{"@marta thanks, that fixed the build on my machine", fTelegramStart, true},
		{"As @marta said in the other thread, the cache is stale", fHandleCloses, false},
		{"cc @marta", fHandleCloses, false},
		// How it is named.
		{"Best mentor ever, find her on instagram @marta_gold", fHandleNamed, true},
		{"Sehr zu empfehlen, schreib ihr @marta_gold", fHandleNamed, true},
		{"Write to my manager: @marta_gold", fHandleNamed, true},
		{"Пишите в телеграм @marta_gold", fHandleNamed, true},
		{"message @marta_gold she can guide you", fHandleNamed, true},
		{"I agree with @marta on this one", fHandleNamed, false},
		{"Thanks @marta, I will try it", fHandleNamed, false},
		// A handle opening a line after a finished sentence is
		// addressed, whatever that sentence said; one after an open
		// call on the line before is named.
		{"Has anyone here visited the archive?\n\n@marta did the research on it", fHandleNamed, false},
		{"I found it on Telegram!\n@marta knows more", fHandleNamed, false},
		{"Best mentor ever, find her on instagram\n@marta_gold", fHandleNamed, true},
		{"Write to her on instagram 👇\n\n@marta_gold", fHandleNamed, true},
		{"Contact her on WhatsApp:\n@marta_gold", fHandleNamed, true},
		// Its shape, and how many.
		{"Thanks @marta_fx01, I will try it", fHandleAccount, true},
		{"Thanks @jessica_fx_trades", fHandleAccount, true},
		{"Thanks @annafx_", fHandleAccount, true},
		{"Thanks @marta_k, I will try it", fHandleAccount, false},
		{"Thanks @alex2019, I will try it", fHandleAccount, false},
		{"Earn daily, contact @marta_gold now. Only @marta_gold is legit", fHandleRepeat, true},
		{"@anna @marta look at this @jsmith", fHandlesMany, true},
		{"@anna @marta look at this", fHandlesMany, false},
	} {
		if got := textHas(tc.text, tc.f); got != tc.want {
			t.Errorf("%q: %s = %v, want %v", tc.text, denseNames[tc.f], got, tc.want)
		}
	}
}

func TestProseWords(t *testing.T) {
	for in, want := range map[string]int{"": 0, "a b": 2, "don't stop": 3, "日本語の文 and 2 more": 3, "@x 😂": 1} {
		if got := proseWords(in); got != want {
			t.Errorf("proseWords(%q) = %d, want %d", in, got, want)
		}
	}
}

// TestInviteLink checks that a sign-up link carrying a generated referral
// or invitation code reads apart from share tags, page numbers and
// ordinary queries.
func TestInviteLink(t *testing.T) {
	for text, want := range map[string]bool{
		"Earn daily with this app https://earnfast.example/?r=q7kz2mwd":        true,
		"Sign up here https://exch.example/register?invite_code=K8P2XQ":        true,
		"Daily orders, easy money https://shop.example/#/register?code=4fn8qz": true,
		"Join now https://app.example/#/signup":                                true,
		"Bonus https://bet.example/?ref=a9x4k2p":                               true,
		"Found it on https://news.example.org/story?ref=hn":                    false,
		"See page 3: https://forum.example.org/thread?page=3&r=1":              false,
		"The commit is https://git.example.org/proj/commit?id=4fn8qz2":         false,
		"Docs: https://docs.example.org/guide#/install":                        false,
		"Search results https://www.example.org/search?q=ab12cd&code=utf8":     false,
		"Lookup https://www.example.org/lookup?code=DE":                        false,
	} {
		if got := textHas(text, fInvite); got != want {
			t.Errorf("%q: invite link = %v, want %v", text, got, want)
		}
	}
}

// TestPromotedAfterOpening checks that, with PromotedHandles, an opening
// @mention stays a reply's unless a later handle is promoted, and that
// without it the opening handle is read as before.
func TestPromotedAfterOpening(t *testing.T) {
	defer func(on bool) { PromotedHandles = on }(PromotedHandles)
	for _, tc := range []struct {
		text        string
		on, opening bool
	}{
		{"@marta thanks, that fixed the build on my machine", true, true},
		{"@marta I agree with @tom on this one", true, true},
		{"@marta great post! I doubled my savings in a week, message @rosa_fx01", true, false},
		{"@marta nice, my mentor on instagram @rosa_gold helped me a lot", true, false},
		{"@marta great post! I doubled my savings in a week, message @rosa_fx01", false, true},
		{"Thanks @marta, I will try it", true, false},
	} {
		PromotedHandles = tc.on
		if got := textHas(tc.text, fTelegramStart); got != tc.opening {
			t.Errorf("%q (promoted handles %v): %s = %v, want %v", tc.text, tc.on, denseNames[fTelegramStart], got, tc.opening)
		}
	}
}

// TestCreditedHandles checks that, with CreditedHandles, a handle placed
// by "on", "via", "x" or a colon after other words is credited, and one
// named with its platform or a call to write (a colon after one too) is
// named as promoted; without it, both are named.
func TestCreditedHandles(t *testing.T) {
	defer func(on bool) { CreditedHandles = on }(CreditedHandles)
	for _, tc := range []struct {
		text            string
		on              bool
		named, credited bool
	}{
		{"The new city map is now live on @open_lab", true, false, true},
		{"Photos from the meetup (via @city_news)", true, false, true},
		{"Speakers: @anna_k, @tom and @open_lab", true, false, true},
		{"@open_lab x @city_news: a new map of the river", true, false, true},
		{"Best mentor ever, find her on instagram @marta_gold", true, true, false},
		{"Write to my manager: @marta_gold", true, true, false},
		{"Telegram: @marta_gold", true, true, false},
		{"Пишите в телеграм @marta_gold", true, true, false},
		{"Thanks @marta, I will try it", true, false, false},
		{"The new city map is now live on @open_lab", false, true, false},
		{"Speakers: @anna_k, @tom and @open_lab", false, true, false},
	} {
		CreditedHandles = tc.on
		if got := textHas(tc.text, fHandleNamed); got != tc.named {
			t.Errorf("%q (credited %v): named = %v, want %v", tc.text, tc.on, got, tc.named)
		}
		if got := textHas(tc.text, fHandleCredited); got != tc.credited {
			t.Errorf("%q (credited %v): credited = %v, want %v", tc.text, tc.on, got, tc.credited)
		}
	}
}

// TestNamedOnce checks that, with NamedOnce, three named handles set the
// feature once, and without it three times.
func TestNamedOnce(t *testing.T) {
	defer func(on bool) { NamedOnce = on }(NamedOnce)
	text := "IG: @anna_k. Telegram: @tom_b. WhatsApp: @rosa_c"
	for on, want := range map[bool]float32{true: 1, false: 3} {
		NamedOnce = on
		v, _ := Vectorize(Doc{Text: text}, 16)
		var got float32
		for i, idx := range v.Idx {
			if idx == fHandleNamed {
				got += v.Val[i]
			}
		}
		if got != want {
			t.Errorf("named once %v: %s = %v, want %v", on, denseNames[fHandleNamed], got, want)
		}
	}
}

// TestChannelParts checks that, with ChannelParts, a channel word counts
// in a handle written in parts only as a whole part (or its plural), and
// anywhere in a handle all in lower case.
func TestChannelParts(t *testing.T) {
	defer func(on bool) { ChannelParts = on }(ChannelParts)
	for _, tc := range []struct {
		h       string
		on      bool
		channel bool
	}{
		{"@RiverNetwork", true, false},
		{"@Bethany", true, false},
		{"@AnnaFxTrades", true, true},
		{"@ETHTrader", true, true},
		{"@crypto_signals_vip", true, true},
		{"@quickearnbot", true, true},
		{"@buildwealthwithanna", true, true},
		{"@NewsBot", true, true},
		{"@RiverNetwork", false, true},
		{"@Bethany", false, true},
	} {
		ChannelParts = tc.on
		if got := channelName(tc.h); got != tc.channel {
			t.Errorf("channelName(%q) (parts %v) = %v, want %v", tc.h, tc.on, got, tc.channel)
		}
	}
}

func TestHandleParts(t *testing.T) {
	for h, want := range map[string]string{"Anna_FXTrades2": "Anna FX Trades", "earnbot": "earnbot", "RiverNetwork": "River Network", "a.b": "a b", "": ""} {
		if got := strings.Join(handleParts(h), " "); got != want {
			t.Errorf("handleParts(%q) = %q, want %q", h, got, want)
		}
	}
}
