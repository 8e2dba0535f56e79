package testpostgres_test

import (
	"net"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/wikiwarden/wikiwarden/internal/testpostgres"
)

// TestStartStopRestart brings a server up, takes it down as an outage would
// and back on the same port.
func TestStartStopRestart(t *testing.T) {
	start := time.Now()
	s := testpostgres.Start(t)
	t.Logf("up in %s: %s", time.Since(start).Round(time.Millisecond), s.DSN)
	if !strings.HasPrefix(s.DSN, "postgres://") || !strings.Contains(s.DSN, "127.0.0.1:"+strconv.Itoa(s.Port)) {
		t.Fatalf("DSN %q does not name 127.0.0.1:%d", s.DSN, s.Port)
	}
	if b, err := os.ReadFile(s.DSNFile); err != nil || strings.TrimSpace(string(b)) != s.DSN {
		t.Fatalf("DSN file: %q, %v; want %q", b, err, s.DSN)
	}
	addr := "127.0.0.1:" + strconv.Itoa(s.Port)
	dial := func() error {
		c, err := net.DialTimeout("tcp", addr, time.Second)
		if err == nil {
			c.Close()
		}
		return err
	}
	if err := dial(); err != nil {
		t.Fatalf("server not listening: %v", err)
	}
	s.Stop(t)
	if err := dial(); err == nil {
		t.Fatal("server still listening after Stop")
	}
	s.Restart(t)
	if err := dial(); err != nil {
		t.Fatalf("server not listening after Restart: %v", err)
	}
}
