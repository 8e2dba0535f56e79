package web

import (
	"context"
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"github.com/wikiwarden/wikiwarden/store"
)

func TestReportedItemTopsTheQueue(t *testing.T) {
	e := newEnv(t, Options{})
	c := e.login("Admin", "right-horse")
	before := ids(e.list("/api/queue", c))
	if len(before) == 0 || before[0] == probeRev {
		t.Fatalf("queue before the report = %v", before)
	}
	// The reverted probe is reported as a mistake on the wiki.
	if _, err := e.st.AddMistake(context.Background(), store.Mistake{RevID: probeRev, By: "Alice", Where: "My edit", Time: t0, Reverted: true}); err != nil {
		t.Fatal(err)
	}
	w := e.do("GET", "/api/queue", nil, c, nil)
	var items []struct {
		RevID      int64  `json:"rev_id"`
		ReportedBy string `json:"reported_by"`
		Waiting    string `json:"waiting"`
	}
	if err := json.Unmarshal(w.Body.Bytes(), &items); err != nil {
		t.Fatal(err)
	}
	if len(items) != len(before)+1 || items[0].RevID != probeRev || items[0].ReportedBy != "Alice" || items[0].Waiting != "Reported as a mistake by Alice." {
		t.Fatalf("queue after the report = %+v", items)
	}
	if w := e.do("GET", "/queue", nil, c, nil); w.Code != 200 || !strings.Contains(w.Body.String(), "Reported as a mistake by Alice") {
		t.Errorf("queue page lacks the report marker: %d", w.Code)
	}
	// A moderator decides: the item leaves the queue.
	if _, err := e.st.KeepReported(context.Background(), probeRev, "Admin", "a probe indeed", e.clock.now()); err != nil {
		t.Fatal(err)
	}
	if got := ids(e.list("/api/queue", c)); len(got) != len(before) {
		t.Errorf("queue after the decision = %v, want %v", got, before)
	}
}

func TestKeepReported(t *testing.T) {
	e := newEnv(t, Options{})
	c := e.login("Admin", "right-horse")
	if w := e.do("POST", "/api/queue/101/keep", url.Values{"reason": {"a probe indeed"}}, c, nil); w.Code != 404 {
		t.Errorf("keep without a report = %d, want 404", w.Code)
	}
	if _, err := e.st.AddMistake(context.Background(), store.Mistake{RevID: probeRev, By: "Alice", Time: t0, Reverted: true}); err != nil {
		t.Fatal(err)
	}
	if w := e.do("POST", "/api/queue/101/keep", url.Values{"reason": {""}}, c, nil); w.Code != 400 {
		t.Errorf("keep without a reason = %d, want 400", w.Code)
	}
	if w := e.do("POST", "/api/queue/101/keep", url.Values{"reason": {"a probe indeed"}}, c, nil); w.Code != 200 {
		t.Fatalf("keep = %d %s", w.Code, w.Body)
	}
	m, err := e.st.Mistake(context.Background(), probeRev)
	if err != nil || m.Open() || m.Reason != "a probe indeed" || m.Moderator != "Admin" {
		t.Fatalf("report after keep = %+v, %v", m, err)
	}
	if res, err := e.st.Resolution(context.Background(), probeRev); err != nil || res.Action != store.AuditKeep {
		t.Errorf("resolution = %+v, %v", res, err)
	}
}
