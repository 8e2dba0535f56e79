package store

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math"
	"net/netip"
	"strings"
	"time"
)

// Key part sizes; doc.go describes the key formats.
const (
	timeLen = 8
	seqLen  = 8
	idLen   = timeLen + seqLen // an event id: T SEQ
	ipLen   = 16
	sep     = 0x00
)

// The times a key can represent exactly; others are clamped.
var (
	minKeyTime = time.Unix(0, math.MinInt64)
	maxKeyTime = time.Unix(0, math.MaxInt64)
)

// appendTime appends t as 8 bytes that sort in time order: Unix nanoseconds
// with the sign bit flipped, big-endian.
func appendTime(b []byte, t time.Time) []byte {
	var n int64
	switch {
	case t.Before(minKeyTime):
		n = math.MinInt64
	case t.After(maxKeyTime):
		n = math.MaxInt64
	default:
		n = t.UnixNano()
	}
	return binary.BigEndian.AppendUint64(b, uint64(n)^(1<<63))
}

// parseTime decodes 8 bytes written by appendTime, in UTC.
func parseTime(b []byte) time.Time {
	return time.Unix(0, int64(binary.BigEndian.Uint64(b)^(1<<63))).UTC()
}

// eventID is an event's key in the events bucket and the suffix of its index
// keys.
func eventID(t time.Time, seq uint64) []byte {
	return binary.BigEndian.AppendUint64(appendTime(make([]byte, 0, idLen), t), seq)
}

// revKey is a record's key in the records bucket.
func revKey(revID int64) []byte {
	return binary.BigEndian.AppendUint64(nil, uint64(revID))
}

// recordTimeKey is a record's key in the records_by_time bucket.
func recordTimeKey(t time.Time, revID int64) []byte {
	return binary.BigEndian.AppendUint64(appendTime(make([]byte, 0, timeLen+8), t), uint64(revID))
}

// ipKey returns the 16-byte key prefix of ip's events, IPv4 mapped into IPv6.
func ipKey(ip netip.Addr) []byte {
	a := ip.As16()
	return a[:]
}

// prefixRange returns the first and last 16-byte addresses of p, IPv4
// prefixes mapped into IPv6, so that every address of p keys between them.
func prefixRange(p netip.Prefix) (lo, hi []byte) {
	p = p.Masked()
	bits := p.Bits()
	if p.Addr().Is4() {
		bits += 96
	}
	first := p.Addr().As16()
	last := first
	for i := bits; i < 128; i++ {
		last[i/8] |= 0x80 >> (i % 8)
	}
	return first[:], last[:]
}

// textKey returns s followed by the separator, the prefix of every key about
// s in a text-keyed bucket.
func textKey(s string) []byte {
	b := make([]byte, 0, len(s)+1+idLen)
	return append(append(b, s...), sep)
}

// checkText rejects text that cannot be part of a key.
func checkText(what, s string) error {
	if strings.IndexByte(s, sep) >= 0 {
		return fmt.Errorf("%s %q contains a NUL byte", what, s)
	}
	return nil
}

// join concatenates key parts into a new slice.
func join(parts ...[]byte) []byte {
	return bytes.Join(parts, nil)
}

// normalizeTarget returns a block target in canonical form, so every
// spelling of one target stores and finds the same blocks: an address
// without zone, IPv4-mapped IPv6 unmapped to IPv4; a prefix masked and
// unmapped the same way, or the bare address if it covers one address;
// anything else (a user name) unchanged.
func normalizeTarget(target string) string {
	target = strings.TrimSpace(validText(target))
	if p, err := netip.ParsePrefix(target); err == nil {
		if a := p.Addr(); a.Is4In6() && p.Bits() >= 96 {
			p = netip.PrefixFrom(a.Unmap(), p.Bits()-96)
		}
		if p.Bits() == p.Addr().BitLen() {
			return p.Addr().String()
		}
		return p.Masked().String()
	}
	if a, err := netip.ParseAddr(target); err == nil {
		return a.WithZone("").Unmap().String()
	}
	return target
}

// normalizeDomain returns a domain as the domain buckets key it.
func normalizeDomain(d string) string {
	return strings.TrimSuffix(strings.ToLower(strings.TrimSpace(validText(d))), ".")
}
