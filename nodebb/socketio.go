package nodebb

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf16"
	"unicode/utf8"
)

// Engine.IO 3 / socket.io 1.7 over HTTP long-polling, text framing (b64=1):
// a payload is frames "<len>:<packet>", len counted in UTF-16 code units.
// Engine.IO packets: 0 open, 1 close, 2 ping, 3 pong, 4 message, 6 noop.
// socket.io packets inside a message: 0 connect, 1 disconnect, 2 event,
// 3 ack, 4 error; an event with an ack id is 42<id>[name,args...] and its
// answer 43<id>[err,result].

// emitWindow and emitMax keep a socket under NodeBB's limit of 100 emits in
// 10 s (above it the server disconnects the socket).
const (
	emitWindow = 10 * time.Second
	emitMax    = 90
	// ackWait bounds the wait for an answer when ctx has no deadline.
	ackWait = 60 * time.Second
)

// errDisconnected: the server closed the socket, or forgot its sid.
var errDisconnected = errors.New("socket.io disconnected")

// socket is one socket.io connection. Emits are serialized.
type socket struct {
	hc        *http.Client
	endpoint  string // .../socket.io/?EIO=3&transport=polling&b64=1
	userAgent string

	mu           sync.Mutex
	sid          string
	nextID       int
	pingInterval time.Duration
	lastPing     time.Time
	emits        []time.Time
}

func newSocket(hc *http.Client, baseURL, userAgent string) *socket {
	return &socket{
		hc:        hc,
		endpoint:  strings.TrimRight(baseURL, "/") + "/socket.io/?EIO=3&transport=polling&b64=1",
		userAgent: userAgent,
	}
}

// reset forgets the connection; the next emit opens a new one.
func (s *socket) reset() {
	s.mu.Lock()
	s.sid = ""
	s.mu.Unlock()
}

// emit sends event with args and returns the result of its ack. An error
// answer comes back as a *Error built by forumError.
func (s *socket) emit(ctx context.Context, event string, args ...any) (json.RawMessage, error) {
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, ackWait)
		defer cancel()
	}
	s.mu.Lock()
	defer s.mu.Unlock()

	parts := make([]any, 0, 1+len(args))
	parts = append(parts, event)
	parts = append(parts, args...)
	body, err := json.Marshal(parts)
	if err != nil {
		return nil, &Error{Op: event, Kind: Permanent, Err: err}
	}
	for attempt := 0; ; attempt++ {
		if s.sid == "" {
			if err := s.open(ctx); err != nil {
				return nil, &Error{Op: event, Kind: Transient, Err: err}
			}
		}
		if err := s.throttle(ctx); err != nil {
			return nil, &Error{Op: event, Kind: Transient, Err: err}
		}
		s.nextID++
		id := strconv.Itoa(s.nextID)
		var payload bytes.Buffer
		if time.Since(s.lastPing) > s.pingInterval/2 {
			payload.WriteString("1:2")
			s.lastPing = time.Now()
		}
		writeFrame(&payload, "42"+id+asciiJSON(body))
		s.emits = append(s.emits, time.Now())
		err := s.post(ctx, payload.Bytes())
		if errors.Is(err, errDisconnected) && attempt == 0 {
			// The server did not take the packet: safe to send it again.
			s.sid = ""
			continue
		}
		if err != nil {
			s.sid = ""
			return nil, &Error{Op: event, Kind: Transient, Err: err}
		}
		ack, err := s.waitAck(ctx, id)
		if err != nil {
			// An aborted poll makes the server drop the socket anyway.
			s.sid = ""
			return nil, &Error{Op: event, Kind: Transient, Err: err}
		}
		return decodeAck(event, ack)
	}
}

// decodeAck splits [err, result].
func decodeAck(event string, ack []byte) (json.RawMessage, error) {
	var parts []json.RawMessage
	if err := json.Unmarshal(ack, &parts); err != nil || len(parts) == 0 {
		return nil, &Error{Op: event, Kind: Transient, Err: fmt.Errorf("malformed ack %.200s", ack)}
	}
	if e := bytes.TrimSpace(parts[0]); len(e) > 0 && string(e) != "null" {
		var m struct {
			Message string `json:"message"`
		}
		if err := json.Unmarshal(e, &m); err != nil || m.Message == "" {
			return nil, &Error{Op: event, Kind: Permanent, Code: string(e)}
		}
		return nil, forumError(event, m.Message)
	}
	if len(parts) < 2 {
		return json.RawMessage("null"), nil
	}
	return parts[1], nil
}

// throttle waits until the socket may emit again.
func (s *socket) throttle(ctx context.Context) error {
	for {
		now := time.Now()
		i := 0
		for i < len(s.emits) && now.Sub(s.emits[i]) >= emitWindow {
			i++
		}
		s.emits = s.emits[i:]
		if len(s.emits) < emitMax {
			return nil
		}
		t := time.NewTimer(emitWindow - now.Sub(s.emits[0]))
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-t.C:
		}
	}
}

