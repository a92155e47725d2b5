package names

import "testing"

func TestIsInitials(t *testing.T) {
	for s, want := range map[string]bool{
		"J": true, "JA": true, "J.-P.": true, "ABCD": true,
		"ABCDE": false, "Jo": false, "": false, ".-": false, "É": false,
	} {
		if got := IsInitials(s); got != want {
			t.Errorf("IsInitials(%q) = %v, want %v", s, got, want)
		}
	}
}
