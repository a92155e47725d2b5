package opencitations

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// date is a date as precise as OpenCitations gives it: prec 1 (year), 2
// (month) or 3 (day).
type date struct {
	y, m, d int
	prec    int
}

func (d date) String() string {
	switch d.prec {
	case 1:
		return fmt.Sprintf("%04d", d.y)
	case 2:
		return fmt.Sprintf("%04d-%02d", d.y, d.m)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.y, d.m, d.d)
}

// parseDate reads "2003", "2003-10" or "2003-10-24".
func parseDate(s string) (date, string, bool) {
	s = strings.TrimSpace(s)
	parts := strings.Split(s, "-")
	if len(parts) == 0 || len(parts) > 3 || len(parts[0]) != 4 {
		return date{}, s, false
	}
	var v [3]int
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || (i > 0 && len(p) != 2) {
			return date{}, s, false
		}
		v[i] = n
	}
	d := date{y: v[0], m: v[1], d: v[2], prec: len(parts)}
	if d.y < 1000 || d.prec >= 2 && (d.m < 1 || d.m > 12) || d.prec == 3 && (d.d < 1 || d.d > daysIn(d.y, d.m)) {
		return date{}, s, false
	}
	return d, s, true
}

func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// span is an ISO 8601 duration as OpenCitations writes timespans: "P2Y9M",
// "P0Y11M27D", "-P1Y"; prec is the precision of its smallest part.
type span struct {
	neg     bool
	y, m, d int
	prec    int
}

func parseSpan(s string) (span, bool) {
	s = strings.TrimSpace(s)
	var sp span
	if strings.HasPrefix(s, "-") {
		sp.neg, s = true, s[1:]
	}
	if !strings.HasPrefix(s, "P") || len(s) < 3 {
		return span{}, false
	}
	s = s[1:]
	for s != "" {
		i := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == 0 || i == len(s) {
			return span{}, false
		}
		n, err := strconv.Atoi(s[:i])
		if err != nil || n > 10000 {
			return span{}, false
		}
		switch s[i] {
		case 'Y':
			sp.y, sp.prec = n, max(sp.prec, 1)
		case 'M':
			sp.m, sp.prec = n, max(sp.prec, 2)
		case 'D':
			sp.d, sp.prec = n, 3
		default:
			return span{}, false
		}
		s = s[i+1:]
	}
	return sp, sp.prec > 0
}

// CitedYear returns the publication year of a cited work from a citation's
// creation (the citing work's publication date) and timespan (the time
// from the cited work's publication to the citing work's, negative when
// the cited work came later), as OpenCitations computes it: at the
// precision both dates share, which the timespan shows — years only
// ("P5Y"), years and months ("P2Y9M"), or a whole date ("P0Y11M27D").
// "2003-10-24" and "P2Y9M" give 2001 (2003-10 less 2 years 9 months is
// 2001-01). ok is false when either is missing or malformed, or the
// creation is less precise than the timespan.
func CitedYear(creation, timespan string) (year int, ok bool) {
	c, _, okc := parseDate(creation)
	sp, oks := parseSpan(timespan)
	if !okc || !oks || c.prec < sp.prec {
		return 0, false
	}
	sign := -1
	if sp.neg {
		sign = 1
	}
	switch sp.prec {
	case 1:
		return c.y + sign*(sp.y+sp.m/12), true
	case 2:
		months := c.y*12 + (c.m - 1) + sign*(sp.y*12+sp.m)
		return floorDiv(months, 12), true
	}
	// Whole dates: years and months first, the day kept within the month,
	// then the days (as dateutil's relativedelta, which OpenCitations
	// uses).
	months := c.y*12 + (c.m - 1) + sign*(sp.y*12+sp.m)
	y, m := floorDiv(months, 12), months-floorDiv(months, 12)*12+1
	d := min(c.d, daysIn(y, m))
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).AddDate(0, 0, sign*sp.d)
	return t.Year(), true
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}
