package fetch

import (
	"net/url"
	"strings"
	"testing"
	"time"
)

// allowedURL is the check the Fetcher makes: the escaped path and query of
// a URL against the rules for agent.
func allowedURL(t *testing.T, robotstxt, agent, rawURL string) bool {
	t.Helper()
	u, err := url.Parse(rawURL)
	if err != nil {
		t.Fatal(err)
	}
	p := u.EscapedPath()
	if u.RawQuery != "" {
		p += "?" + u.RawQuery
	}
	return parseRobots([]byte(robotstxt), agent).allowed(p)
}

type robotsCase struct {
	url  string
	want bool
}

func checkRobots(t *testing.T, name, robotstxt, agent string, cases []robotsCase) {
	t.Helper()
	for _, c := range cases {
		if got := allowedURL(t, robotstxt, agent, c.url); got != c.want {
			t.Errorf("%s: %s as %s: allowed = %v, want %v", name, c.url, agent, got, c.want)
		}
	}
}

// The examples of Google's robots.txt specification, section "URL matching
// based on path values" and "Order of precedence for rules", as Google's own
// parser tests them (google/robotstxt, robots_test.cc,
// GoogleOnly_DocumentationChecks and ID_LongestMatch).
func TestRobotsGoogleExamples(t *testing.T) {
	const agent = "FooBot"
	checkRobots(t, "/fish", "user-agent: FooBot\ndisallow: /\nallow: /fish\n", agent, []robotsCase{
		{"http://foo.bar/bar", false},
		{"http://foo.bar/fish", true},
		{"http://foo.bar/fish.html", true},
		{"http://foo.bar/fish/salmon.html", true},
		{"http://foo.bar/fishheads", true},
		{"http://foo.bar/fishheads/yummy.html", true},
		{"http://foo.bar/fish.html?id=anything", true},
		{"http://foo.bar/Fish.asp", false},
		{"http://foo.bar/catfish", false},
		{"http://foo.bar/?id=fish", false},
	})
	checkRobots(t, "/fish*", "user-agent: FooBot\ndisallow: /\nallow: /fish*\n", agent, []robotsCase{
		{"http://foo.bar/bar", false},
		{"http://foo.bar/fish", true},
		{"http://foo.bar/fish.html", true},
		{"http://foo.bar/fish/salmon.html", true},
		{"http://foo.bar/fishheads", true},
		{"http://foo.bar/fishheads/yummy.html", true},
		{"http://foo.bar/fish.html?id=anything", true},
		{"http://foo.bar/Fish.bar", false},
		{"http://foo.bar/catfish", false},
		{"http://foo.bar/?id=fish", false},
	})
	checkRobots(t, "/fish/", "user-agent: FooBot\ndisallow: /\nallow: /fish/\n", agent, []robotsCase{
		{"http://foo.bar/bar", false},
		{"http://foo.bar/fish/", true},
		{"http://foo.bar/fish/salmon", true},
		{"http://foo.bar/fish/?salmon", true},
		{"http://foo.bar/fish/salmon.html", true},
		{"http://foo.bar/fish/?id=anything", true},
		{"http://foo.bar/fish", false},
		{"http://foo.bar/fish.html", false},
		{"http://foo.bar/Fish/Salmon.html", false},
	})
	checkRobots(t, "/*.php", "user-agent: FooBot\ndisallow: /\nallow: /*.php\n", agent, []robotsCase{
		{"http://foo.bar/bar", false},
		{"http://foo.bar/filename.php", true},
		{"http://foo.bar/folder/filename.php", true},
		{"http://foo.bar/folder/filename.php?parameters", true},
		{"http://foo.bar//folder/any.php.file.html", true},
		{"http://foo.bar/filename.php/", true},
		{"http://foo.bar/index?f=filename.php/", true},
		{"http://foo.bar/php/", false},
		{"http://foo.bar/index?php", false},
		{"http://foo.bar/windows.PHP", false},
	})
	checkRobots(t, "/*.php$", "user-agent: FooBot\ndisallow: /\nallow: /*.php$\n", agent, []robotsCase{
		{"http://foo.bar/bar", false},
		{"http://foo.bar/filename.php", true},
		{"http://foo.bar/folder/filename.php", true},
		{"http://foo.bar/filename.php?parameters", false},
		{"http://foo.bar/filename.php/", false},
		{"http://foo.bar/filename.php5", false},
		{"http://foo.bar/php/", false},
		{"http://foo.bar/filename?php", false},
		{"http://foo.bar/aaaphpaaa", false},
		{"http://foo.bar//windows.PHP", false},
	})
	checkRobots(t, "/fish*.php", "user-agent: FooBot\ndisallow: /\nallow: /fish*.php\n", agent, []robotsCase{
		{"http://foo.bar/bar", false},
		{"http://foo.bar/fish.php", true},
		{"http://foo.bar/fishheads/catfish.php?parameters", true},
		{"http://foo.bar/Fish.PHP", false},
	})
	// Order of precedence.
	checkRobots(t, "allow /p", "user-agent: FooBot\nallow: /p\ndisallow: /\n", agent, []robotsCase{{"http://example.com/page", true}})
	checkRobots(t, "tie", "user-agent: FooBot\nallow: /folder\ndisallow: /folder\n", agent, []robotsCase{{"http://example.com/folder/page", true}})
	checkRobots(t, "/*.htm", "user-agent: FooBot\nallow: /page\ndisallow: /*.htm\n", agent, []robotsCase{{"http://example.com/page.htm", false}})
	checkRobots(t, "/$", "user-agent: FooBot\nallow: /$\ndisallow: /\n", agent, []robotsCase{
		{"http://example.com/", true},
		{"http://example.com/page.html", false},
	})
	// ID_LongestMatch.
	const page = "http://foo.bar/x/page.html"
	checkRobots(t, "longest 1", "user-agent: FooBot\ndisallow: /x/page.html\nallow: /x/\n", agent, []robotsCase{{page, false}})
	checkRobots(t, "longest 2", "user-agent: FooBot\nallow: /x/page.html\ndisallow: /x/\n", agent, []robotsCase{
		{page, true}, {"http://foo.bar/x/", false},
	})
	checkRobots(t, "empty rules", "user-agent: FooBot\ndisallow: \nallow: \n", agent, []robotsCase{{page, true}})
	checkRobots(t, "equal /", "user-agent: FooBot\ndisallow: /\nallow: /\n", agent, []robotsCase{{page, true}})
	checkRobots(t, "/x vs /x/", "user-agent: FooBot\ndisallow: /x\nallow: /x/\n", agent, []robotsCase{
		{"http://foo.bar/x", false}, {"http://foo.bar/x/", true},
	})
	checkRobots(t, "equal page", "user-agent: FooBot\ndisallow: /x/page.html\nallow: /x/page.html\n", agent, []robotsCase{{page, true}})
	checkRobots(t, "page vs *.html", "user-agent: FooBot\nallow: /page\ndisallow: /*.html\n", agent, []robotsCase{
		{"http://foo.bar/page.html", false}, {"http://foo.bar/page", true},
	})
	checkRobots(t, "page. vs *.html", "user-agent: FooBot\nallow: /x/page.\ndisallow: /*.html\n", agent, []robotsCase{
		{page, true}, {"http://foo.bar/x/y.html", false},
	})
	checkRobots(t, "specific group", "User-agent: *\nDisallow: /x/\nUser-agent: FooBot\nDisallow: /y/\n", agent, []robotsCase{
		{"http://foo.bar/x/page", true}, {"http://foo.bar/y/page", false},
	})
}

