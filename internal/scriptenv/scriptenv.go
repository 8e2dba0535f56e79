// Package scriptenv finds the project's service scripts (scripts/testwiki.sh,
// scripts/testforum.sh) from a test and reads the KEY=value env files they
// write, so that the test wiki and the test forum start the same way.
package scriptenv

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
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
