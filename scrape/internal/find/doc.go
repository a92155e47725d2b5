// Package find picks what the readers look for in the free text of a
// field: the year of a date written any way ("2016 Jan 15", "DEC 2019",
// "Spring 1998"), the year of a citation ("Smith 1998a"), and DOIs.
//
// Files:
//
//	find.go  Year, CitedYear, DOI
package find
