package web

import (
	"net/url"
	"strings"
)

// excelURL is the address of a CSV download in the variant for Excel
// with Norwegian settings: the same address with format=csv-excel (every
// CSV endpoint takes it; generalist.ExcelCSV). The template partial
// "csvlinks" (csv_links.tmpl) offers both beside each other.
func excelURL(csvURL string) string {
	path, query, _ := strings.Cut(csvURL, "?")
	q, err := url.ParseQuery(query)
	if err != nil {
		return csvURL // our own link: keep it rather than break the page
	}
	q.Set("format", formatExcel)
	return path + "?" + q.Encode()
}
