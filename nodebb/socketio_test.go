package nodebb

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestSplitPayload(t *testing.T) {
	// "é" is one UTF-16 unit, "😀" two: the frame is 13 units, 16 bytes.
	got, err := splitPayload("2:4013:42[\"a\",\"é😀\"]1:3")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"40", `42["a","é😀"]`, "3"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("splitPayload = %q, want %q", got, want)
	}
	for _, bad := range []string{"x", "3:40", ":40", "-1:"} {
		if _, err := splitPayload(bad); err == nil {
			t.Errorf("splitPayload(%q): no error", bad)
		}
	}
}

func TestASCIIJSON(t *testing.T) {
	got := asciiJSON([]byte(`["posts.reply",{"content":"é😀 <b>"}]`))
	want := `["posts.reply",{"content":"\u00e9\ud83d\ude00 <b>"}]`
	if got != want {
		t.Fatalf("asciiJSON = %s, want %s", got, want)
	}
	if n := utf16Len("é😀a"); n != 4 {
		t.Fatalf("utf16Len = %d, want 4", n)
	}
}

func TestErrorKinds(t *testing.T) {
	for _, tc := range []struct {
		err  error
		kind Kind
		code string
	}{
		{forumError("x", "[[error:post-already-deleted]]"), AlreadyDone, "error:post-already-deleted"},
		{forumError("x", "[[error:topic-already-restored]]"), AlreadyDone, "error:topic-already-restored"},
		{forumError("x", "[[error:no-privileges]]"), Permanent, "error:no-privileges"},
		{forumError("x", "[[error:invalid-session]]"), Transient, "error:invalid-session"},
		{statusError("x", 503, []byte("busy")), Transient, "http 503"},
		{statusError("x", 404, []byte("{}")), Permanent, "http 404"},
		{statusError("x", 403, []byte(`{"error":"[[error:no-privileges]]"}`)), Permanent, "error:no-privileges"},
		{statusError("x", 500, []byte(`{"path":"/api/user/uid/9","error":"[[error:no-user]]"}`)), Permanent, "error:no-user"},
		{statusError("x", 403, []byte("[[error:invalid-password]]")), Permanent, "error:invalid-password"},
		{opError("y", errors.New("connection refused")), Transient, ""},
	} {
		var e *Error
		if !errors.As(tc.err, &e) || e.Kind != tc.kind || e.Code != tc.code || !errors.Is(tc.err, tc.kind) || KindOf(tc.err) != tc.kind {
			t.Errorf("%v: kind %v code %q, want %v %q", tc.err, KindOf(tc.err), e.Code, tc.kind, tc.code)
		}
	}
	wrapped := fmt.Errorf("adapter: %w", opError("delete post 3", forumError("posts.delete", "[[error:post-already-deleted]]")))
	if !errors.Is(wrapped, AlreadyDone) || errors.Is(wrapped, Permanent) {
		t.Errorf("wrapped: %v", wrapped)
	}
	if got := wrapped.Error(); got != "adapter: delete post 3: already done: error:post-already-deleted" {
		t.Errorf("message %q", got)
	}
}

// fakeEIO is an Engine.IO 3 polling server that acks events with [null,
// "<event>"] and can be told to forget sids or disconnect.
type fakeEIO struct {
	mu       sync.Mutex
	n        int
	sids     map[string]chan string // queued packets per sid
	forget   bool                   // answer the next POST with 400
	hangUp   bool                   // answer the next event with a 41 disconnect
	opens    int
	events   []string
	lastXFF  string
	failWith int // HTTP status for the next handshake
}

