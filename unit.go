package generalist

import (
	"strconv"
	"strings"
)

// Persons is a count of people.
type Persons int64

// String formats p with a thin grouping space as Norwegian statistics do
// ("5 367 580"), using an ordinary space so terminals show it.
func (p Persons) String() string { return groupDigits(strconv.FormatInt(int64(p), 10)) }

// SquareKm is an area in square kilometres.
type SquareKm float64

// Km is a distance in kilometres.
type Km float64

// NOK is an amount in whole Norwegian kroner. Amounts in the ministry's
// tables in 1,000 NOK are converted when read, so mixing the two is a
// compile error rather than a factor of a thousand.
type NOK int64

func groupDigits(s string) string {
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}
