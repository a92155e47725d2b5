package main

import "bytes"

// testStreams returns streams over buffers, for tests.
func testStreams() (streams, *bytes.Buffer, *bytes.Buffer) {
	var out, errOut bytes.Buffer
	return streams{in: bytes.NewReader(nil), out: &out, errOut: &errOut}, &out, &errOut
}
