package imc

import (
	"fmt"
	"math"
	"math/big"
	"sort"

	"generalist"
)

// CostInput is what a cost key shares by, per participant.
type CostInput struct {
	// Participants are the participant numbers in the order of the
	// result; Names their names.
	Participants []string
	Names        map[string]string
	// Inhabitants are the inhabitants of each participant on 1 January
	// of InhabitantsYear (a county: the sum of its municipalities); needed
	// for the inhabitants basis.
	Inhabitants     map[string]generalist.Persons
	InhabitantsYear int
	// Usage are volumes of use (cases, hours, tonnes); needed for the
	// usage basis. A participant without a volume has none.
	Usage map[string]float64
	// Fixed are fixed shares summing to 100 % (the agreement's cost shares
	// or ownership shares); needed for the fixed basis.
	Fixed map[string]generalist.Share
}

// InputFor returns the input for a cooperation's participants: names, and
// fixed shares from the participants' cost shares or, failing those, their
// ownership shares. The caller adds inhabitants and usage.
func InputFor(c *generalist.IMC) CostInput {
	in := CostInput{Names: map[string]string{}, Fixed: map[string]generalist.Share{}}
	cost := true
	own := true
	for _, p := range c.Participants {
		in.Participants = append(in.Participants, p.Number)
		in.Names[p.Number] = p.Name
		cost = cost && p.CostShare != nil
		own = own && p.Ownership != nil
	}
	for _, p := range c.Participants {
		switch {
		case cost:
			in.Fixed[p.Number] = *p.CostShare
		case own:
			in.Fixed[p.Number] = *p.Ownership
		}
	}
	return in
}

// Allocation is a total shared between participants by a key.
type Allocation struct {
	Key   string          `json:"key"`
	Total generalist.Ore  `json:"total"`
	Rows  []AllocationRow `json:"rows"`
	// InhabitantsYear is the year of the inhabitants used, if any.
	InhabitantsYear int `json:"inhabitants_year,omitempty"`
}

// AllocationRow is one participant's part.
type AllocationRow struct {
	Number string `json:"number"`
	Name   string `json:"name,omitempty"`
	// Fraction is the participant's exact share of the total (0–1), and
	// Amount the øre it pays; the amounts sum exactly to the total.
	Fraction    float64            `json:"fraction"`
	Amount      generalist.Ore     `json:"amount"`
	Inhabitants generalist.Persons `json:"inhabitants,omitempty"`
	Usage       float64            `json:"usage,omitempty"`
	Fixed       generalist.Share   `json:"fixed,omitempty"`
}

