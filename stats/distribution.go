// Package stats computes the distribution statistics the committee used to
// describe a municipal structure — count, inhabitants, mean, median, largest,
// smallest and the number under a threshold — for Norway on any structure and
// year, and for the Nordic comparison. It is pure: values in, values out.
package stats

import (
	"cmp"
	"slices"

	"generalist"
)

// DefaultUnder is the committee's threshold: municipalities with fewer than
// 5,000 inhabitants.
const DefaultUnder generalist.Persons = 5000

// Extreme names the municipality with the largest or smallest value.
type Extreme struct {
	Number      string             `json:"number"`
	Name        string             `json:"name"`
	Inhabitants generalist.Persons `json:"inhabitants"`
}

// Under is the count of units below a threshold.
type Under struct {
	Threshold generalist.Persons `json:"threshold"`
	Count     int                `json:"count"`
}

// Distribution is the structure table for one set of units.
type Distribution struct {
	// Municipalities is the number of units in the structure; WithData
	// of them have a value, and every other figure is computed over those.
	Municipalities int                `json:"municipalities"`
	WithData       int                `json:"with_data"`
	Inhabitants    generalist.Persons `json:"inhabitants"`
	Mean           float64            `json:"mean"`
	Median         float64            `json:"median"`
	Largest        Extreme            `json:"largest"`
	Smallest       Extreme            `json:"smallest"`
	Under          Under              `json:"under"`
	// Missing lists the units with no data and why.
	Missing []Gap `json:"missing,omitempty"`
}

// Gap is a unit without data.
type Gap struct {
	Number string `json:"number"`
	Name   string `json:"name"`
	Note   string `json:"note,omitempty"`
}

// Unit is one value to summarise.
type Unit struct {
	Number string
	Name   string
	Value  generalist.Persons
	Known  bool
	Note   string
}

// Summarize computes the distribution of units. Ties for largest and
// smallest go to the lowest number, so the result is deterministic. The
// median of an even count is the mean of the middle pair. under is the
// threshold for the count of small units (DefaultUnder when 0).
//
// It returns EINVALID when no unit has data.
func Summarize(units []Unit, under generalist.Persons) (Distribution, error) {
	if under == 0 {
		under = DefaultUnder
	}
	d := Distribution{Municipalities: len(units), Under: Under{Threshold: under}}
	known := make([]Unit, 0, len(units))
	for _, u := range units {
		if u.Known {
			known = append(known, u)
		} else {
			d.Missing = append(d.Missing, Gap{Number: u.Number, Name: u.Name, Note: u.Note})
		}
	}
	slices.SortFunc(d.Missing, func(a, b Gap) int { return cmp.Compare(a.Number, b.Number) })
	if len(known) == 0 {
		return d, generalist.Errorf(generalist.EINVALID, "no unit has data")
	}
	// Sort positions rather than the units themselves: moving the structs
	// (with their strings) dominated the cost. The comparison breaks ties
	// by number, so the order is total and deterministic.
	order := make([]int32, len(known))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(i, j int32) int {
		a, b := &known[i], &known[j]
		return cmp.Or(cmp.Compare(a.Value, b.Value), cmp.Compare(a.Number, b.Number))
	})
	sorted := make([]Unit, len(known))
	for i, k := range order {
		sorted[i] = known[k]
	}
	known = sorted
	d.WithData = len(known)
	for _, u := range known {
		d.Inhabitants += u.Value
		if u.Value < under {
			d.Under.Count++
		}
	}
	d.Mean = float64(d.Inhabitants) / float64(len(known))
	n := len(known)
	if n%2 == 1 {
		d.Median = float64(known[n/2].Value)
	} else {
		d.Median = (float64(known[n/2-1].Value) + float64(known[n/2].Value)) / 2
	}
	s := known[0]
	d.Smallest = Extreme{Number: s.Number, Name: s.Name, Inhabitants: s.Value}
	// The largest is the last by value; among equal values, the lowest number.
	l := n - 1
	for l > 0 && known[l-1].Value == known[n-1].Value {
		l--
	}
	d.Largest = Extreme{Number: known[l].Number, Name: known[l].Name, Inhabitants: known[l].Value}
	return d, nil
}
