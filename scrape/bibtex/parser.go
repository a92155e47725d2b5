package bibtex

import (
	"bufio"
	"errors"
	"fmt"
	"github.com/citegraph/citegraph/scrape/internal/pos"
	"io"
	"strings"
)

// Limits that keep memory bounded on damaged input.
const (
	maxValue = 16 << 20 // bytes in one field value
	maxEntry = 64 << 20 // bytes in one entry's fields together
)

// SyntaxError is a malformed part of a BibTeX file, with the line and
// column (in runes, 1-based) where it was found. The parser reports it and
// goes on at the next entry.
type SyntaxError = pos.Error

// Entry is one BibTeX entry as written: its type in lower case, its key
// (empty when the file gives none, as ProQuest's exports do), its fields in
// order with names in lower case and values with macros expanded and
// concatenations joined but LaTeX left as it is, and the line it starts on.
type Entry struct {
	Type   string
	Key    string
	Fields []Field
	Line   int
}

// Field is one "name = value" of an entry.
type Field struct {
	Name, Value string
}

// Get returns the value of the first field with the name (lower case), or
// "".
func (e *Entry) Get(name string) string {
	for _, f := range e.Fields {
		if f.Name == name {
			return f.Value
		}
	}
	return ""
}

// parser reads BibTeX from a stream one entry at a time.
type parser struct {
	br        *bufio.Reader
	line, col int  // position of the rune last read
	lastNL    bool // the rune last read was a newline
	back      []rune
	backPos   [][3]int
	macros    map[string]string
	size      int
}

// monthMacros are BibTeX's predefined month macros.
var monthMacros = map[string]string{
	"jan": "January", "feb": "February", "mar": "March", "apr": "April", "may": "May", "jun": "June",
	"jul": "July", "aug": "August", "sep": "September", "oct": "October", "nov": "November", "dec": "December",
}

func newParser(r io.Reader) *parser {
	p := &parser{br: bufio.NewReaderSize(r, 64<<10), line: 1, macros: map[string]string{}}
	for k, v := range monthMacros {
		p.macros[k] = v
	}
	return p
}

// read returns the next byte (as a rune: the structure of BibTeX is
// ASCII, and the bytes of other characters are copied through as they
// are), tracking the position.
func (p *parser) read() (rune, error) {
	if n := len(p.back); n > 0 {
		r := p.back[n-1]
		pos := p.backPos[n-1]
		p.back, p.backPos = p.back[:n-1], p.backPos[:n-1]
		p.line, p.col, p.lastNL = pos[0], pos[1], pos[2] == 1
		return r, nil
	}
	c, err := p.br.ReadByte()
	if err != nil {
		return 0, err
	}
	if p.lastNL {
		p.line++
		p.col = 0
	}
	if c&0xC0 != 0x80 { // columns count characters, not UTF-8 continuation bytes
		p.col++
	}
	p.lastNL = c == '\n'
	return rune(c), nil
}

// unread pushes r back; prev is the position before r was read.
func (p *parser) unread(r rune, prev [3]int) {
	p.back = append(p.back, r)
	p.backPos = append(p.backPos, [3]int{p.line, p.col, b2i(p.lastNL)})
	p.line, p.col, p.lastNL = prev[0], prev[1], prev[2] == 1
}

func isSpaceByte(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\v'
}

func isDigitByte(r rune) bool { return r >= '0' && r <= '9' }

