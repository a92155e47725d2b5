package memlimit

import "testing"

// TestAvailable reads the MemTotal line of /proc/meminfo (the text
// is the first lines of a 24 GB machine's) and a cgroup v2
// memory.max, which wins when it is lower and is ignored when it says
// "max".
func TestAvailable(t *testing.T) {
	meminfo := []byte("MemTotal:       24597732 kB\nMemFree:        10231232 kB\nMemAvailable:   20046300 kB\n")
	tests := []struct {
		name            string
		meminfo, cgroup string
		want            int64
	}{
		{"meminfo only", string(meminfo), "", 24597732 << 10},
		{"cgroup without limit", string(meminfo), "max\n", 24597732 << 10},
		{"lower cgroup limit", string(meminfo), "8589934592\n", 8 << 30},
		{"higher cgroup limit", string(meminfo), "99999999999999\n", 24597732 << 10},
		{"cgroup only", "", "4294967296", 4 << 30},
		{"nothing", "", "", 0},
		{"garbage", "MemTotal: lots kB\n", "-1", 0},
	}
	for _, tt := range tests {
		if got := Available([]byte(tt.meminfo), []byte(tt.cgroup)); got != tt.want {
			t.Errorf("%s: %d, want %d", tt.name, got, tt.want)
		}
	}
}
