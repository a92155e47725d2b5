//go:build !unix

package sourcefile

import "os"

// openNonBlocking opens path; where O_NONBLOCK is not available a FIFO
// swapped in after Open's check could still block.
func openNonBlocking(path string) (*os.File, error) { return os.Open(path) }
