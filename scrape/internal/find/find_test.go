package find

import (
	"regexp"
	"testing"
)

func TestYear(t *testing.T) {
	for _, c := range []struct {
		in          string
		year, cited int
	}{
		{"2016 Jan 15", 2016, 2016},
		{"DEC 2019", 2019, 2019},
		{"Smith J, 1998a, J FINANC", 0, 1998},
		{"(1998b)", 0, 1998},
		{"vol. 12000, 1499 and 2100", 0, 0},
		{"pp. 1501-1620", 1501, 1501},
		{"", 0, 0},
	} {
		if got := Year(c.in); got != c.year {
			t.Errorf("Year(%q) = %d, want %d", c.in, got, c.year)
		}
		if got := CitedYear(c.in); got != c.cited {
			t.Errorf("CitedYear(%q) = %d, want %d", c.in, got, c.cited)
		}
	}
}

// The end rules the readers use, each with the regular expression DOI
// replaces.
var doiRules = []struct {
	ends string
	re   *regexp.Regexp
}{
	{"", regexp.MustCompile(`10\.\d{4,9}/\S+`)},
	{`"<>`, regexp.MustCompile(`10\.\d{4,9}/[^\s"<>]+`)},
	{";,", regexp.MustCompile(`10\.\d{4,9}/[^\s;,]+`)},
	{",]", regexp.MustCompile(`10\.\d{4,9}/[^\s,\]]+`)},
}

func TestDOI(t *testing.T) {
	for _, c := range []struct{ in, ends, want string }{
		{"https://doi.org/10.1038/nature10167 x", "", "10.1038/nature10167"},
		{`<a href="https://doi.org/10.1000/xyz">`, `"<>`, "10.1000/xyz"},
		{"DOI 10.1016/j.x.2019.01.001, PMID 1", ",]", "10.1016/j.x.2019.01.001"},
		{"10.123/x 10.12345678901/y 10.10.1234/z", "", "10.1234/z"},
		{"10.1234/ 10.1234/;", ";,", ""},
		{"", "", ""},
	} {
		if got := DOI(c.in, c.ends); got != c.want {
			t.Errorf("DOI(%q, %q) = %q, want %q", c.in, c.ends, got, c.want)
		}
	}
}

// DOI finds what the regular expressions it replaces find.
func FuzzDOI(f *testing.F) {
	for _, s := range []string{"doi:10.1038/nature10167.", "10.1000/a\"b<c>d,e;f]g h", "10.12345678901/x 10.1234/\xff", "10.10.1234/z\f"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, r := range doiRules {
			if got, want := DOI(s, r.ends), r.re.FindString(s); got != want {
				t.Fatalf("DOI(%q, %q) = %q, the expression finds %q", s, r.ends, got, want)
			}
		}
	})
}
