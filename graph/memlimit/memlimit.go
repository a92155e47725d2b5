// Package memlimit keeps a process's Go heap within the memory of the
// machine (or of its cgroup): citegraph sets it at start, and so can a
// program that embeds citegraph's stages on large corpora.
package memlimit

import (
	"bufio"
	"bytes"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
)

// Share is the share of the machine's memory (or of the cgroup's
// limit, when lower) that citegraph's heap is kept under when GOMEMLIMIT
// is not set: the Go collector otherwise lets the heap grow to twice what
// is live, which on a corpus of a million records is more than the
// machine has.
const Share = 2.0 / 3

// Set sets the Go runtime's soft memory limit to Share of
// the memory available, unless GOMEMLIMIT says otherwise or the memory
// cannot be read.
func Set() {
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	meminfo, _ := os.ReadFile("/proc/meminfo")
	cgroup, _ := os.ReadFile("/sys/fs/cgroup/memory.max")
	if avail := Available(meminfo, cgroup); avail > 0 {
		debug.SetMemoryLimit(int64(float64(avail) * Share))
	}
}

// Available returns the bytes of MemTotal in meminfo (the text of
// /proc/meminfo), or the cgroup v2 limit (the text of memory.max) when it
// is lower; 0 when neither gives a number.
func Available(meminfo, cgroup []byte) int64 {
	var total int64
	sc := bufio.NewScanner(bytes.NewReader(meminfo))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) == 3 && f[0] == "MemTotal:" && f[2] == "kB" {
			if kb, err := strconv.ParseInt(f[1], 10, 64); err == nil && kb > 0 {
				total = kb << 10
			}
		}
	}
	if lim, err := strconv.ParseInt(strings.TrimSpace(string(cgroup)), 10, 64); err == nil && lim > 0 {
		if total == 0 || lim < total {
			total = lim
		}
	}
	return total
}
