package main

import (
	"time"

	"github.com/wikiwarden/wikiwarden/bot"
	"github.com/wikiwarden/wikiwarden/config"
	"github.com/wikiwarden/wikiwarden/decision"
)

// noticePolicy maps patrol.notice onto the patroller's notice rules.
func noticePolicy(n config.Notice) bot.NoticePolicy {
	rules := func(m map[string]string) map[decision.Verdict]bot.NoticeRule {
		out := make(map[decision.Verdict]bot.NoticeRule, len(m))
		for v, r := range m {
			out[decision.Verdict(v)] = bot.NoticeRule(r)
		}
		return out
	}
	return bot.NoticePolicy{Registered: rules(n.Registered), Anonymous: rules(n.Anonymous), Interval: time.Duration(n.Interval)}
}
