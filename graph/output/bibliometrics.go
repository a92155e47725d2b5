package output

import (
	"context"
	"encoding/json"
	"io"

	"github.com/citegraph/citegraph/analysis/biblio"
)

// writeBibliometrics writes bibliometrics.json: biblio.Compute over the
// works the records describe.
func writeBibliometrics(_ context.Context, w *Writer) error {
	g := w.In.Graph
	sum := biblio.Compute(g, biblio.Docs(g, w.In.Records), biblio.Options{ReferenceYear: w.Opt.ReferenceYear})
	return w.File("bibliometrics.json", func(f io.Writer) error {
		enc := json.NewEncoder(f)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(struct {
			Generator string `json:"generator"`
			biblio.Summary
		}{w.Opt.Generator, sum})
	})
}
