package scrape

import (
	"regexp"
	"strings"

	"github.com/citegraph/citegraph/graph"
)

// reRetractedTitle matches the prefix publishers put before the title of
// a work they retract ("RETRACTED: …" at Elsevier, SAGE and Wiley,
// "RETRACTED ARTICLE: …" at Springer, "Retracted article: …" at Taylor &
// Francis), which the databases copy. A retraction notice ("Retraction:
// …", "Retraction notice to …") is not matched: it is not retracted.
var reRetractedTitle = regexp.MustCompile(`^(?i:\[?retracted(?: article)?\]?\s*[:.\-–]|\[retracted\])`)

// Retraction marks r as retracted where the fields its reader kept say so:
// a document type naming a retracted publication (Web of Science's DT
// "Article; Retracted Publication", Scopus's "Retracted", PubMed's
// publication type) or a title the publisher marked (reRetractedTitle).
// Readers of structured answers set Record.Retracted themselves
// (OpenAlex's is_retracted, Crossref's updated-by).
func Retraction(r *graph.Record) {
	if r.Retracted {
		return
	}
	dt := strings.ToLower(r.DocumentType)
	r.Retracted = strings.Contains(dt, "retracted") || reRetractedTitle.MatchString(r.Title)
}
