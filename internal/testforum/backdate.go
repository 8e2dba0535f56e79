package testforum

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Backdate moves account uid and its posts d back in time, as if it had
// joined and written them d earlier: an account with a history, which a
// test cannot wait days for. NodeBB has no call for it, so it rewrites the
// forum's redis: the account's join date and the timestamps of its posts,
// in their hashes and in the sorted sets NodeBB orders them by.
func (f *Forum) Backdate(ctx context.Context, uid int64, d time.Duration) error {
	redis, err := f.redis()
	if err != nil {
		return fmt.Errorf("backdate user %d: %w", uid, err)
	}
	cli := func(args ...string) (string, error) {
		cmd := exec.CommandContext(ctx, "redis-cli", append(redis, args...)...)
		out, err := cmd.Output()
		if err != nil {
			return "", fmt.Errorf("redis-cli %s: %w", strings.Join(args, " "), err)
		}
		return strings.TrimSpace(string(out)), nil
	}
	ms := d.Milliseconds()
	back := func(key, field string) (int64, error) {
		v, err := cli("HGET", key, field)
		if err != nil {
			return 0, err
		}
		t, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return 0, fmt.Errorf("%s %s is %q: %w", key, field, v, err)
		}
		t -= ms
		if _, err := cli("HSET", key, field, strconv.FormatInt(t, 10)); err != nil {
			return 0, err
		}
		return t, nil
	}
	user := "user:" + strconv.FormatInt(uid, 10)
	joined, err := back(user, "joindate")
	if err != nil {
		return fmt.Errorf("backdate user %d: %w", uid, err)
	}
	if _, err := cli("ZADD", "users:joindate", strconv.FormatInt(joined, 10), strconv.FormatInt(uid, 10)); err != nil {
		return fmt.Errorf("backdate user %d: %w", uid, err)
	}
	pids, err := cli("ZRANGE", "uid:"+strconv.FormatInt(uid, 10)+":posts", "0", "-1")
	if err != nil {
		return fmt.Errorf("backdate user %d: %w", uid, err)
	}
	for _, pid := range strings.Fields(pids) {
		t, err := back("post:"+pid, "timestamp")
		if err != nil {
			return fmt.Errorf("backdate post %s: %w", pid, err)
		}
		ts := strconv.FormatInt(t, 10)
		for _, set := range []string{"uid:" + strconv.FormatInt(uid, 10) + ":posts", "posts:pid"} {
			if _, err := cli("ZADD", set, "XX", ts, pid); err != nil {
				return fmt.Errorf("backdate post %s: %w", pid, err)
			}
		}
	}
	return nil
}

// redis returns redis-cli's arguments to reach the forum's redis, from
// the forum's config.json.
func (f *Forum) redis() ([]string, error) {
	b, err := os.ReadFile(filepath.Join(f.Dir, "config.json"))
	if err != nil {
		return nil, err
	}
	var c struct {
		Redis struct {
			Host string          `json:"host"`
			Port json.RawMessage `json:"port"`
		} `json:"redis"`
	}
	if err := json.Unmarshal(b, &c); err != nil {
		return nil, fmt.Errorf("read %s: %w", filepath.Join(f.Dir, "config.json"), err)
	}
	port := strings.Trim(string(c.Redis.Port), `"`)
	if port == "" || port == "0" {
		return []string{"-s", c.Redis.Host}, nil
	}
	return []string{"-h", c.Redis.Host, "-p", port}, nil
}