// Allocate shares total (øre) between the participants by key. Each part
// of the key distributes its weight of the total in proportion to the
// participants' values of its basis (1 each for equal shares). The exact
// share of each participant is computed in rational arithmetic and
// rounded to whole øre by the largest-remainder method (Hamilton): every
// participant gets the whole øre below its exact share, and the øre left
// over go one each to the largest remainders, ties to the participant
// listed first. So the amounts sum exactly to the total, each differs
// from the exact share by less than one øre, and a participant with a
// larger exact share never pays less. It takes O(n·k + n log n) for n
// participants and k parts.
//
// EINVALID if the key is invalid, a basis lacks a participant's value
// (inhabitants, a fixed share), the fixed shares do not sum to 100 %, or
// the values of a basis are all zero.
func Allocate(total generalist.Ore, key generalist.CostKey, in CostInput) (*Allocation, error) {
	if err := key.Validate(); err != nil {
		return nil, err
	}
	if total < 0 || total > generalist.MaxOre {
		return nil, generalist.Errorf(generalist.EINVALID, "the total must be between 0 and %s", generalist.MaxOre)
	}
	n := len(in.Participants)
	if n == 0 {
		return nil, generalist.Errorf(generalist.EINVALID, "there are no participants to share the cost between")
	}
	seen := map[string]bool{}
	for _, p := range in.Participants {
		if seen[p] {
			return nil, generalist.Errorf(generalist.EINVALID, "participant %s appears twice", p)
		}
		seen[p] = true
	}
	for p := range in.Usage {
		if !seen[p] {
			return nil, generalist.Errorf(generalist.EINVALID, "usage is given for %s, which is not a participant", p)
		}
	}
	quota := make([]*big.Rat, n)
	for i := range quota {
		quota[i] = new(big.Rat)
	}
	a := &Allocation{Key: key.String(), Total: total, Rows: make([]AllocationRow, n)}
	for i, p := range in.Participants {
		a.Rows[i] = AllocationRow{Number: p, Name: in.Names[p]}
	}
	tot := new(big.Rat).SetInt64(int64(total))
	for _, part := range key {
		values, err := basisValues(part.Basis, in, a)
		if err != nil {
			return nil, err
		}
		sum := new(big.Rat)
		for _, v := range values {
			sum.Add(sum, v)
		}
		if sum.Sign() == 0 {
			return nil, generalist.Errorf(generalist.EINVALID, "the cost key part %s %s cannot be used: every participant has 0", part.Weight, part.Basis.Label())
		}
		// weight/10000 of the total, in proportion to value/sum.
		w := new(big.Rat).Mul(tot, big.NewRat(int64(part.Weight), 10000))
		w.Quo(w, sum)
		for i, v := range values {
			quota[i].Add(quota[i], new(big.Rat).Mul(w, v))
		}
	}
	if key.Has(generalist.BasisInhabitants) {
		a.InhabitantsYear = in.InhabitantsYear
	}
	// Largest remainder.
	type rem struct {
		i int
		r *big.Rat
	}
	rems := make([]rem, n)
	var floors int64
	for i, q := range quota {
		fl := new(big.Int).Quo(q.Num(), q.Denom()) // q ≥ 0, so this is the floor
		a.Rows[i].Amount = generalist.Ore(fl.Int64())
		floors += fl.Int64()
		rems[i] = rem{i, new(big.Rat).Sub(q, new(big.Rat).SetInt(fl))}
		if total > 0 {
			f, _ := new(big.Rat).Quo(q, tot).Float64()
			a.Rows[i].Fraction = f
		}
	}
	left := int64(total) - floors
	if left < 0 || left > int64(n) {
		return nil, fmt.Errorf("imc: allocate: %d øre left after rounding down %d shares", left, n) // cannot happen: the quotas sum to the total
	}
	sort.SliceStable(rems, func(x, y int) bool { return rems[x].r.Cmp(rems[y].r) > 0 })
	for k := int64(0); k < left; k++ {
		a.Rows[rems[k].i].Amount++
	}
	if total == 0 {
		// Fractions are still meaningful: compute them for 1 krone.
		if one, err := Allocate(100, key, in); err == nil {
			for i := range a.Rows {
				a.Rows[i].Fraction = one.Rows[i].Fraction
			}
		}
	}
	return a, nil
}

