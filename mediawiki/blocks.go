package mediawiki

import (
	"context"
	"fmt"
	"net/netip"
	"strings"
	"time"

	"cgt.name/pkg/go-mwclient/params"
)

// BlockInfo is a block as the wiki lists it (list=blocks).
type BlockInfo struct {
	ID int64
	// Target is the blocked user, IP or range as the wiki names it
	// (MediaWiki writes IPv6 in full, upper case).
	Target string
	// By is the user who placed the block.
	By     string
	Reason string
	// Timestamp is when the block was placed.
	Timestamp time.Time
	// Expiry is when it ends; the zero time means never.
	Expiry             time.Time
	AnonOnly, NoCreate bool
}

// BlockInfo returns the block placed on target itself: a user name, an IP
// or a CIDR range. Blocks of an enclosing range do not count, just as they
// do not make Block fail with ErrAlreadyBlocked. ErrNotFound means target
// has no block of its own. After ErrAlreadyBlocked, BlockInfo tells whose
// block it is: the bot's own, placed by a request whose answer was lost,
// or an administrator's.
func (c *Client) BlockInfo(ctx context.Context, target string) (BlockInfo, error) {
	op := fmt.Sprintf("block info %q", target)
	p := params.Values{
		"action": "query", "list": "blocks", "bklimit": "max",
		"bkprop": "id|user|by|expiry|reason|timestamp|flags",
	}
	prefix, isRange := parseRange(target)
	if isRange {
		// bkusers does not take ranges; bkip lists every block covering
		// the range, among them the range's own.
		p["bkip"] = target
	} else {
		p["bkusers"] = target
	}
	var r struct {
		Query struct {
			Blocks []struct {
				ID        int64  `json:"id"`
				User      string `json:"user"`
				By        string `json:"by"`
				Expiry    string `json:"expiry"`
				Reason    string `json:"reason"`
				Timestamp string `json:"timestamp"`
				AnonOnly  bool   `json:"anononly"`
				NoCreate  bool   `json:"nocreate"`
			} `json:"blocks"`
		} `json:"query"`
	}
	if err := c.call(ctx, request{op: op, params: p}, &r); err != nil {
		return BlockInfo{}, err
	}
	for _, b := range r.Query.Blocks {
		if isRange {
			if got, ok := parseRange(b.User); !ok || got != prefix {
				continue
			}
		}
		ts, err := parseTime(b.Timestamp)
		if err != nil {
			return BlockInfo{}, fmt.Errorf("%s: %w", op, err)
		}
		var expiry time.Time
		if !strings.HasPrefix(b.Expiry, "infinit") {
			if expiry, err = parseTime(b.Expiry); err != nil {
				return BlockInfo{}, fmt.Errorf("%s: %w", op, err)
			}
		}
		return BlockInfo{
			ID: b.ID, Target: b.User, By: b.By, Reason: b.Reason,
			Timestamp: ts, Expiry: expiry, AnonOnly: b.AnonOnly, NoCreate: b.NoCreate,
		}, nil
	}
	return BlockInfo{}, fmt.Errorf("%s: %w", op, ErrNotFound)
}

// parseRange parses a CIDR range such as "198.51.100.0/24" into its masked
// form; ok is false for anything else, single IPs included.
func parseRange(s string) (prefix netip.Prefix, ok bool) {
	if !strings.Contains(s, "/") {
		return netip.Prefix{}, false
	}
	pr, err := netip.ParsePrefix(strings.ToLower(s))
	if err != nil {
		return netip.Prefix{}, false
	}
	return pr.Masked(), true
}

// Unblock lifts the block placed on target (a user name, an IP or a CIDR
// range). ErrNotFound means target has no block of its own.
func (c *Client) Unblock(ctx context.Context, target, reason string) error {
	p := params.Values{"action": "unblock", "user": target}
	if reason != "" {
		p["reason"] = reason
	}
	return c.call(ctx, request{op: fmt.Sprintf("unblock %q", target), params: p, post: true, token: "csrf"}, nil)
}
