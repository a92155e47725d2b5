package jsonstream

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/citegraph/citegraph/scrape/internal/pos"
)

// SyntaxError is a problem at a place in an answer: malformed JSON, a value
// of the wrong type, an answer cut short, with its line and column (in
// bytes, 1-based) and the cause in Err. Readers report it and go on with
// the next work where the JSON allows. It is the reader kit's positional
// error (scrape/internal/pos), named here.
type SyntaxError = pos.Error

// MaxValue is the most bytes one value a Decoder reads whole (a work, a
// string, a list decoded at once) may span. json.Decoder holds a value
// whole before decoding it, and what it decodes to is several times
// larger: a Crossref work with 2,000,000 references (some 120 MB of JSON)
// took 2 GB (issue 16). The largest real answers the readers' tests hold
// are a few MB a value (a Semantic Scholar paper with 1,000 citations:
// 2.7 MB); lists are read one item at a time and are not bounded.
const MaxValue = 32 << 20

// ErrValueTooLarge means one value of an answer spans more than MaxValue
// bytes; the answer is not read further.
var ErrValueTooLarge = fmt.Errorf("a single JSON value of more than %d MiB (the most one work, text or list read at once may take): not read", MaxValue>>20)

// lineReader is Lines that fails with ErrValueTooLarge once more than
// MaxValue bytes are read after the last mark.
type lineReader struct {
	*Lines
	mark int64 // offset when the Decoder last started a call
}

func newLineReader(r io.Reader) *lineReader { return &lineReader{Lines: NewLines(r)} }

func (lr *lineReader) Read(p []byte) (int, error) {
	if lr.off-lr.mark > MaxValue {
		return 0, ErrValueTooLarge
	}
	return lr.Lines.Read(p)
}

// Decoder is a json.Decoder that knows lines and columns.
type Decoder struct {
	*json.Decoder
	lr    *lineReader
	last  int64 // highest offset passed to lr.pos
	start int64 // where the value next (or last) found by Next starts
}

// NewDecoder returns a Decoder reading from r.
func NewDecoder(r io.Reader) *Decoder {
	lr := newLineReader(r)
	return &Decoder{Decoder: json.NewDecoder(lr), lr: lr, start: -1}
}

// Decode reads the next value into v, as json.Decoder's; a value of more
// than MaxValue bytes fails with ErrValueTooLarge.
func (d *Decoder) Decode(v any) error {
	d.lr.mark = d.lr.off
	return d.Decoder.Decode(v)
}

// Token returns the next token, as json.Decoder's; a string of more than
// MaxValue bytes fails with ErrValueTooLarge.
func (d *Decoder) Token() (json.Token, error) {
	d.lr.mark = d.lr.off
	return d.Decoder.Token()
}

// More reports whether the array or object has another element, as
// json.Decoder's; white space between values does not count towards
// MaxValue.
func (d *Decoder) More() bool {
	d.lr.mark = d.lr.off
	return d.Decoder.More()
}

func (d *Decoder) posAt(off int64) (int, int) {
	off = max(off, d.last)
	d.last = off
	return d.lr.Pos(off)
}

// valueStart returns the offset where the next value starts: the
// decoder's offset past white space, commas and colons.
func (d *Decoder) valueStart() int64 {
	off := d.InputOffset()
	buf := d.Buffered()
	var b [1]byte
	for {
		if _, err := buf.Read(b[:]); err != nil {
			break
		}
		if c := b[0]; c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != ',' && c != ':' {
			break
		}
		off++
	}
	return off
}

// Next returns the line and column where the next value starts, and
// remembers the place for ErrAt.
func (d *Decoder) Next() (int, int) {
	d.start = d.valueStart()
	return d.posAt(d.start)
}

// ErrAt makes err a *SyntaxError at the place it concerns. The offsets
// json.Decoder puts in its errors count from different places depending on
// the call, so the place is worked out here: a type error lies within the
// value whose start Next noted, at the offset the error gives within it; a
// syntax error is found again by scanning the value that failed from its
// start; an answer cut short ends at the last byte read.
func (d *Decoder) ErrAt(err error) error {
	if err == nil {
		return nil
	}
	var se *SyntaxError
	if errors.As(err, &se) {
		return err
	}
	off := d.InputOffset()
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		off = d.syntaxOffset()
		err = errors.New(strings.TrimPrefix(syn.Error(), "json: "))
	case errors.As(err, &typ):
		if d.start >= 0 {
			off = d.start + max(typ.Offset-1, 0)
		}
		what := typ.Field
		if what == "" {
			what = "value"
		}
		err = fmt.Errorf("%s: a JSON %s where %s was expected", what, typ.Value, goKind(typ.Type.Kind().String()))
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		off = d.lr.off
		err = errors.New("the answer ends in the middle (truncated?)")
	}
	l, c := d.posAt(off)
	return &SyntaxError{Line: l, Col: c, Err: err}
}

