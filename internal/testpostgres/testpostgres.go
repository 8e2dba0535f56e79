// Package testpostgres starts a throwaway PostgreSQL for tests of the shared
// memory (package pgmemory) and of a farm of wikiwarden processes.
//
// The shared memory only means something against a real PostgreSQL: real
// inet and cidr types, real advisory locks, real LISTEN/NOTIFY and a real
// server that goes away and comes back. Start runs scripts/testpostgres.sh,
// which copies a template cluster (initdb once per machine) and serves it on a
// free loopback port in about 0.2 s, and removes it when the test ends. Each
// test may start its own server; they share nothing.
package testpostgres

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/wikiwarden/wikiwarden/internal/scriptenv"
)

// Server is one running throwaway PostgreSQL.
type Server struct {
	// DSN connects to its database as its superuser, e.g.
	// "postgres://wikiwarden@127.0.0.1:PORT/wikiwarden?sslmode=disable".
	DSN string
	// DSNFile holds the DSN alone, for a config's shared.dsn_file.
	DSNFile string
	// Port is the loopback port it listens on.
	Port int
	// Dir holds the script's env and dsn files.
	Dir string

	script string
}

// Start brings up a fresh PostgreSQL and stops and deletes it when the test
// and its subtests finish. Without PostgreSQL on the machine it skips the
// test, unless the environment variable CI is "true": there the script
// installs the package, and any failure fails the test, so the tests of the
// shared memory cannot silently stop running in CI.
func Start(t testing.TB) *Server {
	t.Helper()
	ci := os.Getenv("CI") == "true"
	if !Installed() && !ci {
		t.Skip("testpostgres: PostgreSQL is not installed (apt-get install postgresql, or set CI=true to have the script install it)")
	}
	script, err := scriptenv.Script("scripts/testpostgres.sh")
	if err != nil {
		t.Fatalf("testpostgres: %v", err)
	}
	dir := t.TempDir()
	s := &Server{Dir: dir, DSNFile: filepath.Join(dir, "dsn"), script: script}
	t.Cleanup(func() {
		if t.Failed() {
			s.logServer(t)
		}
		if out, err := s.run("down", dir); err != nil {
			t.Errorf("testpostgres: %s down %s: %v\n%s", script, dir, err, out)
		}
	})
	// A free port may be taken between our look and the server's bind.
	var out string
	for try := 0; ; try++ {
		port, err := freePort()
		if err != nil {
			t.Fatalf("testpostgres: %v", err)
		}
		out, err = s.run("up", dir, strconv.Itoa(port))
		if err == nil {
			s.Port = port
			break
		}
		if try == 2 {
			t.Fatalf("testpostgres: %s up %s %d: %v\n%s", script, dir, port, err, out)
		}
		_, _ = s.run("down", dir)
	}
	env, err := scriptenv.Read(filepath.Join(dir, "env"), "PG_DSN", "PG_DATA")
	if err != nil {
		t.Fatalf("testpostgres: %v", err)
	}
	s.DSN = env["PG_DSN"]
	return s
}

// Stop stops the server, keeping its data, as an outage would.
func (s *Server) Stop(t testing.TB) {
	t.Helper()
	if out, err := s.run("stop", s.Dir); err != nil {
		t.Fatalf("testpostgres: stop: %v\n%s", err, out)
	}
}

// Restart starts the server stopped by Stop again, on the same port with the
// same data.
func (s *Server) Restart(t testing.TB) {
	t.Helper()
	if out, err := s.run("start", s.Dir); err != nil {
		t.Fatalf("testpostgres: start: %v\n%s", err, out)
	}
}

// Installed reports whether Debian's PostgreSQL server package is on this
// machine.
func Installed() bool {
	m, _ := filepath.Glob("/usr/lib/postgresql/*/bin/initdb")
	return len(m) > 0
}

func (s *Server) run(args ...string) (string, error) {
	// Installing the package on a fresh CI machine takes minutes; a
	// server starts in well under a second.
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	var out bytes.Buffer
	cmd := exec.CommandContext(ctx, "bash", append([]string{s.script}, args...)...)
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	return out.String(), err
}

// logServer shows the server's log in a failing test's output.
func (s *Server) logServer(t testing.TB) {
	env, err := scriptenv.Read(filepath.Join(s.Dir, "env"), "PG_DATA")
	if err != nil {
		return
	}
	b, err := os.ReadFile(filepath.Join(env["PG_DATA"], "server.log"))
	if err != nil || len(b) == 0 {
		return
	}
	if len(b) > 8000 {
		b = b[len(b)-8000:]
	}
	t.Logf("testpostgres: server.log:\n%s", b)
}

// freePort returns a loopback port nobody listens on right now.
func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("free port: %w", err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}