// open performs the handshake and waits for the socket.io connect packet.
func (s *socket) open(ctx context.Context) error {
	s.sid = ""
	body, err := s.get(ctx, s.endpoint)
	if err != nil {
		return fmt.Errorf("handshake: %w", err)
	}
	connected := false
	packets, err := splitPayload(body)
	if err != nil {
		return fmt.Errorf("handshake: %w", err)
	}
	for _, p := range packets {
		switch {
		case strings.HasPrefix(p, "0"):
			var h struct {
				SID          string `json:"sid"`
				PingInterval int    `json:"pingInterval"`
			}
			if err := json.Unmarshal([]byte(p[1:]), &h); err != nil || h.SID == "" {
				return fmt.Errorf("handshake: bad open packet %.200q", p)
			}
			s.sid = h.SID
			s.pingInterval = time.Duration(h.PingInterval) * time.Millisecond
			if s.pingInterval <= 0 {
				s.pingInterval = 25 * time.Second
			}
			s.lastPing = time.Now()
		case p == "40":
			connected = true
		}
	}
	if s.sid == "" {
		return fmt.Errorf("handshake: no sid in %.200q", body)
	}
	for !connected {
		packets, err := s.poll(ctx)
		if err != nil {
			s.sid = ""
			return fmt.Errorf("connect: %w", err)
		}
		for _, p := range packets {
			switch {
			case p == "40":
				connected = true
			case strings.HasPrefix(p, "44"):
				s.sid = ""
				return fmt.Errorf("connect refused: %.200s", p[2:])
			}
		}
	}
	return nil
}

// waitAck polls until the ack with id arrives, ignoring other packets.
func (s *socket) waitAck(ctx context.Context, id string) ([]byte, error) {
	prefix := "43" + id + "["
	for {
		packets, err := s.poll(ctx)
		if err != nil {
			return nil, err
		}
		for _, p := range packets {
			switch {
			case strings.HasPrefix(p, prefix):
				return []byte(p[len(prefix)-1:]), nil
			case p == "1" || strings.HasPrefix(p, "41"):
				return nil, errDisconnected
			}
		}
	}
}

func (s *socket) poll(ctx context.Context) ([]string, error) {
	body, err := s.get(ctx, s.endpoint+"&sid="+s.sid)
	if err != nil {
		return nil, err
	}
	return splitPayload(body)
}

func (s *socket) get(ctx context.Context, u string) (string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return "", err
	}
	return s.do(req)
}

func (s *socket) post(ctx context.Context, payload []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.endpoint+"&sid="+s.sid, bytes.NewReader(payload))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "text/plain;charset=UTF-8")
	_, err = s.do(req)
	return err
}

func (s *socket) do(req *http.Request) (string, error) {
	if s.userAgent != "" {
		req.Header.Set("User-Agent", s.userAgent)
	}
	resp, err := s.hc.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 16<<20))
	if err != nil {
		return "", err
	}
	if resp.StatusCode == http.StatusBadRequest {
		// {"code":1,"message":"Session ID unknown"}
		return "", fmt.Errorf("%w: HTTP 400: %.200s", errDisconnected, b)
	}
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("HTTP %s: %.200s", resp.Status, b)
	}
	return string(b), nil
}

// writeFrame appends "<len>:<packet>" for an ASCII packet.
func writeFrame(b *bytes.Buffer, packet string) {
	b.WriteString(strconv.Itoa(utf16Len(packet)))
	b.WriteByte(':')
	b.WriteString(packet)
}

// splitPayload splits "<len>:<packet>..." frames, len in UTF-16 code units.
// Binary frames ("b4...") are returned as they are.
func splitPayload(s string) ([]string, error) {
	var out []string
	for len(s) > 0 {
		colon := strings.IndexByte(s, ':')
		if colon <= 0 {
			return out, fmt.Errorf("bad frame at %.40q", s)
		}
		n, err := strconv.Atoi(s[:colon])
		if err != nil || n < 0 {
			return out, fmt.Errorf("bad frame length %.20q", s[:colon])
		}
		s = s[colon+1:]
		i, units := 0, 0
		for units < n && i < len(s) {
			r, size := utf8.DecodeRuneInString(s[i:])
			i += size
			units += runeUnits(r)
		}
		if units != n {
			return out, fmt.Errorf("short frame: want %d UTF-16 units, have %d", n, units)
		}
		out = append(out, s[:i])
		s = s[i:]
	}
	return out, nil
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += runeUnits(r)
	}
	return n
}

// runeUnits is how many UTF-16 code units r takes (an invalid rune is sent
// as U+FFFD: one).
func runeUnits(r rune) int {
	if l := utf16.RuneLen(r); l > 0 {
		return l
	}
	return 1
}

// asciiJSON escapes every non-ASCII rune of a JSON text as \uXXXX (UTF-16
// surrogate pairs above the BMP), so the frame length is the byte count and
// no proxy or server can miscount it. Non-ASCII runes only occur inside
// JSON strings, where the escape means the same.
func asciiJSON(b []byte) string {
	var sb strings.Builder
	sb.Grow(len(b))
	for _, r := range string(b) {
		if r < utf8.RuneSelf {
			sb.WriteRune(r)
			continue
		}
		if r1, r2 := utf16.EncodeRune(r); r1 != utf8.RuneError {
			fmt.Fprintf(&sb, `\u%04x\u%04x`, r1, r2)
			continue
		}
		fmt.Fprintf(&sb, `\u%04x`, r)
	}
	return sb.String()
}