// Groups, case, comments and line endings: robots_test.cc ID_LineSyntax_*,
// ID_REPLineNamesCaseInsensitive, ID_UserAgentValueCaseInsensitive,
// ID_GlobalGroups_Secondary, ID_SpecialCharacters.
func TestRobotsGroupsAndSyntax(t *testing.T) {
	groups := "allow: /foo/bar/\n\nuser-agent: FooBot\ndisallow: /\nallow: /x/\nuser-agent: BarBot\ndisallow: /\nallow: /y/\n\n\nallow: /w/\nuser-agent: BazBot\n\nuser-agent: FooBot\nallow: /z/\ndisallow: /\n"
	checkRobots(t, "groups FooBot", groups, "FooBot", []robotsCase{
		{"http://foo.bar/x/b", true}, {"http://foo.bar/z/d", true}, {"http://foo.bar/y/c", false}, {"http://foo.bar/foo/bar/", false},
	})
	checkRobots(t, "groups BarBot", groups, "BarBot", []robotsCase{
		{"http://foo.bar/y/c", true}, {"http://foo.bar/w/a", true}, {"http://foo.bar/z/d", false}, {"http://foo.bar/foo/bar/", false},
	})
	checkRobots(t, "groups BazBot", groups, "BazBot", []robotsCase{
		{"http://foo.bar/z/d", true}, {"http://foo.bar/foo/bar/", false},
	})

	for _, txt := range []string{
		"USER-AGENT: FooBot\nALLOW: /x/\nDISALLOW: /\n",
		"uSeR-aGeNt: FooBot\nAlLoW: /x/\ndIsAlLoW: /\n",
		"User-Agent: FOO BAR\nAllow: /x/\nDisallow: /\n", // value up to the first space, any case
		"user-agent FooBot\nallow /x/\ndisallow /\n",     // colon forgotten
		"user-agent: FooBot\r\nallow: /x/\r\ndisallow: /\r\n",
		"user-agent: FooBot\rallow: /x/\rdisallow: /",
		"\xEF\xBB\xBFuser-agent: FooBot\nallow: /x/\ndisallow: /\n",
	} {
		agent := "FooBot"
		if strings.Contains(txt, "FOO BAR") {
			agent = "foo" // the group names "FOO"; "BAR" is not part of the token
		}
		checkRobots(t, txt, txt, agent, []robotsCase{{"http://foo.bar/x/y", true}, {"http://foo.bar/a/b", false}})
	}
	checkRobots(t, "not a rule", "foo: FooBot\nbar: /\n", "FooBot", []robotsCase{{"http://foo.bar/x/y", true}})

	global := "user-agent: *\nallow: /\nuser-agent: FooBot\ndisallow: /\n"
	checkRobots(t, "global FooBot", global, "FooBot", []robotsCase{{"http://foo.bar/x/y", false}})
	checkRobots(t, "global BarBot", global, "BarBot", []robotsCase{{"http://foo.bar/x/y", true}})
	checkRobots(t, "only specific", "user-agent: FooBot\nallow: /\nuser-agent: BarBot\ndisallow: /\nuser-agent: BazBot\ndisallow: /\n", "QuxBot", []robotsCase{{"http://foo.bar/x/y", true}})
	checkRobots(t, "empty file", "", "FooBot", []robotsCase{{"http://foo.bar/x/y", true}})
	checkRobots(t, "case of paths", "user-agent: FooBot\ndisallow: /X/\n", "FooBot", []robotsCase{{"http://foo.bar/x/y", true}})

	checkRobots(t, "wildcard", "User-agent: FooBot\nDisallow: /foo/bar/quz\nAllow: /foo/*/qux\n", "FooBot", []robotsCase{
		{"http://foo.bar/foo/bar/quz", false}, {"http://foo.bar/foo/quz", true}, {"http://foo.bar/foo//quz", true}, {"http://foo.bar/foo/bax/quz", true},
	})
	checkRobots(t, "anchor", "User-agent: FooBot\nDisallow: /foo/bar$\nAllow: /foo/bar/qux\n", "FooBot", []robotsCase{
		{"http://foo.bar/foo/bar", false}, {"http://foo.bar/foo/bar/qux", true}, {"http://foo.bar/foo/bar/", true}, {"http://foo.bar/foo/bar/baz", true},
	})
	checkRobots(t, "comments", "User-agent: FooBot\n# Disallow: /\nDisallow: /foo/quz#qux\nAllow: /\n", "FooBot", []robotsCase{
		{"http://foo.bar/foo/bar", true}, {"http://foo.bar/foo/quz", false},
	})
}

