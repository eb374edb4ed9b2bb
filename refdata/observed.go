package refdata

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"

	"generalist"
	"generalist/data"
)

// ObservedFile is the file of observed capacity figures in package data.
const ObservedFile = "observert_kapasitet.csv"

// Comparisons an observed figure may count by.
const (
	// ObservedUnder counts those with fewer than the threshold.
	ObservedUnder = "under"
	// ObservedAtMost counts those with the threshold or fewer.
	ObservedAtMost = "at_most"
)

// Observed is one published count of small services, against which the
// capacity model can be set (data/README.md, observert_kapasitet.csv).
type Observed struct {
	ID   string `json:"id"`
	Task string `json:"task"`
	// Year is the year the source gives for the count.
	Year  int `json:"year"`
	Count int `json:"count"`
	// Unit is what the count counts, in the source's word (kommuner,
	// barneverntjenester).
	Unit string `json:"unit"`
	// Comparison is ObservedUnder or ObservedAtMost; Threshold is in
	// ThresholdUnit (the sources count employees, ansatte).
	Comparison    string  `json:"comparison"`
	Threshold     float64 `json:"threshold"`
	ThresholdUnit string  `json:"threshold_unit"`
	// ExcludesCooperation is true when the source leaves out services run
	// with other municipalities (or merged ones).
	ExcludesCooperation bool   `json:"excludes_cooperation"`
	SourceTitle         string `json:"source_title"`
	URL                 string `json:"url"`
	// Quote is the source's own words for the threshold.
	Quote    string `json:"quote"`
	CountsNB string `json:"counts_nb"`
	CountsEN string `json:"counts_en"`
}

// Below reports whether a team of fte is counted by the figure's
// threshold.
func (o *Observed) Below(fte float64) bool {
	if o.Comparison == ObservedAtMost {
		return fte <= o.Threshold
	}
	return fte < o.Threshold
}

var observedHeader = []string{"id", "task", "year", "count", "unit", "comparison", "threshold", "threshold_unit",
	"excludes_cooperation", "source_title", "url", "quote", "counts_nb", "counts_en"}

// EmbeddedObserved parses the observed figures embedded in the binary.
func EmbeddedObserved() ([]Observed, error) {
	f, err := data.FS.Open(ObservedFile)
	if err != nil {
		return nil, fmt.Errorf("refdata: %w", err)
	}
	defer f.Close()
	return ParseObserved(f, ObservedFile)
}

// ParseObserved reads observed figures (comma-separated, UTF-8, the header
// above) strictly: every field must be present and well formed, ids
// unique. Errors are EINVALID and name the file, line and column.
func ParseObserved(r io.Reader, name string) ([]Observed, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = len(observedHeader)
	head, err := cr.Read()
	if err != nil {
		return nil, generalist.Errorf(generalist.EINVALID, "%s: header: %v", name, err)
	}
	if strings.Join(head, ",") != strings.Join(observedHeader, ",") {
		return nil, generalist.Errorf(generalist.EINVALID, "%s line 1: header is %q, want %q", name, strings.Join(head, ","), strings.Join(observedHeader, ","))
	}
	var out []Observed
	seen := map[string]bool{}
	for line := 2; ; line++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, generalist.Errorf(generalist.EINVALID, "%s: %v", name, err)
		}
		bad := func(col int, format string, args ...any) error {
			return generalist.Errorf(generalist.EINVALID, "%s line %d, column %s: %s", name, line, observedHeader[col], fmt.Sprintf(format, args...))
		}
		for i, v := range rec {
			if strings.TrimSpace(v) == "" {
				return nil, bad(i, "empty")
			}
		}
		o := Observed{ID: rec[0], Task: rec[1], Unit: rec[4], Comparison: rec[5], ThresholdUnit: rec[7],
			SourceTitle: rec[9], URL: rec[10], Quote: rec[11], CountsNB: rec[12], CountsEN: rec[13]}
		if seen[o.ID] {
			return nil, bad(0, "id %q given twice", o.ID)
		}
		seen[o.ID] = true
		if o.Year, err = strconv.Atoi(rec[2]); err != nil || o.Year < 1900 || o.Year > 2100 {
			return nil, bad(2, "%q is not a year", rec[2])
		}
		if o.Count, err = strconv.Atoi(rec[3]); err != nil || o.Count < 0 {
			return nil, bad(3, "%q is not a count", rec[3])
		}
		if o.Comparison != ObservedUnder && o.Comparison != ObservedAtMost {
			return nil, bad(5, "%q: must be %s or %s", o.Comparison, ObservedUnder, ObservedAtMost)
		}
		if o.Threshold, err = strconv.ParseFloat(rec[6], 64); err != nil || o.Threshold <= 0 || o.Threshold > 10000 {
			return nil, bad(6, "%q is not a threshold above 0", rec[6])
		}
		if o.ExcludesCooperation, err = strconv.ParseBool(rec[8]); err != nil {
			return nil, bad(8, "%q: must be true or false", rec[8])
		}
		if u, err := url.Parse(o.URL); err != nil || u.Scheme != "https" || u.Host == "" {
			return nil, bad(10, "%q is not an https address", o.URL)
		}
		out = append(out, o)
	}
	return out, nil
}
