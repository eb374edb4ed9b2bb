package generalist

import (
	"strconv"

	"generalist/internal/nbfmt"
)

// Persons is a count of people.
type Persons int64

// String formats p with a grouping space as Norwegian statistics do
// ("5 367 580"), using an ordinary space so terminals show it.
func (p Persons) String() string { return nbfmt.BokmalPlain.Int(int64(p)) }

// SquareKm is an area in square kilometres.
type SquareKm float64

// Km is a distance in kilometres.
type Km float64

// groupDigits puts an ordinary space between groups of three digits of
// the integer s ("-1234567" → "-1 234 567"), as Persons.String does. A
// string that is not an integer is returned unchanged.
func groupDigits(s string) string {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return s
	}
	return nbfmt.BokmalPlain.Int(n)
}
