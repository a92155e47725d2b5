package jsonstream

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

func TestScanShape(t *testing.T) {
	for _, c := range []struct {
		name, head string
		want       Shape
	}{
		{"crossref list", `{"status":"ok","message-type":"work-list","message":{"total-results":2,"items":[{"DOI":"10.1/a"}]}}`, Shape{
			Top:  '{',
			Keys: map[string]json.Token{"status": "ok", "message-type": "work-list", "message": json.Delim('{')},
			Sub:  map[string]map[string]json.Token{"message": {"total-results": nil, "items": json.Delim('[')}},
		}},
		{"array of works", ` [ {"DOI":"10.1/a", "title":["A"]}, {"DOI":"10.1/b"}]`, Shape{
			Top:  '[',
			Keys: map[string]json.Token{},
			Sub:  map[string]map[string]json.Token{"": {"DOI": "10.1/a", "title": json.Delim('[')}},
		}},
		{"array of objects under a key", `{"results":[{"id":"https://openalex.org/W1","x":{"y":[1]}}],"meta":{"count":1}}`, Shape{
			Top:  '{',
			Keys: map[string]json.Token{"results": json.Delim('['), "meta": json.Delim('{')},
			Sub: map[string]map[string]json.Token{
				"results": {"id": "https://openalex.org/W1", "x": json.Delim('{')},
				"meta":    {"count": nil},
			},
		}},
		{"escaped key", `{"a\"b":"\u00e9","c":[1,2]}`, Shape{
			Top:  '{',
			Keys: map[string]json.Token{`a"b`: "é", "c": json.Delim('[')},
			Sub:  map[string]map[string]json.Token{},
		}},
		{"cut in the middle", `{"a":"x","b":{"c":`, Shape{
			Top:  '{',
			Keys: map[string]json.Token{"a": "x", "b": json.Delim('{')},
			Sub:  map[string]map[string]json.Token{"b": {}},
		}},
		{"not JSON", `TY  - JOUR`, Shape{Keys: map[string]json.Token{}, Sub: map[string]map[string]json.Token{}}},
		{"empty", ``, Shape{Keys: map[string]json.Token{}, Sub: map[string]map[string]json.Token{}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := ScanShape([]byte(c.head)); !reflect.DeepEqual(got, c.want) {
				t.Fatalf("got %#v\nwant %#v", got, c.want)
			}
		})
	}
	if TokString("x") != "x" || TokString(json.Delim('{')) != "" || TokString(nil) != "" {
		t.Fatal("TokString")
	}
}

type item struct {
	A Str `json:"a"`
}

// readItems reads an array of items, stopping at the first problem, and
// returns the lines the items start on.
func readItems(src string) ([]int, error) {
	d := NewDecoder(strings.NewReader(src))
	var lines []int
	err := d.Array(func() error {
		l, _ := d.Next()
		var it item
		if err := d.Decode(&it); err != nil {
			return d.ErrAt(err)
		}
		lines = append(lines, l)
		return nil
	})
	return lines, err
}

// The lines and columns are counted by hand in each source (from 1,
// columns in bytes).
func TestDecoderErrors(t *testing.T) {
	for _, c := range []struct {
		name, src string
		lines     []int
		err       string
	}{
		{"good", "[{\"a\":\"x\"},\n {\"a\":2},\n\n{\"a\":null}]", []int{1, 2, 4}, ""},
		{"null array", "null", nil, ""},
		{"wrong type", "[{\"a\":\"x\"},\n {\"a\":{\"b\":1}}]", []int{1}, "line 2, column 2: a: a JSON object where a string was expected"},
		{"syntax", "[{\"a\":\"x\"},\n{\"a\":\"y\",}]", []int{1}, "line 2, column 10: invalid character '}' looking for beginning of object key string"},
		{"truncated", "[{\"a\":\"x\"},\n{\"a\":", []int{1}, "line 2, column 6: the answer ends in the middle (truncated?)"},
		{"not an array", "\n  {\"a\":1}", nil, `line 2, column 4: expected an array, found "{"`},
		{"unclosed", "[{\"a\":\"x\"}", []int{1}, "line 1, column 11: the answer ends in the middle (truncated?)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			lines, err := readItems(c.src)
			if !reflect.DeepEqual(lines, c.lines) {
				t.Errorf("items on lines %v, want %v", lines, c.lines)
			}
			if c.err == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			var se *SyntaxError
			if !errors.As(err, &se) || err.Error() != c.err {
				t.Fatalf("error %v (%T), want %q", err, err, c.err)
			}
			if l, col := se.Position(); l != se.Line || col != se.Col || se.Unwrap() == nil {
				t.Fatal("Position or Unwrap")
			}
		})
	}
}

