package analysis

// SetMaxKMeansRows sets the number of rows above which TextThemes clusters
// a sample, for a test, and returns the function that restores it.
func SetMaxKMeansRows(m int) (restore func()) {
	old := maxKMeansRows
	maxKMeansRows = m
	return func() { maxKMeansRows = old }
}
