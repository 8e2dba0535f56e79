package nodebb

import (
	"context"
	"fmt"
	"net/netip"
	"strings"
)

// Rule is one line of the forum's IP blacklist.
type Rule struct {
	// Prefix is the address (a /32 or /128) or IPv4 range the line names;
	// invalid when the line is a comment, blank, or not understood.
	Prefix  netip.Prefix
	Comment string // the text after '#', trimmed
	Line    string // the line as stored
}

// Covers reports whether the rule applies to addr. (NodeBB itself compares
// IPv6 addresses as strings: a rule not in canonical form may miss.)
func (r Rule) Covers(addr netip.Addr) bool {
	return r.Prefix.IsValid() && r.Prefix.Contains(addr.Unmap())
}

// Blacklist returns the forum's IP blacklist, one Rule per line.
func (c *Client) Blacklist(ctx context.Context) ([]Rule, error) {
	text, err := c.blacklistText(ctx)
	if err != nil {
		return nil, err
	}
	return parseRules(text), nil
}

func (c *Client) blacklistText(ctx context.Context) (string, error) {
	var r struct {
		Rules string `json:"rules"`
	}
	const op = "read ip blacklist"
	err := c.get(ctx, op, "/api/ip-blacklist", true, &r)
	if isNotFound(err) && c.sessionLost(ctx) {
		// An admin route answers 404 to guests.
		if err := c.relogin(ctx); err != nil {
			return "", opError(op, err)
		}
		err = c.get(ctx, op, "/api/ip-blacklist", true, &r)
	}
	if err != nil {
		return "", err
	}
	return r.Rules, nil
}

func parseRules(text string) []Rule {
	var out []Rule
	for _, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		if line == "" {
			continue
		}
		rule, comment, _ := strings.Cut(line, "#")
		out = append(out, Rule{Prefix: parseTarget(strings.TrimSpace(rule)), Comment: strings.TrimSpace(comment), Line: line})
	}
	return out
}

// parseTarget reads an address or a CIDR range; invalid on anything else.
func parseTarget(s string) netip.Prefix {
	if s == "" {
		return netip.Prefix{}
	}
	if a, err := netip.ParseAddr(s); err == nil {
		a = a.Unmap()
		return netip.PrefixFrom(a, a.BitLen())
	}
	if p, err := netip.ParsePrefix(s); err == nil {
		return p.Masked()
	}
	return netip.Prefix{}
}

// ruleText is how NodeBB wants a target written: an address alone, or an
// IPv4 CIDR range. NodeBB matches IPv6 addresses as strings, so they are
// written in their canonical (RFC 5952) form, as proxies send them.
func ruleText(p netip.Prefix) (string, error) {
	if !p.IsValid() {
		return "", fmt.Errorf("invalid address or range %s", p)
	}
	if a := p.Addr(); a.Is4In6() {
		if p.Bits() < 96 {
			return "", fmt.Errorf("%s is not an IPv4 range", p)
		}
		p = netip.PrefixFrom(a.Unmap(), p.Bits()-96)
	}
	p = p.Masked()
	if p.IsSingleIP() {
		return p.Addr().String(), nil
	}
	if !p.Addr().Is4() {
		return "", fmt.Errorf("NodeBB blacklists IPv6 addresses only one by one, not ranges like %s", p)
	}
	return p.String(), nil
}

// Block adds an address or range (a single address is a /32 or /128
// prefix) to the IP blacklist with the reason as a comment, keeping every
// other line. NodeBB then refuses logins and registrations from it (and,
// with a plugin like the test forum's, new posts). A target already listed
// is an AlreadyDone error; an IPv6 range or the loopback address, which
// NodeBB ignores, a Permanent one.
func (c *Client) Block(ctx context.Context, target netip.Prefix, reason string) error {
	op := fmt.Sprintf("blacklist %s", target)
	text, err := ruleText(target)
	if err != nil {
		return &Error{Op: op, Kind: Permanent, Code: "unsupported", Err: err}
	}
	if text == "127.0.0.1" || text == "::1" {
		return &Error{Op: op, Kind: Permanent, Code: "unsupported", Err: fmt.Errorf("NodeBB never blacklists %s", text)}
	}
	want := parseTarget(text)
	c.blacklistMu.Lock()
	defer c.blacklistMu.Unlock()
	cur, err := c.blacklistText(ctx)
	if err != nil {
		return opError(op, err)
	}
	for _, r := range parseRules(cur) {
		if r.Prefix == want {
			return &Error{Op: op, Kind: AlreadyDone, Code: "already-listed"}
		}
	}
	line := text
	if reason = strings.TrimSpace(strings.ReplaceAll(oneLine(reason), "#", "")); reason != "" {
		line += " # " + reason
	}
	if cur != "" && !strings.HasSuffix(cur, "\n") {
		cur += "\n"
	}
	return c.saveBlacklist(ctx, op, cur+line)
}

// Unblock removes the lines naming exactly this address or range (not
// enclosing ranges) from the IP blacklist, keeping every other line. A
// target not listed is an AlreadyDone error.
func (c *Client) Unblock(ctx context.Context, target netip.Prefix) error {
	op := fmt.Sprintf("unblacklist %s", target)
	text, err := ruleText(target)
	if err != nil {
		return &Error{Op: op, Kind: Permanent, Code: "unsupported", Err: err}
	}
	want := parseTarget(text)
	c.blacklistMu.Lock()
	defer c.blacklistMu.Unlock()
	cur, err := c.blacklistText(ctx)
	if err != nil {
		return opError(op, err)
	}
	var keep []string
	found := false
	for _, line := range strings.Split(strings.ReplaceAll(cur, "\r\n", "\n"), "\n") {
		rule, _, _ := strings.Cut(line, "#")
		if parseTarget(strings.TrimSpace(rule)) == want {
			found = true
			continue
		}
		keep = append(keep, line)
	}
	if !found {
		return &Error{Op: op, Kind: AlreadyDone, Code: "not-listed"}
	}
	return c.saveBlacklist(ctx, op, strings.Join(keep, "\n"))
}

func (c *Client) saveBlacklist(ctx context.Context, op, text string) error {
	_, err := c.emit(ctx, op, "blacklist.save", text)
	return err
}
