package nodebb

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

func TestNewChecksConfig(t *testing.T) {
	for _, cfg := range []Config{
		{URL: "127.0.0.1:4567", Username: "u", Password: "p"},
		{URL: "ftp://x", Username: "u", Password: "p"},
		{URL: "http://127.0.0.1:4567", Username: "u"},
	} {
		if _, err := New(cfg); err == nil {
			t.Errorf("New(%+v): no error", cfg)
		}
	}
}

// TestTransient: a forum that is down, overloaded or slow gives Transient
// errors, never Permanent ones.
func TestTransient(t *testing.T) {
	busy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "<html>502 Bad Gateway</html>", http.StatusBadGateway)
	}))
	defer busy.Close()
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	}))
	defer slow.Close()
	down := httptest.NewServer(http.NotFoundHandler())
	down.Close()

	for name, u := range map[string]string{"502": busy.URL, "timeout": slow.URL, "refused": down.URL} {
		c, err := New(Config{URL: u, Username: "bot", Password: "pw", HTTPClient: &http.Client{Timeout: 200 * time.Millisecond}})
		if err != nil {
			t.Fatal(err)
		}
		ctx := context.Background()
		_, _, err = c.Posts(ctx, 0, 10)
		if !errors.Is(err, Transient) {
			t.Errorf("%s: Posts: %v, want transient", name, err)
		}
		if _, err := c.Remove(ctx, 3, false); !errors.Is(err, Transient) {
			t.Errorf("%s: Remove: %v, want transient", name, err)
		}
	}
}
