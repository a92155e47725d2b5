package fetch

import (
	"bytes"
	"strconv"
	"strings"
	"time"
)

// Robot is the product token citegraph looks for in robots.txt groups.
const Robot = "citegraph"

// robotsMaxBytes is how much of a robots.txt is read: RFC 9309 §2.5 asks
// crawlers to parse at least the first 500 KiB.
const robotsMaxBytes = 500 << 10

// robots is the part of one robots.txt that applies to one product token,
// as RFC 9309 defines it: the rules of every group naming the token (or,
// when none does, of every "*" group), matched longest pattern first with
// Allow winning a tie.
type robots struct {
	rules []robotsRule
	// delay is the group's Crawl-delay (not part of RFC 9309; Google ignores
	// it, many sites rely on it), 0 when none.
	delay time.Duration
	// disallowAll is set when robots.txt could not be fetched because the
	// server failed (RFC 9309 §2.3.1.4: assume complete disallow).
	disallowAll bool
}

type robotsRule struct {
	allow   bool
	pattern string // percent-encoding normalised; may hold * and a final $
	// text is the rule as robots.txt wrote it ("Disallow: /private/") and
	// line its 1-based line, for the error that reports a refusal.
	text string
	line int
}

// parseRobots reads a robots.txt for the product token agent.
func parseRobots(body []byte, agent string) *robots {
	if len(body) > robotsMaxBytes {
		body = body[:robotsMaxBytes]
	}
	body = bytes.TrimPrefix(body, []byte("\xEF\xBB\xBF"))
	agent = strings.ToLower(agent)

	type group struct {
		agents []string
		rules  []robotsRule
		delay  time.Duration
	}
	var groups []*group
	var cur *group
	inRules := false // the current group has had a rule line: the next user-agent starts a new group

	for n, line := range splitLines(body) {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		key, value, ok := strings.Cut(line, ":")
		if !ok {
			// "disallow /x" with the colon forgotten: Google reads it as
			// meant, and so do we.
			if key, value, ok = strings.Cut(strings.TrimSpace(line), " "); !ok {
				continue
			}
		}
		key = strings.ToLower(strings.TrimSpace(key))
		value = strings.TrimSpace(value)
		switch key {
		case "user-agent":
			if cur == nil || inRules {
				cur = &group{}
				groups = append(groups, cur)
				inRules = false
			}
			cur.agents = append(cur.agents, productToken(value))
		case "allow", "disallow":
			if cur == nil {
				continue // rules before any user-agent line belong to no group
			}
			inRules = true
			if value == "" {
				continue // "Disallow:" with no path allows everything: no rule
			}
			if value[0] != '/' && value[0] != '*' {
				value = "/" + value
			}
			name := "Disallow"
			if key == "allow" {
				name = "Allow"
			}
			cur.rules = append(cur.rules, robotsRule{allow: key == "allow", pattern: normalizeRobotsPath(value, true),
				text: name + ": " + value, line: n + 1})
		case "crawl-delay":
			if cur == nil {
				continue
			}
			inRules = true
			if s, err := strconv.ParseFloat(value, 64); err == nil && s > 0 && s < 1e6 {
				cur.delay = max(cur.delay, time.Duration(s*float64(time.Second)))
			}
		default:
			// sitemap and unknown lines neither start nor end a group.
		}
	}

	r := &robots{}
	collect := func(name string) bool {
		found := false
		for _, g := range groups {
			for _, a := range g.agents {
				if a == name {
					found = true
					r.rules = append(r.rules, g.rules...)
					r.delay = max(r.delay, g.delay)
					break
				}
			}
		}
		return found
	}
	if !collect(agent) {
		collect("*")
	}
	return r
}

// productToken returns the leading product token of a user-agent value,
// lower case: "FooBot/1.2 (+http://x)" gives "foobot"; "*" stays "*".
func productToken(v string) string {
	if strings.HasPrefix(v, "*") {
		return "*"
	}
	end := 0
	for end < len(v) {
		c := v[end]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '-' {
			end++
			continue
		}
		break
	}
	return strings.ToLower(v[:end])
}

// splitLines splits at CR, LF and CRLF.
func splitLines(b []byte) []string {
	s := string(b)
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.Split(s, "\n")
}

// allowed reports whether the path (with its query, as sent) may be
// fetched.
func (r *robots) allowed(path string) bool {
	ok, _ := r.decide(path)
	return ok
}

// decide reports whether the path may be fetched and the rule that
// decided, nil when none matched (or robots.txt could not be fetched).
func (r *robots) decide(path string) (bool, *robotsRule) {
	if r.disallowAll {
		return false, nil
	}
	if path == "" {
		path = "/"
	}
	if path == "/robots.txt" {
		return true, nil
	}
	path = normalizeRobotsPath(path, false)
	best, allow := -1, true
	var by *robotsRule
	for i, rule := range r.rules {
		if !matchRobots(rule.pattern, path) {
			continue
		}
		n := len(rule.pattern)
		if n > best || n == best && rule.allow {
			best, allow, by = n, rule.allow, &r.rules[i]
		}
	}
	return allow, by
}

// matchRobots reports whether pattern matches path from its start: * stands
// for any run of characters, a final $ anchors the end, and otherwise the
// pattern need only match a prefix.
func matchRobots(pattern, path string) bool {
	anchored := strings.HasSuffix(pattern, "$")
	if anchored {
		pattern = pattern[:len(pattern)-1]
	}
	// Two pointers with the last star remembered: linear in practice and
	// never exponential, whatever a hostile file holds.
	p, s := 0, 0
	star, mark := -1, 0
	for s < len(path) {
		switch {
		case p < len(pattern) && pattern[p] == '*':
			star, mark = p, s
			p++
		case p < len(pattern) && pattern[p] == path[s]:
			p++
			s++
		case p == len(pattern) && !anchored:
			return true // the whole pattern matched a prefix
		case star >= 0:
			mark++
			s = mark
			p = star + 1
		default:
			return false
		}
	}
	for p < len(pattern) && pattern[p] == '*' {
		p++
	}
	return p == len(pattern)
}

// normalizeRobotsPath brings a path or pattern to one percent-encoding
// (RFC 9309 §2.2.2): escapes of unreserved characters are decoded, other
// escapes get upper-case hex digits, and bytes outside printable ASCII
// (UTF-8 of non-ASCII characters, spaces) are escaped. In a pattern * and a
// final $ keep their meaning; in a path they are plain characters, escaped
// so that no pattern mistakes them for its own.
func normalizeRobotsPath(s string, pattern bool) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			v := unhex(s[i+1])<<4 | unhex(s[i+2])
			if isUnreserved(v) {
				b.WriteByte(v)
			} else {
				b.WriteByte('%')
				b.WriteByte(hex[v>>4])
				b.WriteByte(hex[v&15])
			}
			i += 2
		case c <= ' ' || c >= 0x7f:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		case !pattern && c == '*':
			b.WriteString("%2A")
		case c == '$' && (!pattern || i != len(s)-1):
			b.WriteString("%24") // only a pattern's final $ is an anchor
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c >= '0' && c <= '9':
		return c - '0'
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}

func isUnreserved(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
		c == '-' || c == '.' || c == '_' || c == '~'
}
