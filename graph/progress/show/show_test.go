package show_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph/progress"
	"github.com/citegraph/citegraph/graph/progress/show"
)

// TestJSON: a stage gives its start, its last update (the ones between
// come within half a second of the start and are left out) and its end
// with the facts in order.
func TestJSON(t *testing.T) {
	var b bytes.Buffer
	r := show.JSON(&b)
	st := progress.Begin(r, "gather", 3)
	st.Add(1)
	st.Add(1)
	st.Add(1)
	r.Finish("gather", 1.23456, []progress.Fact{progress.F("records", 34), progress.F("format", "wos")})
	want := `{"stage":"gather","done":0,"total":3}
{"stage":"gather","done":3,"total":3}
{"stage":"gather","seconds":1.235,"records":34,"format":"wos"}
`
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

// TestBar: a bar on a buffer leaves the time of a long stage and nothing
// of a short one once both have finished.
func TestBar(t *testing.T) {
	var b bytes.Buffer
	r := show.Bar(&b)
	r.Start("render", 0)
	r.Finish("render", 2.5, nil)
	r.Start("pagerank", 10)
	r.Update("pagerank", 10, 10)
	r.Finish("pagerank", 0.01, nil)
	if out := b.String(); !strings.Contains(out, "render: 2.5 s\n") || strings.Contains(out, "pagerank: ") {
		t.Errorf("bar output %q", out)
	}
}
