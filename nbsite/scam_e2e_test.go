package nbsite_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wikiwarden/wikiwarden/internal/forumcampaign"
	"github.com/wikiwarden/wikiwarden/internal/testforum"
)

// TestGuestBareDomainScamRemoved is issue 13's forum case on a real NodeBB:
// after the wave's probes, a guest from the probing /24 posts a German
// crypto "testimonial" naming a bare domain (no link markup); it must be
// removed. A good technical reply with links, from another range, stays.
func TestGuestBareDomainScamRemoved(t *testing.T) {
	f := testforum.Start(t)
	ctx := context.Background()
	wave := forumcampaign.New(forumcampaign.Options{Seed: 13})
	for _, ph := range []forumcampaign.Phase{forumcampaign.PhaseSeed, forumcampaign.PhaseProbe} {
		if _, err := wave.Run(ctx, f, ph); err != nil {
			t.Fatal(err)
		}
	}
	st := openStore(t, filepath.Join(t.TempDir(), "ww.db"))
	defer st.Close()
	sum, err := patroller(t, f, st, wave.SwitchTID, false).Pass(ctx)
	if err != nil || sum.Reverted != 5 {
		t.Fatalf("probe pass: %v, %v; want the 5 probes removed", sum, err)
	}

	scam, err := f.GuestReply(ctx, "100.72.5.87", "Sabine_K", wave.Topics["welcome"],
		"Ehrlich gesagt war ich skeptisch, aber mit dieser Krypto-Firma habe ich in drei Wochen über 9.000 Euro Gewinn gemacht. "+
			"Die Beraterin hat alles für mich erledigt, ich musste nur 250 Euro einzahlen. Schaut selbst vorbei: KRYPTOVALEX.COM")
	if err != nil {
		t.Fatal(err)
	}
	good, err := f.GuestReply(ctx, "203.0.113.58", "compost_nerd", wave.Topics["compost"],
		"If your pile stays cold, check the C:N ratio first; aim for roughly 30:1. The extension service guide at "+
			"https://extension.umn.edu/managing-soil-and-nutrients/composting-and-mulching-home-gardens explains it well, "+
			"and I log temperatures with a small script (github.com/tmcp/compost-log, release v0.4.1). Turning every 5 days got mine to 60 °C.")
	if err != nil {
		t.Fatal(err)
	}
	sum, err = patroller(t, f, st, wave.SwitchTID, false).Pass(ctx)
	t.Logf("return pass: %v, %v", sum, err)
	if err != nil {
		t.Fatal(err)
	}
	removed := func(pid int64) bool {
		t.Helper()
		ps, err := f.Post(ctx, pid)
		if err != nil {
			t.Fatal(err)
		}
		return !ps.Exists || ps.Deleted || !ps.TopicExists || ps.TopicDeleted
	}
	if !removed(scam.PID) {
		t.Error("the guest's bare-domain scam post from the probing range is still up")
	}
	if removed(good.PID) {
		t.Error("the good technical post with links was removed")
	}
	if bl, err := f.Blacklist(ctx); err != nil || strings.Contains(bl, "203.0.113.") {
		t.Errorf("blacklist = %q, %v; want the good poster's address off it", bl, err)
	}
}
