// Package scriptenv finds the project's service scripts (scripts/testwiki.sh,
// scripts/testforum.sh) from a test, brings their service up for the test
// and down after it, and reads the KEY=value env files they write, so that
// the test wiki and the test forum start the same way.
package scriptenv

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// Script finds rel (e.g. "scripts/testwiki.sh"): first above the working
// directory (go test runs in the package directory), then relative to the
// repository this source file sits in.
func Script(rel string) (string, error) {
	if wd, err := os.Getwd(); err == nil {
		for d := wd; ; d = filepath.Dir(d) {
			p := filepath.Join(d, rel)
			if _, err := os.Stat(p); err == nil {
				return p, nil
			}
			if filepath.Dir(d) == d {
				break
			}
		}
	}
	if _, file, _, ok := runtime.Caller(0); ok {
		p := filepath.Join(filepath.Dir(file), "..", "..", rel)
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("cannot find %s above the working directory", rel)
}

// Read reads the env file at path and checks that every key in required
// has a value.
func Read(path string, required ...string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read env: %w", err)
	}
	defer f.Close()
	env := make(map[string]string)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if k, v, ok := strings.Cut(sc.Text(), "="); ok {
			env[k] = v
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read env: %w", err)
	}
	for _, k := range required {
		if env[k] == "" {
			return nil, fmt.Errorf("read env: %s has no %s", path, k)
		}
	}
	return env, nil
}

// Up runs "bash script up dir", with env added to the process's
// environment and within ten minutes (installing packages on a fresh CI
// machine takes minutes; bringing a service up, seconds), and once it is
// up has "script down dir" run when t ends, after logs shows the service's
// own logs if t failed. When up fails, whatever it started is taken down
// and the error carries the script's stderr.
func Up(t testing.TB, script, dir string, env []string, logs func(testing.TB)) error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	var stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, "bash", script, "up", dir)
	cmd.Stderr = &stderr
	cmd.Env = append(os.Environ(), env...)
	if _, err := cmd.Output(); err != nil {
		_ = exec.Command("bash", script, "down", dir).Run()
		return fmt.Errorf("%s up %s: %w\n%s", script, dir, err, stderr.String())
	}
	t.Cleanup(func() {
		if t.Failed() && logs != nil {
			logs(t)
		}
		var out bytes.Buffer
		down := exec.Command("bash", script, "down", dir)
		down.Stdout, down.Stderr = &out, &out
		if err := down.Run(); err != nil {
			t.Errorf("%s down %s: %v\n%s", script, dir, err, out.String())
		}
	})
	return nil
}
