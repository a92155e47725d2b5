package jsonstream

import (
	"encoding/json"
	"testing"
)

// FuzzUnquote checks unquote against encoding/json on every valid string
// literal (the only ones it is given: json.Decoder has checked the syntax
// before UnmarshalJSON runs).
func FuzzUnquote(f *testing.F) {
	for _, s := range []string{`plain`, `a\/b\"c\\`, `\u00e9\ud83d\ude00`, `\ud83d`, `\ud83dx`, "\xff", `\ud800\u0041`, "é\t"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, inner []byte) {
		b := append(append([]byte{'"'}, inner...), '"')
		var want string
		if json.Unmarshal(b, &want) != nil {
			return
		}
		if got, err := unquote(b); err != nil || got != want {
			t.Fatalf("unquote(%q) = %q, %v; encoding/json gives %q", b, got, err, want)
		}
	})
}