// RFC 9309 §5.1 and §5.2.
func TestRobotsRFC9309Examples(t *testing.T) {
	const simple = `User-Agent: *
Disallow: *.gif$
Disallow: /example/
Allow: /publications/

User-Agent: foobot
Disallow:/
Allow:/example/page.html
Allow:/example/allowed.gif

User-Agent: barbot
User-Agent: bazbot
Disallow: /example/page.html

User-Agent: quxbot
`
	checkRobots(t, "rfc foobot", simple, "foobot", []robotsCase{
		{"http://example.com/example/page.html", true},
		{"http://example.com/example/allowed.gif", true},
		{"http://example.com/example/other.html", false},
		{"http://example.com/", false},
	})
	for _, bot := range []string{"barbot", "bazbot"} {
		checkRobots(t, "rfc "+bot, simple, bot, []robotsCase{
			{"http://example.com/example/page.html", false},
			{"http://example.com/example/other.html", true},
			{"http://example.com/image.gif", true},
		})
	}
	// quxbot's group has no rules: everything is allowed; the * group is not
	// consulted.
	checkRobots(t, "rfc quxbot", simple, "quxbot", []robotsCase{{"http://example.com/example/x", true}, {"http://example.com/a.gif", true}})
	checkRobots(t, "rfc other", simple, "citegraph", []robotsCase{
		{"http://example.com/a/b.gif", false},
		{"http://example.com/example/x", false},
		{"http://example.com/publications/x", true},
		{"http://example.com/a.gif?x", true},
	})
	longest := "User-Agent: foobot\nAllow: /example/page/\nDisallow: /example/page/disallowed.gif\n"
	checkRobots(t, "rfc longest", longest, "foobot", []robotsCase{
		{"http://example.com/example/page/", true},
		{"http://example.com/example/page/disallowed.gif", false},
	})
}