// syntaxOffset finds the offset of the byte that made the decoder fail,
// scanning again the value it was reading, which it still holds.
func (d *Decoder) syntaxOffset() int64 {
	start := d.valueStart()
	rest, _ := io.ReadAll(d.Buffered())
	skip := int(start - d.InputOffset())
	if skip > len(rest) {
		return start
	}
	var raw json.RawMessage
	err := json.NewDecoder(bytes.NewReader(rest[skip:])).Decode(&raw)
	var syn *json.SyntaxError
	if errors.As(err, &syn) && syn.Offset > 0 {
		return start + syn.Offset - 1
	}
	return start
}

func goKind(k string) string {
	switch k {
	case "string":
		return "a string"
	case "slice", "array":
		return "an array"
	case "struct", "map":
		return "an object"
	case "bool":
		return "true or false"
	}
	return "a number"
}

// Delim reads the next token and checks it is the delimiter want.
func (d *Decoder) Delim(want json.Delim) error {
	t, err := d.Token()
	if err != nil {
		return d.ErrAt(err)
	}
	if got, ok := t.(json.Delim); !ok || got != want {
		l, c := d.posAt(d.InputOffset())
		return &SyntaxError{Line: l, Col: c, Err: fmt.Errorf("expected %q, found %s", string(want), describe(t))}
	}
	return nil
}

func describe(t json.Token) string {
	switch v := t.(type) {
	case json.Delim:
		return strconv.Quote(string(v))
	case string:
		return "the string " + strconv.Quote(v)
	case nil:
		return "null"
	}
	return fmt.Sprint(t)
}

// Object reads an object, calling fn with each key; fn must read the
// key's value (or call Skip).
func (d *Decoder) Object(fn func(key string) error) error {
	if err := d.Delim('{'); err != nil {
		return err
	}
	for d.More() {
		t, err := d.Token()
		if err != nil {
			return d.ErrAt(err)
		}
		key, _ := t.(string)
		if err := fn(key); err != nil {
			return err
		}
	}
	return d.Delim('}')
}

// Array reads an array, calling fn for each element; fn must read the
// element (or call Skip). A null stands for an empty array.
func (d *Decoder) Array(fn func() error) error {
	t, err := d.Token()
	if err != nil {
		return d.ErrAt(err)
	}
	if t == nil {
		return nil
	}
	if got, ok := t.(json.Delim); !ok || got != '[' {
		l, c := d.posAt(d.InputOffset())
		return &SyntaxError{Line: l, Col: c, Err: fmt.Errorf("expected an array, found %s", describe(t))}
	}
	for d.More() {
		if err := fn(); err != nil {
			return err
		}
	}
	return d.Delim(']')
}

// Skip reads the next value, whatever it is, without keeping it.
func (d *Decoder) Skip() error {
	depth := 0
	for {
		t, err := d.Token()
		if err != nil {
			return d.ErrAt(err)
		}
		switch t {
		case json.Delim('{'), json.Delim('['):
			depth++
		case json.Delim('}'), json.Delim(']'):
			depth--
		}
		if depth == 0 {
			return nil
		}
	}
}

// Str is a string-valued field that some answers write as a number or
// leave null.
type Str string

// UnmarshalJSON reads a string, a number or a boolean (as written), or null.
func (s *Str) UnmarshalJSON(b []byte) error {
	switch {
	case len(b) == 0 || string(b) == "null":
		*s = ""
	case b[0] == '"':
		v, err := unquote(b)
		if err != nil {
			return err
		}
		*s = Str(v)
	case b[0] == '{' || b[0] == '[':
		*s = ""
		return &json.UnmarshalTypeError{Value: kindOf(b), Type: reflect.TypeFor[string]()}
	default:
		*s = Str(b) // a number or a boolean, as written
	}
	return nil
}

