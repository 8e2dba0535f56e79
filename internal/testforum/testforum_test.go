package testforum

import (
	"context"
	"strings"
	"testing"
	"time"
)

func TestFrames(t *testing.T) {
	// "é" is one UTF-16 unit, "😀" two.
	got, err := frames("2:4013:42[\"a\",\"é😀\"]1:3")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"40", `42["a","é😀"]`, "3"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("frames = %q, want %q", got, want)
	}
	if e := escapeNonASCII(`"é😀"`); e != `"\u00e9\ud83d\ude00"` {
		t.Fatalf("escapeNonASCII = %s", e)
	}
}

// TestBotnet plays the botnet helpers against a real forum.
func TestBotnet(t *testing.T) {
	t0 := time.Now()
	f := Start(t)
	t.Logf("forum up at %s in %v", f.URL, time.Since(t0).Round(time.Millisecond))
	ctx := context.Background()

	top, err := f.GuestTopic(ctx, "203.0.113.7, 10.0.0.1", "xkqzvbwpl", "xkqzvbwpl", "xkqzvbwpl h4ks8d92 ünïcödé 😀")
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.Post(ctx, top.PID)
	if err != nil {
		t.Fatal(err)
	}
	if !st.Exists || st.IP != "203.0.113.7, 10.0.0.1" || st.Handle != "xkqzvbwpl" || st.MainPID != top.PID || st.Content != "xkqzvbwpl h4ks8d92 ünïcödé 😀" {
		t.Fatalf("guest topic reads back as %+v", st)
	}
	a, err := f.Register(ctx, "198.51.100.23", "spammer1")
	if err != nil {
		t.Fatal(err)
	}
	r, err := a.Reply(ctx, top.TID, "buy cheap pills at spam.example")
	if err != nil {
		t.Fatal(err)
	}
	if st, err := f.Post(ctx, r.PID); err != nil || st.UID != a.UID || st.IP != "198.51.100.23" {
		t.Fatalf("account reply reads back as %+v, %v", st, err)
	}
	if err := f.SetBlacklist(ctx, "192.0.2.0/24 # test"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.GuestReply(ctx, "192.0.2.9", "", top.TID, "from a banned range"); !Refused(err, "blacklisted-ip") {
		t.Fatalf("guest reply from a blacklisted range: %v, want blacklisted-ip", err)
	}
	if rules, err := f.Blacklist(ctx); err != nil || rules != "192.0.2.0/24 # test" {
		t.Fatalf("Blacklist = %q, %v", rules, err)
	}
	if banned, _, err := f.Banned(ctx, a.UID); err != nil || banned {
		t.Fatalf("Banned = %v, %v", banned, err)
	}
	if p, err := f.Post(ctx, 9999); err != nil || p.Exists {
		t.Fatalf("missing post reads as %+v, %v", p, err)
	}
}
