package jsonstream

import (
	"encoding/json"
	"fmt"
	"testing"
)

func TestStripMarkup(t *testing.T) {
	for in, want := range map[string]string{
		"The <i>E. coli</i>  genome":     "The E. coli genome",
		"H<sub>2</sub>O &amp; CO&#8322;": "H2O & CO₂",
		"plain":                          "plain",
	} {
		if got := StripMarkup(in); got != want {
			t.Errorf("StripMarkup(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSomeKeys(t *testing.T) {
	keys := map[string]json.Token{}
	for _, k := range []string{"g", "b", "a", "f", "c", "e", "d"} {
		keys[k] = nil
	}
	if got := fmt.Sprintf("%q", SomeKeys(keys)); got != `["a" "b" "c" "d" "e" "…"]` {
		t.Errorf("SomeKeys = %s", got)
	}
	if got := SomeKeys(nil); len(got) != 0 {
		t.Errorf("SomeKeys(nil) = %q", got)
	}
}
