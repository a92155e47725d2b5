// Package names holds what the readers of loosely written author names
// (scrape/htmlmeta's reference lists, scrape/jats's <string-name>) share.
package names

import "strings"

// IsInitials reports whether s is a run of initials: one to four capital
// letters (A to Z), with dots and hyphens between them ("J", "JA", "J.-P.").
func IsInitials(s string) bool {
	s = strings.ReplaceAll(strings.ReplaceAll(s, ".", ""), "-", "")
	if s == "" || len(s) > 4 {
		return false
	}
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}