// isWordByte reports ASCII letters and digits, '_', and the bytes of
// non-ASCII characters.
func isWordByte(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || isDigitByte(r) || r == '_' || r >= 0x80
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (p *parser) pos() [3]int { return [3]int{p.line, p.col, b2i(p.lastNL)} }

func (p *parser) errorf(format string, args ...any) *SyntaxError {
	return &SyntaxError{Line: p.line, Col: p.col, Msg: fmt.Sprintf(format, args...)}
}

// peek returns the next rune without consuming it.
func (p *parser) peek() (rune, error) {
	prev := p.pos()
	r, err := p.read()
	if err != nil {
		return 0, err
	}
	p.unread(r, prev)
	return r, nil
}

func (p *parser) skipSpace() error {
	for {
		prev := p.pos()
		r, err := p.read()
		if err != nil {
			return err
		}
		if !isSpaceByte(r) {
			p.unread(r, prev)
			return nil
		}
	}
}

// next returns the next entry. It skips text outside entries (comments,
// Scopus's header lines), @comment and @preamble, and records @string
// macros. A malformed entry gives a *SyntaxError; the caller calls next
// again to go on. At the end it returns io.EOF.
func (p *parser) next() (*Entry, error) {
	for {
		r, err := p.read()
		if err != nil {
			return nil, err
		}
		if r != '@' {
			continue
		}
		e, err := p.entry()
		if err == nil && e == nil {
			continue // @comment, @preamble, @string
		}
		return e, err
	}
}

// entry reads what follows an '@'.
func (p *parser) entry() (*Entry, error) {
	line, col := p.line, p.col
	typ, err := p.ident()
	if err != nil {
		return nil, p.eofError(err, line, col, "entry")
	}
	if typ == "" {
		return nil, p.errorf("expected an entry type after @")
	}
	typ = strings.ToLower(typ)
	if err := p.skipSpace(); err != nil {
		return nil, p.eofError(err, line, col, "@"+typ)
	}
	open, err := p.read()
	if err != nil {
		return nil, p.eofError(err, line, col, "@"+typ)
	}
	var closer rune
	switch open {
	case '{':
		closer = '}'
	case '(':
		closer = ')'
	default:
		if typ == "comment" {
			return nil, nil // "@comment text" is a comment to the end of the line
		}
		return nil, p.errorf("expected { or ( after @%s, found %q", typ, open)
	}
	switch typ {
	case "comment":
		_, err := p.balanced(open, closer, false)
		if err != nil {
			return nil, p.eofError(err, line, col, "@comment")
		}
		return nil, nil
	case "preamble":
		if _, err := p.value(closer); err != nil {
			return nil, p.wrap(err, line, col, "@preamble")
		}
		return nil, p.expectClose(closer, line, col, "@preamble")
	case "string":
		if err := p.skipSpace(); err != nil {
			return nil, p.eofError(err, line, col, "@string")
		}
		name, err := p.name(closer)
		if err != nil {
			return nil, p.wrap(err, line, col, "@string")
		}
		if err := p.expect('='); err != nil {
			return nil, p.wrap(err, line, col, "@string")
		}
		v, err := p.value(closer)
		if err != nil {
			return nil, p.wrap(err, line, col, "@string")
		}
		p.macros[strings.ToLower(name)] = v
		return nil, p.expectClose(closer, line, col, "@string")
	}
	e := &Entry{Type: typ, Line: line}
	p.size = 0
	// The key runs to the first comma; a '=' first means there is no key
	// and the text read is the first field's name.
	if err := p.skipSpace(); err != nil {
		return nil, p.eofError(err, line, col, "@"+typ)
	}
	var key strings.Builder
	for {
		prev := p.pos()
		r, err := p.read()
		if err != nil {
			return nil, p.eofError(err, line, col, "@"+typ)
		}
		if r == ',' {
			e.Key = strings.TrimSpace(key.String())
			break
		}
		if r == closer {
			e.Key = strings.TrimSpace(key.String())
			return e, nil
		}
		if r == '=' {
			p.unread(r, prev)
			name := strings.TrimSpace(key.String())
			if i := strings.LastIndexAny(name, " \t\r\n"); i >= 0 {
				// "@article{key title = …": the comma after the key is
				// missing; the last word is the field's name.
				e.Key, name = strings.TrimSpace(name[:i]), name[i+1:]
			}
			if err := p.fieldRest(e, name, closer); err != nil {
				return nil, p.wrap(err, line, col, "@"+typ)
			}
			break
		}
		if key.Len() > 1024 {
			return nil, p.errorf("entry key longer than 1024 bytes")
		}
		key.WriteByte(byte(r))
	}
	// Fields.
	for {
		if err := p.skipSpace(); err != nil {
			return nil, p.eofError(err, line, col, entryName(e))
		}
		r, err := p.read()
		if err != nil {
			return nil, p.eofError(err, line, col, entryName(e))
		}
		switch {
		case r == closer:
			return e, nil
		case r == ',':
			continue
		case r == '@':
			// A new entry where this one's fields should be: this one was
			// not closed.
			p.unread(r, p.pos())
			return nil, &SyntaxError{Line: line, Col: col, Msg: fmt.Sprintf("%s is not closed (an @ at line %d starts another)", entryName(e), p.line)}
		}
		p.unread(r, [3]int{p.line, p.col - 1, 0})
		name, err := p.name(closer)
		if err != nil {
			return nil, p.wrap(err, line, col, entryName(e))
		}
		if err := p.fieldRest(e, name, closer); err != nil {
			return nil, p.wrap(err, line, col, entryName(e))
		}
		if err := p.skipSpace(); err != nil {
			return nil, p.eofError(err, line, col, entryName(e))
		}
		prev := p.pos()
		r, err = p.read()
		if err != nil {
			return nil, p.eofError(err, line, col, entryName(e))
		}
		if r != ',' && r != closer {
			se := p.errorf("expected , or %c after field %s, found %q", closer, name, r)
			p.unread(r, prev) // it may start the next entry
			return nil, p.wrap(se, line, col, entryName(e))
		}
		p.unread(r, prev)
	}
}

func entryName(e *Entry) string {
	if e.Key != "" {
		return "@" + e.Type + "{" + e.Key
	}
	return "@" + e.Type
}

// fieldRest reads "= value" and adds the field.
func (p *parser) fieldRest(e *Entry, name string, closer rune) error {
	if name == "" {
		return p.errorf("expected a field name")
	}
	if err := p.expect('='); err != nil {
		return fieldError(name, err)
	}
	v, err := p.value(closer)
	if err != nil {
		return fieldError(name, err)
	}
	p.size += len(v)
	if p.size > maxEntry {
		return p.errorf("entry longer than %d MiB", maxEntry>>20)
	}
	e.Fields = append(e.Fields, Field{Name: strings.ToLower(name), Value: v})
	return nil
}

// fieldError names the field in err, keeping err's position once.
func fieldError(name string, err error) error {
	var se *SyntaxError
	if errors.As(err, &se) {
		return &SyntaxError{Line: se.Line, Col: se.Col, Msg: "field " + name + ": " + se.Msg}
	}
	return fmt.Errorf("field %s: %w", name, err)
}

// wrap adds the entry to an error, keeping its position.
func (p *parser) wrap(err error, line, col int, what string) error {
	var se *SyntaxError
	if errors.As(err, &se) {
		if strings.Contains(se.Msg, " is not closed") {
			return se
		}
		return &SyntaxError{Line: se.Line, Col: se.Col, Msg: what + ": " + strings.TrimPrefix(err.Error(), fmt.Sprintf("line %d, column %d: ", se.Line, se.Col))}
	}
	return p.eofError(err, line, col, what)
}

func (p *parser) eofError(err error, line, col int, what string) error {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return &SyntaxError{Line: line, Col: col, Msg: what + ": file ends inside it"}
	}
	var se *SyntaxError
	if errors.As(err, &se) {
		return err
	}
	return &SyntaxError{Line: p.line, Col: p.col, Msg: err.Error()}
}

