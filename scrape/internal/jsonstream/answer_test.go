package jsonstream

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph"
)

// decodeTitles is a small answer reader on Answer: an array of objects
// with a title, a record each.
func decodeTitles(ctx context.Context, body string, emit func(graph.Record) error) error {
	a := Open(ctx, strings.NewReader(body), emit)
	if a.Shape.Top != '[' {
		return a.Finish(a.ErrAt(a.Delim('[')))
	}
	return a.Finish(a.Array(func() error {
		var v struct{ Title string }
		line, _, err := a.Value(&v)
		if err != nil {
			return err
		}
		return a.Emit(graph.Record{Title: v.Title, Source: graph.Source{Line: line}})
	}))
}

func TestAnswer(t *testing.T) {
	var got []string
	collect := func(r graph.Record) error { got = append(got, r.Title); return nil }
	// The second title is a number: reported at its line and column, the
	// record kept (with no title); the third object is cut short.
	err := decodeTitles(context.Background(), "[{\"title\":\"a\"},\n{\"title\":2},\n{\"title\":", collect)
	if strings.Join(got, ",") != "a," {
		t.Errorf("titles %q, want a and an empty one", got)
	}
	var se *SyntaxError
	if !errors.As(err, &se) || se.Line != 2 {
		t.Errorf("error %v, want a *SyntaxError at line 2 first", err)
	}
	if n := len(err.(interface{ Unwrap() []error }).Unwrap()); n != 2 {
		t.Errorf("%d problems, want 2 (the wrong type, the cut): %v", n, err)
	}

	// An error of emit is returned as it is, and ends the reading.
	stop := errors.New("stop")
	calls := 0
	err = decodeTitles(context.Background(), `[{"title":"a"},{"title":"b"}]`, func(graph.Record) error { calls++; return stop })
	if err != stop || calls != 1 {
		t.Errorf("error %v after %d calls, want stop after 1", err, calls)
	}

	// A cancelled context is returned as it is.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := decodeTitles(ctx, `[{"title":"a"}]`, collect); !errors.Is(err, context.Canceled) {
		t.Errorf("error %v, want context.Canceled", err)
	}
}
