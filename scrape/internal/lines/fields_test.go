package lines

import (
	"strings"
	"testing"
)

func TestFields(t *testing.T) {
	var fs Fields
	if fs.Continue("lost") {
		t.Error("a continuation line with no field before it was kept")
	}
	fs.Add("AU", "Smith, J")
	fs.Add("AB", "First line")
	fs.Continue("second line ")
	fs.Add("AU", "")
	fs.Add("AU", "Jones, K")
	if got := strings.Join(fs.All("AU"), "; "); got != "Smith, J; Jones, K" {
		t.Errorf("All(AU) = %q", got)
	}
	if got := fs.First("TI", "AB", "AU"); got != "First line second line" {
		t.Errorf("First(TI, AB, AU) = %q", got)
	}
	if got := fs.First("TI"); got != "" {
		t.Errorf("First(TI) = %q, want none", got)
	}
}
