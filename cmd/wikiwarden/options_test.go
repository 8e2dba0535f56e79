package main

import (
	"testing"
	"time"

	"github.com/wikiwarden/wikiwarden/config"
)

// The config's defaults map onto options the bot accepts, and its zeros
// mean "off" on both sides.
func TestDefaultConfigMapsOntoOptions(t *testing.T) {
	c := config.Default()
	c.Wiki.API, c.Wiki.Username, c.Store.Path = "http://127.0.0.1:1/api.php", "Warden@patrol", t.TempDir()+"/ww.db"
	a := &app{cfg: &c, log: newLogger(&c, nil, false)}
	if _, err := a.patroller(false); err != nil {
		t.Fatalf("default config: %v", err)
	}
	c.Patrol.Lookback, c.Patrol.RevertCooldown = 0, 0
	if _, err := a.patroller(false); err != nil {
		t.Fatalf("config with lookback and revert_cooldown off: %v", err)
	}
}

// A forum's rule of established accounts reaches the adapter with the
// config's defaults when unset, and off when set to 0.
func TestForumOptionsEstablished(t *testing.T) {
	c := config.Default()
	a := &app{cfg: &c}
	unset := config.Site{Name: "forum", Kind: config.KindNodeBB, NodeBB: config.NodeBBSite{URL: "http://127.0.0.1:4567"}}
	got := a.forumOptions(unset).Trust
	if got.EstablishedPosts != config.DefaultEstablishedPosts || got.EstablishedAge != time.Duration(config.DefaultEstablishedAge) {
		t.Errorf("unset: %+v; want the config's defaults", got)
	}
	zero := 0
	unset.NodeBB.EstablishedPosts = &zero
	if got := a.forumOptions(unset).Trust; got.EstablishedPosts != 0 {
		t.Errorf("established_posts 0: %+v; want the rule off", got)
	}
}