func TestObjectSkip(t *testing.T) {
	d := NewDecoder(strings.NewReader(`{"skip":{"x":[1,{"y":2}]},"keep":"v","also":[true]}`))
	var keys []string
	var keep Str
	err := d.Object(func(key string) error {
		keys = append(keys, key)
		if key == "keep" {
			return d.Decode(&keep)
		}
		return d.Skip()
	})
	if err != nil || keep != "v" || strings.Join(keys, ",") != "skip,keep,also" {
		t.Fatalf("keys %v, keep %q, err %v", keys, keep, err)
	}
}

func TestLooseTypes(t *testing.T) {
	var v struct {
		S []Str `json:"s"`
		N []Num `json:"n"`
		L []Strs
	}
	src := `{"s":["x\u00e9", 12, true, null, "a\nb"],
	"n":[1999, "2004a", "x", null, 2.5, "  7 "],
	"l":["one", ["a", 2, null], null, [" ", "b"]]}`
	if err := json.Unmarshal([]byte(src), &v); err != nil {
		t.Fatal(err)
	}
	if want := []Str{"xé", "12", "true", "", "a\nb"}; !reflect.DeepEqual(v.S, want) {
		t.Errorf("Str: %q, want %q", v.S, want)
	}
	if want := []Num{1999, 2004, 0, 0, 2, 7}; !reflect.DeepEqual(v.N, want) {
		t.Errorf("Num: %v, want %v", v.N, want)
	}
	if want := []Strs{{"one"}, {"a", "2", ""}, nil, {" ", "b"}}; !reflect.DeepEqual(v.L, want) {
		t.Errorf("Strs: %q, want %q", v.L, want)
	}
	if v.L[3].First() != "b" || v.L[2].First() != "" {
		t.Error("First")
	}
	for _, c := range []struct {
		src  string
		into any
	}{
		{`{"a":{"b":1}}`, new(struct{ A Str })},
		{`{"a":[1]}`, new(struct{ A Num })},
	} {
		err := json.Unmarshal([]byte(c.src), c.into)
		var te *json.UnmarshalTypeError
		if !errors.As(err, &te) || te.Field != "A" {
			t.Errorf("%s: %v, want a type error on field A", c.src, err)
		}
	}
}

func TestErrorList(t *testing.T) {
	var l ErrorList
	if l.Err() != nil {
		t.Fatal("empty list gives an error")
	}
	for i := range 25 {
		l.Add(fmt.Errorf("problem %d", i))
		l.Add(nil)
	}
	lines := strings.Split(l.Err().Error(), "\n")
	// 20 kept (maxErrors), then the count of the 5 others.
	if len(lines) != 21 || lines[0] != "problem 0" || lines[19] != "problem 19" || lines[20] != "and 5 more problems" {
		t.Fatalf("%d lines: %q", len(lines), lines)
	}
	// Err leaves the list as it was: what is added after it counts on.
	l.Add(errors.New("one more"))
	if again := strings.Split(l.Err().Error(), "\n"); len(again) != 21 || again[20] != "and 6 more problems" {
		t.Fatalf("after one more: %q", again[len(again)-1])
	}
}
