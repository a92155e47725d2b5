package main

import (
	"bufio"
	"bytes"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
)

// memoryShare is the share of the machine's memory (or of the cgroup's
// limit, when lower) that citegraph's heap is kept under when GOMEMLIMIT
// is not set: the Go collector otherwise lets the heap grow to twice what
// is live, which on a corpus of a million records is more than the
// machine has.
const memoryShare = 2.0 / 3

// setMemoryLimit sets the Go runtime's soft memory limit to memoryShare of
// the memory available, unless GOMEMLIMIT says otherwise or the memory
// cannot be read.
func setMemoryLimit() {
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	meminfo, _ := os.ReadFile("/proc/meminfo")
	cgroup, _ := os.ReadFile("/sys/fs/cgroup/memory.max")
	if avail := availableMemory(meminfo, cgroup); avail > 0 {
		debug.SetMemoryLimit(int64(float64(avail) * memoryShare))
	}
}

// availableMemory returns the bytes of MemTotal in meminfo (the text of
// /proc/meminfo), or the cgroup v2 limit (the text of memory.max) when it
// is lower; 0 when neither gives a number.
func availableMemory(meminfo, cgroup []byte) int64 {
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
