package main

import (
	"testing"

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
