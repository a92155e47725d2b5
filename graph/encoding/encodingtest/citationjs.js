// Reads a file written by citegraph with citation-js and prints, as JSON,
// the fields a reviewer relies on for each item it found. Run by the
// package's tests (which skip when node or the packages are missing):
//
//   NODE_PATH=DIR/node_modules node citationjs.js FORMAT FILE
//
// FORMAT is ris, bibtex or csljson; DIR is where
//   npm install --prefix DIR @citation-js/core@0.8.2 @citation-js/plugin-ris@0.8.2 \
//     @citation-js/plugin-bibtex@0.8.2 @citation-js/plugin-csl@0.8.2
// installed the packages.
const { Cite, plugins } = require('@citation-js/core')
require('@citation-js/plugin-ris')
require('@citation-js/plugin-bibtex')
require('@citation-js/plugin-csl')
const fs = require('fs')

const [format, file] = process.argv.slice(2)
const text = fs.readFileSync(file, 'utf8')
const types = { ris: '@ris/file', bibtex: '@biblatex/text', csljson: '@csl/list+object' }
const input = format === 'csljson' ? JSON.parse(text) : text
const data = plugins.input.chain(input, { forceType: types[format], generateGraph: false })
const out = data.map(x => ({
  type: x.type || '',
  title: x.title || '',
  authors: (x.author || []).map(a => [a.family || a.literal || '', a.given || '']),
  year: x.issued && x.issued['date-parts'] ? Number(x.issued['date-parts'][0][0]) || 0 : 0,
  container: x['container-title'] || '',
  volume: String(x.volume || ''),
  issue: String(x.issue || ''),
  page: String(x.page || ''),
  doi: (x.DOI || '').toLowerCase(),
  abstract: x.abstract || '',
  url: x.URL || '',
  keyword: x.keyword ? String(x.keyword) : '',
  databases: [].concat(x.source || []),
  note: x.note || '',
}))
process.stdout.write(JSON.stringify(out))
