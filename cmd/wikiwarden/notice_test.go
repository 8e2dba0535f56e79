package main

import (
	"testing"
	"time"

	"github.com/wikiwarden/wikiwarden/bot"
	"github.com/wikiwarden/wikiwarden/config"
	"github.com/wikiwarden/wikiwarden/decision"
)

func TestNoticeConfigMapsOntoOptions(t *testing.T) {
	c := config.Default()
	c.Wiki.API, c.Wiki.Username = "http://127.0.0.1:1/api.php", "Warden@patrol"
	a := &app{cfg: &c, log: newLogger(&c, nil, false)}
	np := a.options(false).Notice
	if np.Registered[decision.VerdictProbe] != bot.NoticeAlways || np.Anonymous[decision.VerdictLinkSpam] != bot.NoticeWeak || np.Interval != 24*time.Hour {
		t.Errorf("default notice policy = %+v", np)
	}
	sc := c.EffectiveSites()[0]
	if o := a.wikiOptions(sc); o.NoticePage != "User:Warden/Notice" || o.ReportPage != "User talk:Warden/Mistakes" {
		t.Errorf("default pages: notice %q, report %q", o.NoticePage, o.ReportPage)
	}
	c.Patrol.Notice.Page, c.Patrol.ReportPage = "none", "none"
	if o := a.wikiOptions(sc); o.NoticePage != "" || o.ReportPage != "" {
		t.Errorf("pages turned off: notice %q, report %q", o.NoticePage, o.ReportPage)
	}
}
