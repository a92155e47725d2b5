package jats

import (
	"errors"

	"github.com/citegraph/citegraph/scrape/internal/xmlread"
)

// PosError is a failure at a place in the source: the registry reports it as
// path:line:col. It is the type the XML readers share.
type PosError = xmlread.PosError

// ErrNotJATS means the XML has no JATS article in it.
var ErrNotJATS = errors.New("no JATS <article> element")