func (p *parser) expect(want rune) error {
	if err := p.skipSpace(); err != nil {
		return err
	}
	r, err := p.read()
	if err != nil {
		return err
	}
	if r != want {
		return p.errorf("expected %q, found %q", want, r)
	}
	return nil
}

func (p *parser) expectClose(closer rune, line, col int, what string) error {
	if err := p.skipSpace(); err != nil {
		return p.eofError(err, line, col, what)
	}
	r, err := p.read()
	if err != nil {
		return p.eofError(err, line, col, what)
	}
	if r != closer {
		return p.errorf("%s: expected %c, found %q", what, closer, r)
	}
	return nil
}

// ident reads an entry type: letters, digits and "_-:.".
func (p *parser) ident() (string, error) {
	var b strings.Builder
	for {
		prev := p.pos()
		r, err := p.read()
		if err != nil {
			return b.String(), err
		}
		if isWordByte(r) || strings.ContainsRune("_-:.", r) {
			b.WriteByte(byte(r))
			if b.Len() > 64 {
				return "", p.errorf("entry type longer than 64 bytes")
			}
			continue
		}
		p.unread(r, prev)
		return b.String(), nil
	}
}

// name reads a field or macro name: anything but white space and the
// characters that end it. Web of Science writes names such as
// "Usage-Count-(Last-180-days)".
func (p *parser) name(closer rune) (string, error) {
	var b strings.Builder
	for {
		prev := p.pos()
		r, err := p.read()
		if err != nil {
			return "", err
		}
		if isSpaceByte(r) || r == '=' || r == ',' || r == '{' || r == '}' || r == '"' || r == '#' || r == '@' || (r == closer && b.Len() > 0 && closer == ')' && !strings.Contains(b.String(), "(")) {
			p.unread(r, prev)
			if b.Len() == 0 {
				return "", p.errorf("expected a field name, found %q", r)
			}
			return b.String(), nil
		}
		b.WriteByte(byte(r))
		if b.Len() > 256 {
			return "", p.errorf("field name longer than 256 bytes")
		}
	}
}