// unquote returns the string a JSON string literal holds, as
// encoding/json would (invalid UTF-8 and lone surrogates become U+FFFD),
// without its detour through reflection.
func unquote(b []byte) (string, error) {
	if len(b) < 2 || b[0] != '"' || b[len(b)-1] != '"' {
		var v string
		err := json.Unmarshal(b, &v)
		return v, err
	}
	inner := b[1 : len(b)-1]
	i := 0
	for i < len(inner) && inner[i] != '\\' && inner[i] >= 0x20 && inner[i] < utf8.RuneSelf {
		i++
	}
	if i == len(inner) {
		return string(inner), nil
	}
	var out strings.Builder
	out.Grow(len(inner))
	out.Write(inner[:i])
	for i < len(inner) {
		c := inner[i]
		switch {
		case c == '\\':
			if i+1 >= len(inner) {
				return "", errors.New("bad escape in string")
			}
			i++
			switch inner[i] {
			case '"', '\\', '/':
				out.WriteByte(inner[i])
			case 'b':
				out.WriteByte('\b')
			case 'f':
				out.WriteByte('\f')
			case 'n':
				out.WriteByte('\n')
			case 'r':
				out.WriteByte('\r')
			case 't':
				out.WriteByte('\t')
			case 'u':
				r, n := hex4(inner[i+1:])
				if n < 0 {
					return "", errors.New("bad \\u escape in string")
				}
				i += 4
				if utf16.IsSurrogate(r) {
					r2, n2 := rune(-1), -1
					if i+2 < len(inner) && inner[i+1] == '\\' && inner[i+2] == 'u' {
						r2, n2 = hex4(inner[i+3:])
					}
					if d := utf16.DecodeRune(r, r2); n2 >= 0 && d != utf8.RuneError {
						r = d
						i += 6
					} else {
						r = utf8.RuneError
					}
				}
				out.WriteRune(r)
			default:
				return "", errors.New("bad escape in string")
			}
			i++
		case c < 0x20:
			return "", errors.New("control character in string")
		case c < utf8.RuneSelf:
			out.WriteByte(c)
			i++
		default:
			r, size := utf8.DecodeRune(inner[i:])
			out.WriteRune(r) // utf8.RuneError for invalid bytes, as encoding/json
			i += size
		}
	}
	return out.String(), nil
}

// hex4 reads four hex digits; n is -1 when they are not there.
func hex4(b []byte) (r rune, n int) {
	if len(b) < 4 {
		return 0, -1
	}
	for _, c := range b[:4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return 0, -1
		}
		r = r*16 + rune(c)
	}
	return r, 4
}

// Num is an integer field that some answers write as a string ("2004",
// "2004a") or leave null; what is not a number reads as 0.
type Num int

// UnmarshalJSON reads the leading digits of a number or a string.
func (n *Num) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && (b[0] == '{' || b[0] == '[') {
		*n = 0
		return &json.UnmarshalTypeError{Value: kindOf(b), Type: reflect.TypeFor[int]()}
	}
	s := strings.Trim(string(b), `" `)
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	v, err := strconv.Atoi(s[:i])
	if err != nil || i == 0 {
		*n = 0
		return nil
	}
	*n = Num(v)
	return nil
}

// kindOf names the kind of a JSON value for messages.
func kindOf(b []byte) string {
	if len(b) > 0 && b[0] == '[' {
		return "array"
	}
	return "object"
}

// Strs is a list of strings that some answers write as a single string.
type Strs []string

// UnmarshalJSON reads an array of strings, a single string, or null.
func (l *Strs) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case len(b) == 0 || string(b) == "null":
		*l = nil
	case b[0] == '"':
		v, err := unquote(b)
		if err != nil {
			return err
		}
		*l = Strs{v}
	default:
		var v []Str
		if err := json.Unmarshal(b, &v); err != nil {
			return err
		}
		out := make(Strs, 0, len(v))
		for _, s := range v {
			out = append(out, string(s))
		}
		*l = out
	}
	return nil
}

