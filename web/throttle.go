package web

import (
	"container/list"
	"net/netip"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"
)

// throttle counts login attempts per key (an account or a client address).
// An attempt is reserved before the wiki is asked and released when the
// password was right, so parallel guesses cannot all reach the wiki before
// the first failure is counted.
type throttle struct {
	max    int
	window time.Duration
	now    func() time.Time
	mu     sync.Mutex
	keys   map[string]*list.Element // of *attempts
	order  *list.List               // least recently counted at the back
}

// attempts are one key's counted attempts, oldest first.
type attempts struct {
	key   string
	times []time.Time
}

// maxThrottleKeys bounds the attempt table; an attacker cycling names or
// addresses cannot grow it without bound. Past it, the keys counted least
// recently are dropped first, a locked key only when every key is locked.
const maxThrottleKeys = 10000

// maxUserName is the longest user name MediaWiki accepts (bytes); a longer
// one is never sent to the wiki and never becomes a key.
const maxUserName = 255

func newThrottle(max int, window time.Duration, now func() time.Time) *throttle {
	return &throttle{max: max, window: window, now: now, keys: map[string]*list.Element{}, order: list.New()}
}

// recent prunes a's attempts outside the window and returns how many are
// left. Call with mu held.
func (t *throttle) recent(a *attempts, now time.Time) int {
	i := 0
	for i < len(a.times) && now.Sub(a.times[i]) >= t.window {
		i++
	}
	a.times = a.times[i:]
	return len(a.times)
}

// reserve counts an attempt against every key, unless one of them has
// reached the limit: then it counts nothing and returns false.
func (t *throttle) reserve(keys ...string) bool {
	now := t.now()
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, k := range keys {
		if el, ok := t.keys[k]; ok && t.recent(el.Value.(*attempts), now) >= t.max {
			return false
		}
	}
	for _, k := range keys {
		el, ok := t.keys[k]
		if !ok {
			el = t.order.PushFront(&attempts{key: k})
			t.keys[k] = el
		}
		a := el.Value.(*attempts)
		a.times = append(a.times, now)
		t.order.MoveToFront(el)
	}
	t.evict(now)
	return true
}

// evict drops keys past maxThrottleKeys: empty ones and the least recently
// counted first, and a locked key only when no other is left. Call with mu
// held.
func (t *throttle) evict(now time.Time) {
	for len(t.keys) > maxThrottleKeys {
		victim := t.order.Back()
		for el := t.order.Back(); el != nil; el = el.Prev() {
			if t.recent(el.Value.(*attempts), now) < t.max {
				victim = el
				break
			}
		}
		delete(t.keys, victim.Value.(*attempts).key)
		t.order.Remove(victim)
	}
}

// release takes back one reserved attempt of each key: the password was
// right, or the wiki could not be asked.
func (t *throttle) release(keys ...string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, k := range keys {
		el, ok := t.keys[k]
		if !ok {
			continue
		}
		a := el.Value.(*attempts)
		if len(a.times) > 0 {
			a.times = a.times[:len(a.times)-1]
		}
		if len(a.times) == 0 {
			delete(t.keys, k)
			t.order.Remove(el)
		}
	}
}

// reset forgets key's attempts: an account's after a successful login.
func (t *throttle) reset(key string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if el, ok := t.keys[key]; ok {
		delete(t.keys, key)
		t.order.Remove(el)
	}
}

// len returns how many keys are counted, for tests.
func (t *throttle) len() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return len(t.keys)
}

// canonicalUser normalises a user name as MediaWiki does, so that the
// throttle counts one account under one key: underscores are spaces, runs
// of spaces collapse, the ends are trimmed and the first letter is upper
// case ("admin__" and "Admin" are one account). ok is false for a name
// MediaWiki would refuse: empty, not UTF-8, or longer than 255 bytes.
func canonicalUser(name string) (string, bool) {
	if !utf8.ValidString(name) || len(name) > 4*maxUserName {
		return "", false
	}
	name = strings.Join(strings.Fields(strings.ReplaceAll(name, "_", " ")), " ")
	r, n := utf8.DecodeRuneInString(name)
	if n == 0 || len(name) > maxUserName {
		return "", false
	}
	return string(unicode.ToUpper(r)) + name[n:], true
}

// addrKey is the throttle's key of a client address: the address itself
// for IPv4, its /64 for IPv6 (one host usually holds the whole /64).
func addrKey(addr string) string {
	a, err := netip.ParseAddr(addr)
	if err != nil {
		return "a:" + addr
	}
	a = a.Unmap()
	if a.Is6() {
		p, _ := a.Prefix(64)
		return "a:" + p.String()
	}
	return "a:" + a.String()
}