// value reads a field value: pieces joined by '#', each a braced or quoted
// string, a number, or a macro name.
func (p *parser) value(closer rune) (string, error) {
	var b strings.Builder
	for {
		if err := p.skipSpace(); err != nil {
			return "", err
		}
		r, err := p.read()
		if err != nil {
			return "", err
		}
		switch {
		case r == '{':
			s, err := p.balanced('{', '}', true)
			if err != nil {
				return "", err
			}
			b.WriteString(s)
		case r == '"':
			s, err := p.quoted()
			if err != nil {
				return "", err
			}
			b.WriteString(s)
		case isDigitByte(r):
			b.WriteByte(byte(r))
			for {
				prev := p.pos()
				r, err := p.read()
				if err != nil {
					return "", err
				}
				if !isDigitByte(r) {
					p.unread(r, prev)
					break
				}
				b.WriteByte(byte(r))
			}
		case isWordByte(r) && !isDigitByte(r):
			p.unread(r, [3]int{p.line, p.col - 1, 0})
			name, err := p.name(closer)
			if err != nil {
				return "", err
			}
			if v, ok := p.macros[strings.ToLower(name)]; ok {
				b.WriteString(v)
			} else {
				b.WriteString(name) // an undefined macro stands for itself
			}
		default:
			return "", p.errorf("expected a value, found %q", r)
		}
		if b.Len() > maxValue {
			return "", p.errorf("value longer than %d MiB", maxValue>>20)
		}
		if err := p.skipSpace(); err != nil {
			return "", err
		}
		r, err = p.peek()
		if err != nil {
			return "", err
		}
		if r != '#' {
			return b.String(), nil
		}
		_, _ = p.read()
	}
}

// balanced reads up to the closer that balances the opener already read
// and returns the text between them. With stopAtEntry, a line that starts
// with "@" and a letter inside the value is taken as the start of the next
// entry: the value ran away (a brace is missing).
func (p *parser) balanced(open, closer rune, stopAtEntry bool) (string, error) {
	var b strings.Builder
	depth := 1
	startLine, startCol := p.line, p.col
	atLineStart := false
	for {
		prev := p.pos()
		r, err := p.read()
		if err != nil {
			if err == io.EOF {
				return "", &SyntaxError{Line: startLine, Col: startCol, Msg: fmt.Sprintf("no closing %c (file ends)", closer)}
			}
			return "", err
		}
		if stopAtEntry && atLineStart && r == '@' {
			nr, err := p.peek()
			if err == nil && (nr >= 'a' && nr <= 'z' || nr >= 'A' && nr <= 'Z') {
				p.unread(r, prev)
				return "", &SyntaxError{Line: startLine, Col: startCol, Msg: fmt.Sprintf("no closing %c before the entry at line %d", closer, p.line+1)}
			}
		}
		switch r {
		case '\n':
			atLineStart = true
		case ' ', '\t', '\r':
		default:
			atLineStart = false
		}
		switch r {
		case open:
			depth++
		case closer:
			depth--
			if depth == 0 {
				return b.String(), nil
			}
		case '\\':
			// An escaped brace does not count.
			b.WriteByte(byte(r))
			nr, err := p.read()
			if err != nil {
				continue
			}
			if nr == '\n' {
				atLineStart = true
			}
			b.WriteByte(byte(nr))
			continue
		}
		b.WriteByte(byte(r))
		if b.Len() > maxValue {
			return "", &SyntaxError{Line: startLine, Col: startCol, Msg: fmt.Sprintf("value longer than %d MiB", maxValue>>20)}
		}
	}
}

// quoted reads a "…" value: up to a '"' outside braces.
func (p *parser) quoted() (string, error) {
	var b strings.Builder
	depth := 0
	startLine, startCol := p.line, p.col
	for {
		r, err := p.read()
		if err != nil {
			if err == io.EOF {
				return "", &SyntaxError{Line: startLine, Col: startCol, Msg: "no closing \" (file ends)"}
			}
			return "", err
		}
		switch r {
		case '{':
			depth++
		case '}':
			if depth > 0 {
				depth--
			}
		case '"':
			if depth == 0 {
				return b.String(), nil
			}
		case '\\':
			b.WriteByte(byte(r))
			if nr, err := p.read(); err == nil {
				b.WriteByte(byte(nr))
			}
			continue
		}
		b.WriteByte(byte(r))
		if b.Len() > maxValue {
			return "", &SyntaxError{Line: startLine, Col: startCol, Msg: fmt.Sprintf("value longer than %d MiB", maxValue>>20)}
		}
	}
}

// resync skips to the next '@' that starts a line (after white space), so
// that reading goes on after a malformed entry.
func (p *parser) resync() error {
	atLineStart := true
	for {
		prev := p.pos()
		r, err := p.read()
		if err != nil {
			return err
		}
		if r == '@' && atLineStart {
			p.unread(r, prev)
			return nil
		}
		switch r {
		case '\n':
			atLineStart = true
		case ' ', '\t', '\r':
		default:
			atLineStart = false
		}
	}
}