func (f *fakeEIO) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	sid := r.URL.Query().Get("sid")
	if sid == "" {
		if f.failWith != 0 {
			code := f.failWith
			f.failWith = 0
			f.mu.Unlock()
			http.Error(w, "down", code)
			return
		}
		f.n++
		f.opens++
		sid = fmt.Sprintf("sid%d", f.n)
		q := make(chan string, 100)
		q <- "40"
		f.sids[sid] = q
		f.mu.Unlock()
		open := `0{"sid":"` + sid + `","upgrades":[],"pingInterval":25000,"pingTimeout":60000}`
		fmt.Fprintf(w, "%d:%s", len(open), open)
		return
	}
	q, ok := f.sids[sid]
	if !ok || (r.Method == http.MethodPost && f.forget) {
		f.forget = false
		delete(f.sids, sid)
		f.mu.Unlock()
		http.Error(w, `{"code":1,"message":"Session ID unknown"}`, http.StatusBadRequest)
		return
	}
	f.mu.Unlock()
	if r.Method == http.MethodPost {
		b, _ := io.ReadAll(r.Body)
		packets, err := splitPayload(string(b))
		if err != nil {
			http.Error(w, err.Error(), 400)
			return
		}
		for _, p := range packets {
			if p == "2" {
				q <- "3"
				continue
			}
			// 42<id>["event",...]
			i := strings.IndexByte(p, '[')
			id := p[2:i]
			ev := strings.SplitN(p[i+2:], `"`, 2)[0]
			f.mu.Lock()
			f.events = append(f.events, ev)
			hang := f.hangUp
			f.hangUp = false
			f.mu.Unlock()
			q <- `42["event:push",{}]`
			if hang {
				q <- "41"
				continue
			}
			if ev == "fail" {
				q <- "43" + id + `[{"message":"[[error:no-privileges]]"},null]`
				continue
			}
			q <- "43" + id + `[null,"` + ev + `"]`
		}
		io.WriteString(w, "ok")
		return
	}
	select {
	case p := <-q:
		var out strings.Builder
		fmt.Fprintf(&out, "%d:%s", utf16Len(p), p)
		for more := true; more; {
			select {
			case p := <-q:
				fmt.Fprintf(&out, "%d:%s", utf16Len(p), p)
			default:
				more = false
			}
		}
		io.WriteString(w, out.String())
	case <-r.Context().Done():
	case <-time.After(5 * time.Second):
		io.WriteString(w, "1:6")
	}
}

func TestSocket(t *testing.T) {
	f := &fakeEIO{sids: map[string]chan string{}}
	srv := httptest.NewServer(f)
	defer srv.Close()
	s := newSocket(srv.Client(), srv.URL, "test")
	ctx := context.Background()

	for _, ev := range []string{"a.one", "b.two"} {
		res, err := s.emit(ctx, ev, map[string]any{"x": "é"})
		if err != nil || string(res) != `"`+ev+`"` {
			t.Fatalf("emit %s = %s, %v", ev, res, err)
		}
	}
	if f.opens != 1 {
		t.Fatalf("opened %d sockets for two emits, want 1", f.opens)
	}

	// The server forgot the sid before taking the packet: reopen and resend.
	f.forget = true
	if res, err := s.emit(ctx, "c.three"); err != nil || string(res) != `"c.three"` {
		t.Fatalf("emit after a forgotten sid = %s, %v", res, err)
	}
	if f.opens != 2 {
		t.Fatalf("opens = %d, want 2", f.opens)
	}

	// A disconnect after the packet was taken: transient, not resent.
	f.hangUp = true
	_, err := s.emit(ctx, "d.four")
	if !errors.Is(err, Transient) {
		t.Fatalf("emit answered by a disconnect: %v, want transient", err)
	}
	if res, err := s.emit(ctx, "e.five"); err != nil || string(res) != `"e.five"` {
		t.Fatalf("emit after a disconnect = %s, %v", res, err)
	}
	if got := strings.Join(f.events, ","); got != "a.one,b.two,c.three,d.four,e.five" {
		t.Fatalf("server saw %s", got)
	}

	_, err = s.emit(ctx, "fail")
	var e *Error
	if !errors.As(err, &e) || e.Kind != Permanent || e.Code != "error:no-privileges" {
		t.Fatalf("error ack: %v", err)
	}

	// A handshake failing with 503 is transient.
	s.reset()
	f.failWith = http.StatusServiceUnavailable
	if _, err := s.emit(ctx, "f.six"); !errors.Is(err, Transient) {
		t.Fatalf("emit with the server down: %v, want transient", err)
	}

	// A cancelled context ends the wait for an ack.
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := s.emit(cctx, "g.seven"); !errors.Is(err, Transient) || !errors.Is(err, context.Canceled) {
		t.Fatalf("emit with a cancelled context: %v", err)
	}
}

func TestThrottle(t *testing.T) {
	s := &socket{}
	now := time.Now()
	for i := 0; i < emitMax; i++ {
		s.emits = append(s.emits, now.Add(-emitWindow+50*time.Millisecond))
	}
	t0 := time.Now()
	if err := s.throttle(context.Background()); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(t0); d < 30*time.Millisecond {
		t.Fatalf("throttle waited %v with %d emits in the window", d, emitMax)
	}
	if len(s.emits) != 0 {
		t.Fatalf("%d old emits kept", len(s.emits))
	}
}