// Percent-encoding is normalised on both sides (RFC 3986 §6.2.2): a URL
// reaches the matcher escaped, as url.URL.EscapedPath gives it. Where
// Google's tests expect an unescaped URL or an escaped unreserved character
// in a rule to stay unmatched, we match: the encodings name the same path.
func TestRobotsEncoding(t *testing.T) {
	checkRobots(t, "query", "User-agent: FooBot\nDisallow: /\nAllow: /foo/bar?qux=taz&baz=http://foo.bar?tar&par\n", "FooBot", []robotsCase{
		{"http://foo.bar/foo/bar?qux=taz&baz=http://foo.bar?tar&par", true},
	})
	for _, rule := range []string{"/foo/bar/ツ", "/foo/bar/%E3%83%84", "/foo/bar/%e3%83%84"} {
		checkRobots(t, rule, "User-agent: FooBot\nDisallow: /\nAllow: "+rule+"\n", "FooBot", []robotsCase{
			{"http://foo.bar/foo/bar/%E3%83%84", true},
			{"http://foo.bar/foo/bar/ツ", true},
			{"http://foo.bar/foo/bar/x", false},
		})
	}
	checkRobots(t, "unreserved", "User-agent: FooBot\nDisallow: /\nAllow: /foo/bar/%62%61%7A\n", "FooBot", []robotsCase{
		{"http://foo.bar/foo/bar/baz", true},
		{"http://foo.bar/foo/bar/%62%61%7A", true},
	})
	// A literal * or $ in a URL is not a wildcard.
	checkRobots(t, "literal", "User-agent: *\nDisallow: /a*b$\nDisallow: /p$q\n", "x", []robotsCase{
		{"http://foo.bar/a*b", false},
		{"http://foo.bar/axxb", false},
		{"http://foo.bar/axxbc", true},
		{"http://foo.bar/p$q", false},
		{"http://foo.bar/pq", true},
	})
	if !parseRobots([]byte("User-agent: *\nDisallow: /\n"), "x").allowed("/robots.txt") {
		t.Error("/robots.txt must always be allowed")
	}
}

func TestRobotsCrawlDelay(t *testing.T) {
	txt := "User-agent: *\nCrawl-delay: 2.5\nDisallow: /private\n\nUser-agent: citegraph\nCrawl-delay: 4\nDisallow: /x\n"
	if d := parseRobots([]byte(txt), Robot).delay; d != 4*time.Second {
		t.Errorf("citegraph delay = %v, want 4s", d)
	}
	if d := parseRobots([]byte(txt), "other").delay; d != 2500*time.Millisecond {
		t.Errorf("other delay = %v, want 2.5s", d)
	}
	if d := parseRobots([]byte("User-agent: *\nCrawl-delay: soon\n"), Robot).delay; d != 0 {
		t.Errorf("bad delay read as %v", d)
	}
}

// A pattern of many stars against a long path must not take exponential
// time.
func TestRobotsNoBacktrackingBlowUp(t *testing.T) {
	pattern := "/" + strings.Repeat("*a", 40) + "b$"
	path := "/" + strings.Repeat("a", 5000)
	start := time.Now()
	r := parseRobots([]byte("User-agent: *\nDisallow: "+pattern+"\n"), "x")
	if !r.allowed(path) {
		t.Error("path without b was disallowed")
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("matching took %v", d)
	}
}

func FuzzRobots(f *testing.F) {
	f.Add([]byte("User-agent: *\nDisallow: /a*b$\nAllow: /a/\nCrawl-delay: 3\n"), "/a/xb")
	f.Add([]byte("user-agent FooBot\ndisallow /\r\nallow: /%E3%83%84\n"), "/%e3%83%84?x=1")
	f.Fuzz(func(t *testing.T, txt []byte, path string) {
		r := parseRobots(txt, Robot)
		r2 := parseRobots(txt, Robot)
		if r.allowed(path) != r2.allowed(path) {
			t.Fatal("not deterministic")
		}
		if !r.allowed("/robots.txt") {
			t.Fatal("/robots.txt disallowed")
		}
	})
}
