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
	// Sort the positions of the units with data rather than copies of the
	// units: moving the structs (with their strings) dominated the cost.
	// The comparison breaks ties by number, so the order is total and
	// deterministic.
	known := make([]int32, 0, len(units))
	for i := range units {
		if u := &units[i]; u.Known {
			known = append(known, int32(i))
		} else {
			d.Missing = append(d.Missing, Gap{Number: u.Number, Name: u.Name, Note: u.Note})
		}
	}
	slices.SortFunc(d.Missing, func(a, b Gap) int { return cmp.Compare(a.Number, b.Number) })
	if len(known) == 0 {
		return d, generalist.Errorf(generalist.EINVALID, "no unit has data")
	}
	slices.SortFunc(known, func(i, j int32) int {
		a, b := &units[i], &units[j]
		return cmp.Or(cmp.Compare(a.Value, b.Value), cmp.Compare(a.Number, b.Number))
	})
	at := func(k int) *Unit { return &units[known[k]] }
	d.WithData = len(known)
	for k := range known {
		d.Inhabitants += at(k).Value
		if at(k).Value < under {
			d.Under.Count++
		}
	}
	d.Mean = float64(d.Inhabitants) / float64(len(known))
	n := len(known)
	if n%2 == 1 {
		d.Median = float64(at(n / 2).Value)
	} else {
		d.Median = (float64(at(n/2-1).Value) + float64(at(n/2).Value)) / 2
	}
	s := at(0)
	d.Smallest = Extreme{Number: s.Number, Name: s.Name, Inhabitants: s.Value}
	// The largest is the last by value; among equal values, the lowest number.
	l := n - 1
	for l > 0 && at(l-1).Value == at(n-1).Value {
		l--
	}
	d.Largest = Extreme{Number: at(l).Number, Name: at(l).Name, Inhabitants: at(l).Value}
	return d, nil
}
