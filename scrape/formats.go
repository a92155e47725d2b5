package scrape

// streamFormats lists the stream extractors of the subpackages, in the
// order their Sniff is tried: the most specific first. One line per format.
func streamFormats() []StreamFormat {
	return []StreamFormat{
		// (formats are added here, one per line)
	}
}
