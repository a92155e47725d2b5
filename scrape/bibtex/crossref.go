package bibtex

import (
	"strings"
)

// Cross-referenced entries (BibTeX's and biblatex's crossref field,
// "BibTeXing" §4 and biblatex manual §2.4.1): a child entry (an
// @inproceedings, @incollection, @inbook) names its parent (the
// @proceedings, @collection, @book) and takes from it the fields it lacks.
// BibTeX asks for the parent after its children, as DBLP's exports with
// cross-references write it; biblatex also allows it before. Children
// wait for their parent; memory stays bounded by maxHeld.

// maxHeld and maxHeldBytes bound the children waiting for a parent and
// the parents kept for children that come later; past them an entry is
// read as it is.
const (
	maxHeld      = 10000
	maxHeldBytes = 32 << 20
)

// parentTypes are the entry types a crossref names (biblatex's
// multi-volume and collection types, BibTeX's @proceedings and @book).
var parentTypes = map[string]bool{
	"proceedings": true, "mvproceedings": true, "collection": true, "mvcollection": true, "book": true,
	"mvbook": true, "reference": true, "mvreference": true, "periodical": true, "booklet": true,
}

func size(e *Entry) int {
	n := 0
	for _, f := range e.Fields {
		n += len(f.Name) + len(f.Value)
	}
	return n
}

// inherited are the fields a child takes from its parent when it lacks
// them. Identifiers (doi, url, isbn, eprint) and the parent's own
// description (author, abstract, keywords, pages) are not inherited: a
// paper is not its proceedings.
var inherited = []string{"booktitle", "booksubtitle", "year", "date", "month", "publisher", "address", "location",
	"organization", "institution", "series", "volume", "journal", "journaltitle", "fjournal", "eventtitle", "language", "langid"}

// crossrefs holds the children waiting for their parents and the entries
// that may yet be parents.
type crossrefs struct {
	waiting map[string][]*Entry // by the parent's key, lower case
	held    int                 // entries waiting and parents kept
	bytes   int                 // their size
	parents map[string]*Entry   // entries seen that children may name later
}

// add takes the entry e in file order and returns the entries ready to be
// read, in order: e itself, unless it waits for its parent; and the
// children that were waiting for e.
func (c *crossrefs) add(e *Entry) []*Entry {
	if c.waiting == nil {
		c.waiting, c.parents = map[string][]*Entry{}, map[string]*Entry{}
	}
	key := strings.ToLower(strings.TrimSpace(e.Key))
	var out []*Entry
	if ref := strings.ToLower(strings.TrimSpace(e.Get("crossref"))); ref != "" && ref != key {
		if p := c.parents[ref]; p != nil {
			inherit(e, p)
			out = append(out, e)
		} else if c.held < maxHeld && c.bytes+size(e) <= maxHeldBytes {
			c.waiting[ref] = append(c.waiting[ref], e)
			c.held++
			c.bytes += size(e)
		} else {
			out = append(out, e)
		}
	} else {
		out = append(out, e)
	}
	if key == "" {
		return out
	}
	if kids := c.waiting[key]; len(kids) > 0 {
		for _, k := range kids {
			c.held--
			c.bytes -= size(k)
			inherit(k, e)
		}
		delete(c.waiting, key)
		out = append(out, kids...)
	}
	if parentTypes[e.Type] && c.held < maxHeld && c.bytes+size(e) <= maxHeldBytes {
		if _, dup := c.parents[key]; !dup {
			c.parents[key] = e
			c.held++
			c.bytes += size(e)
		}
	}
	return out
}

// rest returns the children whose parent never came, in file order: they
// are read as they are.
func (c *crossrefs) rest() []*Entry {
	var out []*Entry
	for _, kids := range c.waiting {
		out = append(out, kids...)
	}
	// File order: by line.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].Line < out[j-1].Line; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	c.waiting = nil
	return out
}

// inherit copies into child the fields of inherited it lacks from parent;
// the parent's title (and subtitle) is the child's booktitle, as biblatex's
// default inheritance maps them.
func inherit(child, parent *Entry) {
	has := func(name string) bool { return strings.TrimSpace(child.Get(name)) != "" }
	if !has("booktitle") {
		if t := parent.Get("booktitle"); strings.TrimSpace(t) != "" {
			child.Fields = append(child.Fields, Field{Name: "booktitle", Value: t})
		} else if t := parent.Get("title"); strings.TrimSpace(t) != "" {
			if sub := parent.Get("subtitle"); strings.TrimSpace(sub) != "" {
				t += ": " + sub
			}
			child.Fields = append(child.Fields, Field{Name: "booktitle", Value: t})
		}
	}
	for _, name := range inherited {
		if name == "booktitle" || has(name) {
			continue
		}
		if v := parent.Get(name); strings.TrimSpace(v) != "" {
			child.Fields = append(child.Fields, Field{Name: name, Value: v})
		}
	}
}
