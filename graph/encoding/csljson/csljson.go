package csljson

import (
	"bufio"
	"encoding/json"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/graph"
)

// Writer writes records as one CSL-JSON array.
type Writer struct {
	w   *bufio.Writer
	n   int
	err error
}

// NewWriter returns a Writer on w. Call Close to end the array, even when
// no record was written.
func NewWriter(w io.Writer) *Writer { return &Writer{w: bufio.NewWriter(w)} }

type name struct {
	Family string `json:"family,omitempty"`
	Given  string `json:"given,omitempty"`
}

type date struct {
	Parts [][]int `json:"date-parts"`
}

type item struct {
	ID             string `json:"id"`
	Type           string `json:"type"`
	Title          string `json:"title,omitempty"`
	Author         []name `json:"author,omitempty"`
	Issued         *date  `json:"issued,omitempty"`
	ContainerTitle string `json:"container-title,omitempty"`
	Volume         string `json:"volume,omitempty"`
	Issue          string `json:"issue,omitempty"`
	Page           string `json:"page,omitempty"`
	DOI            string `json:"DOI,omitempty"`
	URL            string `json:"URL,omitempty"`
	Abstract       string `json:"abstract,omitempty"`
	Keyword        string `json:"keyword,omitempty"`
	ISSN           string `json:"ISSN,omitempty"`
	ISBN           string `json:"ISBN,omitempty"`
	Publisher      string `json:"publisher,omitempty"`
	Language       string `json:"language,omitempty"`
	PMID           string `json:"PMID,omitempty"`
	PMCID          string `json:"PMCID,omitempty"`
	Note           string `json:"note,omitempty"`
}

// Write writes one record as an item.
func (w *Writer) Write(r *graph.Record) error {
	if w.err != nil {
		return w.err
	}
	it := item{
		ID: r.ID, Type: r.Type, Title: r.Title, ContainerTitle: r.Venue, Volume: r.Volume, Issue: r.Issue,
		Page: r.Pages, DOI: r.DOI, URL: r.URL, Abstract: r.Abstract, Publisher: r.Publisher, Language: r.Language,
		ISSN: r.Identifiers[graph.IDISSN], ISBN: r.Identifiers[graph.IDISBN],
		PMID: r.Identifiers[graph.IDPMID], PMCID: r.Identifiers[graph.IDPMCID],
	}
	if it.ID == "" {
		it.ID = "item-" + strconv.Itoa(w.n+1)
	}
	if it.Type == "" {
		it.Type = "document"
		if r.Venue != "" {
			it.Type = "article-journal"
		}
	}
	for _, a := range r.Authors {
		it.Author = append(it.Author, name{Family: a.Family, Given: a.Given})
	}
	if p := dateParts(r.Year, r.Date); p != nil {
		it.Issued = &date{Parts: [][]int{p}}
	}
	it.Keyword = strings.Join(r.Keywords, ", ")
	var notes []string
	for k, v := range r.Identifiers {
		switch k {
		case graph.IDISSN, graph.IDISBN, graph.IDPMID, graph.IDPMCID:
		default:
			notes = append(notes, k+": "+v)
		}
	}
	sort.Strings(notes)
	it.Note = strings.Join(notes, "\n")

	b, err := marshal(it)
	if err != nil {
		w.err = err
		return err
	}
	if w.n == 0 {
		w.w.WriteString("[\n")
	} else {
		w.w.WriteString(",\n")
	}
	w.w.Write(b)
	w.n++
	return nil
}

// Close ends the array and flushes; it does not close the underlying
// writer.
func (w *Writer) Close() error {
	if w.err != nil {
		return w.err
	}
	if w.n == 0 {
		w.w.WriteString("[")
	}
	w.w.WriteString("\n]\n")
	return w.w.Flush()
}

func marshal(v any) ([]byte, error) {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return []byte(strings.TrimSuffix(b.String(), "\n")), nil
}

// dateParts returns [year, month, day] as far as the date gives them.
func dateParts(year int, d string) []int {
	parts := strings.Split(d, "-")
	var out []int
	for i, p := range parts {
		if i > 2 {
			break
		}
		n, err := strconv.Atoi(p)
		if err != nil {
			break
		}
		out = append(out, n)
	}
	if len(out) == 0 {
		if year == 0 {
			return nil
		}
		return []int{year}
	}
	return out
}
