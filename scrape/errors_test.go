package scrape

import (
	"context"
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/scrape/medline"
	"github.com/citegraph/citegraph/scrape/ovid"
	"github.com/citegraph/citegraph/scrape/proquest"
	"github.com/citegraph/citegraph/scrape/ris"
	"github.com/citegraph/citegraph/scrape/wos"
)

// A problem's position is printed once (issue 16, item 6: "bad.ris:1:
// ris: line 1: record has no ER", "optics.isi:416: wos: line 416:
// \"AUGilles, H\" …"): the file's name and the line in the prefix, the
// reader's message without its own "line N:". A source with several
// problems gets a line for each, each with its own position. The inputs
// are hand-made, each with the malformation its reader reports; the
// expected lines are counted by hand.
func TestPositionOnce(t *testing.T) {
	twice := regexp.MustCompile(`: line \d+`)
	for _, c := range []struct {
		name, file, in, format string
		want                   string
		as                     func(error) bool
	}{
		{
			name: "ris without ER", file: "bad.ris", in: "TY  - JOUR\nTI  - x\n",
			want: "scrape: bad.ris:1: ris: file ends inside this record (no ER)",
			as:   func(err error) bool { var se *ris.SyntaxError; return errors.As(err, &se) && se.Line == 1 },
		},
		{
			name: "ris, two problems", file: "two.ris", in: "TY  - JOUR\nTI  - x\nTY  - JOUR\nTI  - y\n",
			want: "scrape: two.ris:1: ris: record has no ER (the next TY is at line 3)\n" +
				"scrape: two.ris:3: ris: file ends inside this record (no ER)",
			as: func(err error) bool { var se *ris.SyntaxError; return errors.As(err, &se) && se.Line == 1 },
		},
		{
			// The line of optics.isi that issue 16 quotes, in a record of
			// its own.
			name: "wos glued tag", file: "optics.isi", in: "FN Thomson Reuters Web of Science\nVR 1.0\nPT J\nAUGilles, H\nTI A title\nER\nEF\n",
			want: `scrape: optics.isi:4: wos: "AUGilles, H" is neither a field (two-letter tag and a space) nor an indented continuation line`,
			as:   func(err error) bool { var se *wos.SyntaxError; return errors.As(err, &se) && se.Line == 4 },
		},
		{
			name: "medline stray line", file: "x.nbib", in: "PMID- 3\nTI  - T\nstray\n",
			want: "scrape: x.nbib:3: medline: line is neither a field nor a continuation",
			as:   func(err error) bool { var se *medline.SyntaxError; return errors.As(err, &se) && se.Line == 3 },
		},
		{
			name: "ovid line before the first field", file: "x.cgi", in: "<1. >\nstray text\nTI  - A title\n", format: "ovid",
			want: "scrape: x.cgi:2: ovid: line before the record's first field (no tag), dropped",
			as:   func(err error) bool { var se *ovid.SyntaxError; return errors.As(err, &se) && se.Line == 2 },
		},
		{
			name: "proquest", file: "pq.txt", in: "Report Information from ProQuest\nDecember 07 2015 09:21\n____________________________________________________________\n\nDocument 1 of 2\n\nTitle: A\n",
			// "Document 1 of 2" and the file ends after the first: the
			// problem is put at the last line (7).
			want: "scrape: pq.txt:7: proquest-export: the export announces 2 documents, 1 were read (truncated?)",
			as:   func(err error) bool { var se *proquest.SyntaxError; return errors.As(err, &se) && se.Line == 7 },
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Default().Extract(context.Background(), c.file, strings.NewReader(c.in), c.format)
			if !c.as(err) {
				t.Errorf("error %v: not the reader's SyntaxError at the line expected", err)
			}
			if c.want != "" && (err == nil || err.Error() != c.want) {
				t.Errorf("message\n%v\nwant\n%s", err, c.want)
			}
			if err != nil && twice.MatchString(err.Error()) {
				t.Errorf("position printed twice: %v", err)
			}
		})
	}
}
