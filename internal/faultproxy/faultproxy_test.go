package faultproxy

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// backend is a stand-in wiki that counts what reaches it and echoes the
// cookies it got.
func backend(t *testing.T) (*httptest.Server, *atomic.Int64) {
	t.Helper()
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Content-Type", "application/json")
		var names []string
		for _, c := range r.Cookies() {
			names = append(names, c.Name)
		}
		io.WriteString(w, `{"cookies":"`+strings.Join(names, ",")+`"}`)
	}))
	t.Cleanup(srv.Close)
	return srv, &hits
}

func start(t *testing.T, api string) *Proxy {
	t.Helper()
	p, err := Start(api, Options{HoldFor: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	return p
}

func post(t *testing.T, hc *http.Client, u string, form url.Values, cookie string) (*http.Response, string, error) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, u, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if cookie != "" {
		req.Header.Set("Cookie", cookie)
	}
	resp, err := hc.Do(req)
	if err != nil {
		return nil, "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp, string(b), err
}

func TestFaults(t *testing.T) {
	srv, hits := backend(t)
	p := start(t, srv.URL+"/api.php")
	if !strings.HasSuffix(p.API, "/api.php") || p.API == srv.URL+"/api.php" {
		t.Fatalf("API = %q", p.API)
	}
	hc := &http.Client{Timeout: 2 * time.Second}
	edit := url.Values{"action": {"edit"}, "title": {"Poison"}, "token": {"x"}}
	other := url.Values{"action": {"edit"}, "title": {"Fine"}, "token": {"x"}}

	p.Add(Rule{Match: WriteTo("Poison"), Fault: Status500})
	for range 2 {
		if resp, _, err := post(t, hc, p.API, edit, ""); err != nil || resp.StatusCode != 500 {
			t.Fatalf("poison write: %v, %v", resp, err)
		}
	}
	if resp, _, err := post(t, hc, p.API, other, ""); err != nil || resp.StatusCode != 200 {
		t.Fatalf("other write: %v, %v", resp, err)
	}
	if hits.Load() != 1 {
		t.Errorf("backend saw %d requests, want 1", hits.Load())
	}
	if n := p.Count(WriteTo("Poison")); n != 2 {
		t.Errorf("Count(poison) = %d", n)
	}
	p.Clear()

	for _, tc := range []struct {
		fault   Fault
		status  int
		body    string
		reached bool
		netErr  bool
	}{
		{Status503, 503, "Service Unavailable", false, false},
		{Maxlag, 200, `"code":"maxlag"`, false, false},
		{Malformed, 200, `"title":"Ma`, false, false},
		{Empty, 200, "", false, false},
		{Reset, 0, "", false, true},
		{LoseAnswer, 0, "", true, true},
		{DropSession, 200, `"cookies":"other"`, true, false},
		{Pass, 200, `"cookies":"other,wiki_session"`, true, false},
	} {
		t.Run(tc.fault.String(), func(t *testing.T) {
			p.Add(Rule{Match: Action("edit"), Fault: tc.fault, Times: 1})
			before := hits.Load()
			resp, body, err := post(t, hc, p.API, other, "other=1; wiki_session=abc")
			if tc.netErr {
				if err == nil {
					t.Fatalf("got an answer %v, want a reset", resp.Status)
				}
			} else if err != nil || resp.StatusCode != tc.status || !strings.Contains(body, tc.body) || (tc.body == "" && body != "") {
				t.Fatalf("answer %v %q, %v; want %d %q", resp, body, err, tc.status, tc.body)
			}
			if got := hits.Load() > before; got != tc.reached {
				t.Errorf("reached the wiki: %v, want %v", got, tc.reached)
			}
			// Times: 1 used up, the next request passes.
			if resp, _, err := post(t, hc, p.API, other, ""); err != nil || resp.StatusCode != 200 {
				t.Errorf("next request: %v, %v", resp, err)
			}
			if tc.fault == Maxlag && resp.Header.Get("X-Database-Lag") == "" {
				t.Error("maxlag answer lacks X-Database-Lag")
			}
		})
	}

	t.Run("hold", func(t *testing.T) {
		p.Add(Rule{Match: Any(), Fault: Hold, Times: 1})
		before := hits.Load()
		ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
		defer cancel()
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, p.API+"?action=query", nil)
		start := time.Now()
		if _, err := hc.Do(req); err == nil {
			t.Fatal("held request answered")
		}
		if el := time.Since(start); el < 150*time.Millisecond || el > 2*time.Second {
			t.Errorf("held for %v, want until the client's 200ms timeout", el)
		}
		if hits.Load() == before {
			t.Error("held request did not reach the wiki")
		}
	})

	t.Run("multipart", func(t *testing.T) {
		p.Add(Rule{Match: WriteTo("Big"), Fault: Status503, Times: 1})
		body := "--XX\r\nContent-Disposition: form-data; name=\"action\"\r\n\r\nedit\r\n" +
			"--XX\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nBig\r\n" +
			"--XX\r\nContent-Disposition: form-data; name=\"token\"\r\n\r\nx\r\n--XX--\r\n"
		req, _ := http.NewRequest(http.MethodPost, p.API, strings.NewReader(body))
		req.Header.Set("Content-Type", "multipart/form-data; boundary=XX")
		resp, err := hc.Do(req)
		if err != nil || resp.StatusCode != 503 {
			t.Fatalf("multipart write to Big: %v, %v", resp, err)
		}
		resp.Body.Close()
	})
}

func TestRate(t *testing.T) {
	srv, hits := backend(t)
	p, err := Start(srv.URL+"/api.php", Options{Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	p.Add(Rule{Match: Any(), Fault: Status503, Rate: 0.3})
	const n = 200
	for range n {
		resp, err := http.Get(p.API + "?action=query&format=json")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
	}
	failed := p.Count(func(r Request) bool { return true }) - int(hits.Load())
	if failed < n*2/10 || failed > n*4/10 {
		t.Errorf("%d of %d requests failed at a rate of 0.3", failed, n)
	}
}
