package lines

import "strings"

// Field is one tagged field of a record as a line-tagged format writes
// it: its tag, its value and the continuation lines that follow it.
type Field struct {
	Tag   string
	Lines []string // the value on the tag's line, then each continuation line
}

// Value returns the field's lines joined by a space, trimmed.
func (f Field) Value() string { return strings.TrimSpace(strings.Join(f.Lines, " ")) }

// Fields are the fields of one record, in source order; a tag may come
// more than once.
type Fields []Field

// Add appends a field with its value.
func (fs *Fields) Add(tag, val string) { *fs = append(*fs, Field{Tag: tag, Lines: []string{val}}) }

// Continue appends a continuation line to the last field and reports
// whether there was one.
func (fs Fields) Continue(s string) bool {
	if len(fs) == 0 {
		return false
	}
	last := &fs[len(fs)-1]
	last.Lines = append(last.Lines, s)
	return true
}

// All returns the values (Value) of every field with one of the tags, in
// source order, the empty ones left out.
func (fs Fields) All(tags ...string) []string {
	var out []string
	for _, f := range fs {
		for _, t := range tags {
			if f.Tag == t {
				if v := f.Value(); v != "" {
					out = append(out, v)
				}
			}
		}
	}
	return out
}

// First returns the first non-empty value among the tags, tried in
// order, or "".
func (fs Fields) First(tags ...string) string {
	for _, t := range tags {
		if v := fs.All(t); len(v) > 0 {
			return v[0]
		}
	}
	return ""
}
