package testforum

import (
	"path/filepath"
	"strconv"
)

// Load returns the forum that "scripts/testforum.sh up DIR" started, from
// DIR/env, for programs that are not tests (the demo's botnet). Stopping
// it is "scripts/testforum.sh down DIR".
func Load(dir string) (*Forum, error) {
	env, err := readEnv(filepath.Join(dir, "env"))
	if err != nil {
		return nil, err
	}
	atoi := func(k string) int64 { v, _ := strconv.ParseInt(env[k], 10, 64); return v }
	return &Forum{
		URL: env["FORUM_URL"], AdminUser: env["FORUM_ADMIN"], AdminPassword: env["FORUM_ADMIN_PASSWORD"],
		AdminUID: atoi("FORUM_ADMIN_UID"), BotUser: env["FORUM_BOT"], BotPassword: env["FORUM_BOT_PASSWORD"],
		BotToken: env["FORUM_BOT_TOKEN"], BotUID: atoi("FORUM_BOT_UID"), GuestCID: atoi("FORUM_GUEST_CID"),
		Dir: dir, Env: env,
	}, nil
}
