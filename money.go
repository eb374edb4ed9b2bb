package generalist

import (
	"math"
	"strconv"
	"strings"
)

// Money has two forms, one for each way an amount arises (decision 0018):
//
//   - Ore, whole øre in an integer, for amounts people enter and split:
//     a cooperation's budget and its shares, which must add up exactly.
//   - Kroner, kroner with the fraction kept, for amounts the models
//     compute from the ministry's tables (which carry eight decimals of
//     1,000 NOK): income equalisation, grants, a merger's economy, a
//     support scheme's cost. They are rounded to øre only when shown.

// Kroner is an amount in kroner with its fraction kept, as the ministry's
// spreadsheets hold it (the 2-k amounts carry eight decimals of 1,000 NOK).
// Tables in 1,000 NOK are converted when read. JSON writes it rounded to
// øre.
type Kroner float64

// MarshalJSON writes k rounded to øre.
func (k Kroner) MarshalJSON() ([]byte, error) {
	v := RoundOre(float64(k))
	if v == 0 {
		v = 0 // not "-0"
	}
	return strconv.AppendFloat(nil, v, 'f', -1, 64), nil
}

// RoundOre rounds v kroner to whole øre, halves away from zero.
func RoundOre(v float64) float64 { return math.Round(v*100) / 100 }

// Ore is an amount of money in øre (1/100 krone), so that shares of a
// cost can be paid out exactly.
type Ore int64

// MaxOre bounds amounts (NOK 10 000 billion), far above any municipal
// budget, so sums of them cannot overflow.
const MaxOre Ore = 1e15

// ParseOre parses an amount of kroner as people write it: "1 250 000",
// "1250000,50", "kr 1 250 000.5", "1 250 000 kr". Spaces group thousands;
// a comma or point followed by one or two digits gives the øre. A point or
// comma followed by three digits is refused as ambiguous.
func ParseOre(s string) (Ore, error) {
	t := strings.TrimSpace(s)
	t = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(t, "kr"), "NOK"))
	t = strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(t, "kr"), "NOK"))
	t = strings.TrimSuffix(t, ",-")
	t = strings.Map(func(r rune) rune {
		if r == ' ' || r == '\u00a0' || r == '\u202f' {
			return -1
		}
		return r
	}, t)
	n, err := parseCents(t, int64(MaxOre), true)
	if err != nil {
		return 0, Errorf(EINVALID, "amount %q: %s", s, err)
	}
	return Ore(n), nil
}

// String formats the amount in bokmål ("1 250 000,50 kr").
func (o Ore) String() string { return o.Text() + " kr" }

// Text formats the amount with thousands grouped and always two
// decimals ("1 250 000,50").
func (o Ore) Text() string { return centsText(int64(o), ",", true) }

// MarshalJSON writes the amount as a number of kroner (1250000.5).
func (o Ore) MarshalJSON() ([]byte, error) { return []byte(centsText(int64(o), ".", false)), nil }

// UnmarshalJSON reads a number of kroner with at most two decimals.
func (o *Ore) UnmarshalJSON(b []byte) error {
	n, err := parseCents(string(b), int64(MaxOre), true)
	if err != nil {
		return Errorf(EINVALID, "amount %s: %s", b, err)
	}
	*o = Ore(n)
	return nil
}