// basisValues returns each participant's value for a basis as exact
// rationals and records it in the rows.
func basisValues(b generalist.CostBasis, in CostInput, a *Allocation) ([]*big.Rat, error) {
	out := make([]*big.Rat, len(in.Participants))
	for i, p := range in.Participants {
		switch b {
		case generalist.BasisEqual:
			out[i] = big.NewRat(1, 1)
		case generalist.BasisInhabitants:
			v, ok := in.Inhabitants[p]
			if !ok {
				return nil, generalist.Errorf(generalist.EINVALID, "no inhabitants for %s on 1 January %d", label(in, p), in.InhabitantsYear)
			}
			if v < 0 {
				return nil, generalist.Errorf(generalist.EINVALID, "inhabitants of %s are negative", label(in, p))
			}
			out[i] = new(big.Rat).SetInt64(int64(v))
			a.Rows[i].Inhabitants = v
		case generalist.BasisUsage:
			v := in.Usage[p]
			if v < 0 || math.IsNaN(v) || math.IsInf(v, 0) {
				return nil, generalist.Errorf(generalist.EINVALID, "usage of %s must be a number of at least 0", label(in, p))
			}
			r := new(big.Rat)
			r.SetFloat64(v)
			out[i] = r
			a.Rows[i].Usage = v
		case generalist.BasisFixed:
			v, ok := in.Fixed[p]
			if !ok {
				return nil, generalist.Errorf(generalist.EINVALID, "no fixed cost share or ownership share for %s", label(in, p))
			}
			out[i] = big.NewRat(int64(v), 1)
			a.Rows[i].Fixed = v
		default:
			return nil, generalist.Errorf(generalist.EINVALID, "unknown basis %q", b)
		}
	}
	if b == generalist.BasisFixed {
		var sum int64
		for _, p := range in.Participants {
			sum += int64(in.Fixed[p])
		}
		if sum != 10000 {
			return nil, generalist.Errorf(generalist.EINVALID, "the fixed shares sum to %s, not 100 %%", generalist.Share(sum))
		}
	}
	return out, nil
}

func label(in CostInput, p string) string {
	if n := in.Names[p]; n != "" {
		return n + " (" + p + ")"
	}
	return p
}

// Comparison is several keys applied to one total, side by side.
type Comparison struct {
	Total       generalist.Ore `json:"total"`
	Allocations []*Allocation  `json:"allocations"`
}

// Compare allocates total by each key. EINVALID names the first key that
// cannot be applied.
func Compare(total generalist.Ore, keys []generalist.CostKey, in CostInput) (*Comparison, error) {
	if len(keys) == 0 {
		return nil, generalist.Errorf(generalist.EINVALID, "give at least one cost key")
	}
	c := &Comparison{Total: total}
	for i, k := range keys {
		a, err := Allocate(total, k, in)
		if err != nil {
			return nil, generalist.Errorf(generalist.ErrorCode(err), "key %d (%s): %s", i+1, k, generalist.ErrorMessage(err))
		}
		c.Allocations = append(c.Allocations, a)
	}
	return c, nil
}

// DefaultKeys are the keys a comparison shows when none is chosen: equal
// shares, per inhabitant, and the common mix of 20 % equal and 80 % per
// inhabitant, with the agreement's own key first if it has one.
func DefaultKeys(c *generalist.IMC) []generalist.CostKey {
	var keys []generalist.CostKey
	if len(c.Agreement.CostKey) > 0 {
		keys = append(keys, c.Agreement.CostKey)
	}
	for _, k := range []generalist.CostKey{
		{{Basis: generalist.BasisEqual, Weight: 10000}},
		{{Basis: generalist.BasisInhabitants, Weight: 10000}},
		{{Basis: generalist.BasisEqual, Weight: 2000}, {Basis: generalist.BasisInhabitants, Weight: 8000}},
	} {
		dup := false
		for _, have := range keys {
			dup = dup || have.String() == k.String()
		}
		if !dup {
			keys = append(keys, k)
		}
	}
	return keys
}

// Inhabitants returns the inhabitants of every municipality in records
// (one structure and year) and of every county as the sum of its
// municipalities, keyed by kommunenummer and fylkesnummer, for the
// inhabitants basis. A municipality without a total is left out, and so
// is its county, whose sum would be too small.
func Inhabitants(records []generalist.Population) map[string]generalist.Persons {
	out := map[string]generalist.Persons{}
	incomplete := map[string]bool{}
	for _, p := range records {
		county := string(p.Municipality.County())
		if p.Missing {
			incomplete[county] = true
			continue
		}
		out[string(p.Municipality)] = p.Total
		out[county] += p.Total
	}
	for c := range incomplete {
		delete(out, c)
	}
	return out
}
