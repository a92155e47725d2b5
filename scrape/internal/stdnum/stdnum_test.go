package stdnum

import (
	"regexp"
	"testing"
)

// The expected ISBN-13s were worked out by hand (prefix 978, the first nine
// digits of the ISBN-10, then the ISBN-13 check digit: weights 1,3,1,3…,
// (10 - sum mod 10) mod 10); 0-306-40615-2 → 978-0-306-40615-7 and
// 0-8044-2957-X → 978-0-8044-2957-3 are the examples of the ISBN
// article on Wikipedia.
func TestFindISBN(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"0-306-40615-2", "9780306406157"},
		{"080442957X", "9780804429573"},
		{"0-8044-2957-x", "9780804429573"},
		{"978-3-16-148410-0", "9783161484100"},
		{"ISBN 0 19 852663 6 (pbk.)", "9780198526636"},
		{"9780306406157; 0198526636", "9780306406157"},
		{"12978030640615789", ""}, // digits run on: no ISBN boundary
		{"123456789", ""},
		{"", ""},
	} {
		if got := FindISBN(c.in); got != c.want {
			t.Errorf("FindISBN(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestFindISSN(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"0028-0836", "0028-0836"},
		{"00280836", "0028-0836"},
		{"1476-4687 (Electronic); 0028-0836 (Linking)", "1476-4687"},
		{"0000-000x", "0000-000X"},
		{"12345-6789", ""}, // five digits before the hyphen
		{"ISSN none", ""},
		{"", ""},
	} {
		if got := FindISSN(c.in); got != c.want {
			t.Errorf("FindISSN(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

var (
	reISSNOut = regexp.MustCompile(`^[0-9]{4}-[0-9]{3}[0-9X]$`)
	reISBNOut = regexp.MustCompile(`^97[89][0-9]{10}$`)
)

// FuzzFind checks that any text gives "" or an identifier of the promised
// form, and that finding again in what was found gives it back.
func FuzzFind(f *testing.F) {
	for _, s := range []string{"0028-0836 (Print)", "ISBN 0-306-40615-2", "979-10-90636-07-1", "x1234567Xy", "\xff0000-0000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if v := FindISSN(s); v != "" && (!reISSNOut.MatchString(v) || FindISSN(v) != v) {
			t.Fatalf("FindISSN(%q) = %q", s, v)
		}
		if v := FindISBN(s); v != "" && (!reISBNOut.MatchString(v) || FindISBN(v) != v) {
			t.Fatalf("FindISBN(%q) = %q", s, v)
		}
	})
}

// 0000-0002-1825-009X is ORCID's own sample iD (its support pages); the
// check character X is upper case in the iD, and lower case in what some
// exports write.
func TestORCID(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"https://orcid.org/0000-0002-1825-0097", "0000-0002-1825-0097"},
		{"http://orcid.org/0000-0002-1825-009x", "0000-0002-1825-009X"},
		{" 0000-0002-1825-009X ", "0000-0002-1825-009X"},
		{"https://orcid.org/0000000218250097xxxx", ""}, // 19 characters, no dashes
		{"https://orcid.org/", ""},
		{"", ""},
	} {
		if got := ORCID(c.in); got != c.want {
			t.Errorf("ORCID(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
