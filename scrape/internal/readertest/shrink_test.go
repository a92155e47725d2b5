package readertest

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
	"golang.org/x/net/html"
)

// TestShrink: the shrunk seeds keep their format and shape and are small.
// Inputs are hand-made in the shape of the package tests' files (a
// Crossref work list, a PMC-like page, a vcrpy cassette).
func TestShrink(t *testing.T) {
	long := strings.Repeat("x", 500)
	var items []string
	for range 50 {
		items = append(items, `{"DOI":"10.1/a","title":["`+long+`"],"reference":[{"key":"1"},{"key":"2"},{"key":"3"}]}`)
	}
	js := []byte(`{"message-type":"work-list","message":{"items":[` + strings.Join(items, ",") + `]}}`)
	small := ShrinkJSON(js)
	var v struct {
		Message struct {
			Items []struct {
				Title     []string
				Reference []any
			}
		}
	}
	if err := json.Unmarshal(small, &v); err != nil || len(v.Message.Items) != 2 || len(v.Message.Items[0].Title[0]) != 32 || len(v.Message.Items[0].Reference) != 2 {
		t.Errorf("ShrinkJSON: %s, %v", small, err)
	}
	if got := ShrinkJSON([]byte("not json " + long)); len(got) != len("not json ")+500 {
		t.Errorf("ShrinkJSON of text: %d bytes", len(got))
	}

	page := "<html><head><script>var x = 1;</script>" + strings.Repeat(`<meta name="citation_reference" content="r">`, 100) +
		"</head><body>" + strings.Repeat("<div><p>"+long+"</p></div>", 40) + "</body></html>"
	sp := ShrinkHTML([]byte(page))
	if _, err := html.Parse(bytes.NewReader(sp)); err != nil || bytes.Contains(sp, []byte("<script>")) ||
		bytes.Count(sp, []byte("<meta")) != 24 || bytes.Count(sp, []byte("<p>")) != 3 || len(sp) > FuzzCap {
		t.Errorf("ShrinkHTML: %d bytes: %s", len(sp), sp)
	}

	cas := "interactions:\n" + strings.Repeat("- request:\n    headers: {user-agent: [x], accept: ['*/*']}\n    uri: https://api.crossref.org/works\n  response:\n    headers: {Content-Type: [application/json], Date: [today]}\n    body: {string: '"+string(js)+"'}\n", 5)
	sc := ShrinkYAMLBodies([]byte(cas))
	var doc struct {
		Interactions []struct {
			Request  struct{ Headers map[string]any }
			Response struct {
				Headers map[string]any
				Body    struct{ String string }
			}
		}
	}
	if err := yaml.Unmarshal(sc, &doc); err != nil || len(doc.Interactions) != 2 || len(doc.Interactions[0].Request.Headers) != 0 ||
		len(doc.Interactions[0].Response.Headers) != 1 || !json.Valid([]byte(doc.Interactions[0].Response.Body.String)) || len(sc) > FuzzCap {
		t.Errorf("ShrinkYAMLBodies: %d bytes, %v:\n%s", len(sc), err, sc)
	}

	text := []byte(strings.Repeat(long+"\n", 100))
	if got := ShrinkLines(text, 2048); len(got) > 2048 || !bytes.HasPrefix(got, []byte(strings.Repeat("x", 120)+"\n")) {
		t.Errorf("ShrinkLines: %d bytes", len(got))
	}
}