// First returns the first non-empty string of the list.
func (l Strs) First() string {
	for _, s := range l {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}

// Shape is what the start of an answer shows of its structure: whether it
// is an object or an array (Top), the keys of the top-level object with the
// first token of each value (Keys: a string's value, json.Delim for an
// object or an array, nil for anything else), and for each key holding an
// object or an array of objects, the keys of that (first) object (Sub).
// Sub[""] holds the keys of the first element of a top-level array.
type Shape struct {
	Top  json.Delim
	Keys map[string]json.Token
	Sub  map[string]map[string]json.Token
}

// ScanShape reads as much of the shape as head holds; a head cut off in
// the middle gives what came before the cut. It scans bytes, without
// decoding what it skips, as it runs for every source the registry sniffs.
func ScanShape(head []byte) Shape {
	s := Shape{Keys: map[string]json.Token{}, Sub: map[string]map[string]json.Token{}}
	p := &scanner{b: head, ok: true}
	p.ws()
	switch p.peek() {
	case '[':
		s.Top = '['
		p.i++
		p.ws()
		if p.peek() == '{' {
			p.i++
			s.Sub[""] = p.keys(false)
		}
	case '{':
		s.Top = '{'
		p.i++
		p.members(func(key string, first json.Token) bool {
			s.Keys[key] = first
			switch first {
			case json.Delim('{'):
				s.Sub[key] = p.keys(false)
			case json.Delim('['):
				p.ws()
				if p.peek() != '{' {
					return p.skipRest()
				}
				p.i++
				s.Sub[key] = p.keys(true)
			}
			return p.ok
		})
	}
	return s
}

// scanner reads JSON bytes for ScanShape; ok turns false at the first
// malformed or missing byte, and every method then does nothing.
type scanner struct {
	b  []byte
	i  int
	ok bool
}

func (p *scanner) peek() byte {
	if p.i >= len(p.b) {
		p.ok = false
		return 0
	}
	return p.b[p.i]
}

func (p *scanner) ws() {
	for p.i < len(p.b) {
		switch p.b[p.i] {
		case ' ', '\t', '\r', '\n':
			p.i++
		default:
			return
		}
	}
}

// str reads a string at p.i.
func (p *scanner) str() string {
	start := p.i
	p.i++
	esc := false
	for p.i < len(p.b) {
		switch p.b[p.i] {
		case '\\':
			esc = true
			p.i += 2
			continue
		case '"':
			p.i++
			raw := p.b[start:p.i]
			if !esc {
				return string(raw[1 : len(raw)-1])
			}
			var v string
			if json.Unmarshal(raw, &v) != nil {
				p.ok = false
			}
			return v
		}
		p.i++
	}
	p.ok = false
	return ""
}

// skipStr reads past a string at p.i without keeping it.
func (p *scanner) skipStr() bool {
	for p.i++; p.i < len(p.b); p.i++ {
		switch p.b[p.i] {
		case '\\':
			p.i++
		case '"':
			p.i++
			return true
		}
	}
	p.ok = false
	return false
}

// first reads the first token of a value: a whole string or literal, or
// the delimiter of an object or an array.
func (p *scanner) first() json.Token {
	p.ws()
	switch c := p.peek(); {
	case !p.ok:
		return nil
	case c == '"':
		return p.str()
	case c == '{' || c == '[':
		p.i++
		return json.Delim(c)
	}
	for p.i < len(p.b) {
		switch p.b[p.i] {
		case ',', '}', ']', ' ', '\t', '\r', '\n':
			return nil
		}
		p.i++
	}
	p.ok = false
	return nil
}

// members reads the members of an object whose '{' was read, calling fn
// with each key and the first token of its value; fn reads the rest of
// the value and returns false to stop.
func (p *scanner) members(fn func(key string, first json.Token) bool) {
	for p.ok {
		p.ws()
		switch p.peek() {
		case '}':
			p.i++
			return
		case '"':
		default:
			p.ok = false
			return
		}
		key := p.str()
		p.ws()
		if p.peek() != ':' {
			p.ok = false
			return
		}
		p.i++
		t := p.first()
		if !p.ok || !fn(key, t) {
			return
		}
		p.ws()
		if p.peek() == ',' {
			p.i++
		}
	}
}

// keys reads the rest of an object whose '{' was read, returning its keys
// with the first token of each value; when inArray, it then reads the rest
// of the array the object stands in.
func (p *scanner) keys(inArray bool) map[string]json.Token {
	m := map[string]json.Token{}
	p.members(func(key string, first json.Token) bool {
		m[key] = first
		if first == json.Delim('{') || first == json.Delim('[') {
			return p.skipRest()
		}
		return true
	})
	if inArray && p.ok {
		_ = p.skipRest()
	}
	return m
}

// skipRest reads up to the end of the object or array the scanner is in.
func (p *scanner) skipRest() bool {
	depth := 1
	for p.i < len(p.b) {
		switch p.b[p.i] {
		case '"':
			if !p.skipStr() {
				return false
			}
			continue
		case '{', '[':
			depth++
		case '}', ']':
			depth--
			if depth == 0 {
				p.i++
				return true
			}
		}
		p.i++
	}
	p.ok = false
	return false
}

// TokString returns the token as a string ("" when it is not one).
func TokString(t json.Token) string {
	s, _ := t.(string)
	return s
}

// ErrorList collects the problems of one answer, keeping the first few.
type ErrorList struct {
	errs []error
	more int
}

const maxErrors = 20

// Add keeps err (nil is ignored), or counts it once the list is full.
func (l *ErrorList) Add(err error) {
	if err == nil {
		return
	}
	if len(l.errs) < maxErrors {
		l.errs = append(l.errs, err)
		return
	}
	l.more++
}

// Err returns the problems kept joined in one error, with a note of how
// many more there were, or nil when there were none.
func (l *ErrorList) Err() error {
	if len(l.errs) == 0 {
		return nil
	}
	errs := l.errs
	if l.more > 0 {
		errs = append(errs[:len(errs):len(errs)], fmt.Errorf("and %d more problems", l.more))
	}
	return errors.Join(errs...)
}
