package imc

import (
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"

	"generalist"
)

func TestAllocate(t *testing.T) {
	in := CostInput{
		Participants: []string{"1820", "1822", "1818"},
		Names:        map[string]string{"1820": "Alstahaug", "1822": "Leirfjord", "1818": "Herøy"},
		Inhabitants:  map[string]generalist.Persons{"1820": 7400, "1822": 2300, "1818": 1800}, InhabitantsYear: 2026,
		Usage: map[string]float64{"1820": 10, "1822": 5, "1818": 5},
		Fixed: map[string]generalist.Share{"1820": 5000, "1822": 2500, "1818": 2500},
	}
	key := func(s string) generalist.CostKey {
		k, err := generalist.ParseCostKey(s)
		if err != nil {
			t.Fatal(err)
		}
		return k
	}
	for _, tt := range []struct {
		key   string
		total generalist.Ore
		want  []generalist.Ore
	}{
		// 100 øre in three: 33 each and one left, to the first.
		{"lik", 100, []generalist.Ore{34, 33, 33}},
		{"lik", 200, []generalist.Ore{67, 67, 66}},
		{"fast", 1000001, []generalist.Ore{500001, 250000, 250000}},
		{"bruk", 100000, []generalist.Ore{50000, 25000, 25000}},
		// 11 500 inhabitants: 7400/11500 of 1 000 000 kr.
		{"innbyggere", 100000000, []generalist.Ore{64347826, 20000000, 15652174}},
		// 20 % equal + 80 % inhabitants of 1 000 000 kr:
		// Alstahaug 200000/3 + 800000·7400/11500 = 581449.275 (rounded down);
		// the two øre left go to the larger remainders of Herøy and Leirfjord.
		{"20 % lik + 80 % innbyggere", 100000000, []generalist.Ore{58144927, 22666667, 19188406}},
		{"lik", 0, []generalist.Ore{0, 0, 0}},
	} {
		a, err := Allocate(tt.total, key(tt.key), in)
		if err != nil {
			t.Errorf("Allocate(%d, %s) = %v", tt.total, tt.key, err)
			continue
		}
		var sum generalist.Ore
		for i, r := range a.Rows {
			sum += r.Amount
			if r.Amount != tt.want[i] {
				t.Errorf("Allocate(%d, %s)[%s] = %d, want %d", tt.total, tt.key, r.Number, r.Amount, tt.want[i])
			}
		}
		if sum != tt.total {
			t.Errorf("Allocate(%d, %s) sums to %d", tt.total, tt.key, sum)
		}
	}
	if a, _ := Allocate(0, key("lik"), in); a.Rows[0].Fraction < 0.333 || a.Rows[0].Fraction > 0.334 {
		t.Errorf("a zero total still has fractions: %v", a.Rows[0].Fraction)
	}
	if a, _ := Allocate(100, key("innbyggere"), in); a.InhabitantsYear != 2026 || a.Rows[0].Inhabitants != 7400 {
		t.Errorf("the inhabitants used are not reported: %+v", a)
	}
	for _, tt := range []struct {
		name string
		key  string
		mod  func(in *CostInput)
		want string
	}{
		{"NoInhabitants", "innbyggere", func(in *CostInput) { delete(in.Inhabitants, "1822") }, "no inhabitants for Leirfjord (1822) on 1 January 2026"},
		{"ZeroUsage", "bruk", func(in *CostInput) { in.Usage = map[string]float64{} }, "every participant has 0"},
		{"NegativeUsage", "bruk", func(in *CostInput) { in.Usage["1818"] = -1 }, "usage of Herøy (1818)"},
		{"UsageStranger", "bruk", func(in *CostInput) { in.Usage["0301"] = 1 }, "0301, which is not a participant"},
		{"FixedNot100", "fast", func(in *CostInput) { in.Fixed["1818"] = 2400 }, "fixed shares sum to 99 %"},
		{"FixedMissing", "fast", func(in *CostInput) { delete(in.Fixed, "1820") }, "no fixed cost share or ownership share for Alstahaug"},
		{"NoParticipants", "lik", func(in *CostInput) { in.Participants = nil }, "no participants"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := in
			c.Inhabitants = clone(in.Inhabitants)
			c.Usage = clone(in.Usage)
			c.Fixed = clone(in.Fixed)
			tt.mod(&c)
			_, err := Allocate(100, key(tt.key), c)
			if generalist.ErrorCode(err) != generalist.EINVALID || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Allocate = %v, want EINVALID containing %q", err, tt.want)
			}
		})
	}
	if _, err := Allocate(100, generalist.CostKey{{Basis: generalist.BasisEqual, Weight: 5000}}, in); generalist.ErrorCode(err) != generalist.EINVALID {
		t.Errorf("Allocate(bad key) = %v", err)
	}
}

func clone[K comparable, V any](m map[K]V) map[K]V {
	out := map[K]V{}
	for k, v := range m {
		out[k] = v
	}
	return out
}

// TestAllocateProperties checks on random inputs that the amounts sum
// exactly to the total, that each is within one øre of the exact share
// (and is its floor or ceiling), and that a larger exact share never pays
// less.
func TestAllocateProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	bases := []generalist.CostBasis{generalist.BasisEqual, generalist.BasisInhabitants, generalist.BasisUsage, generalist.BasisFixed}
	for iter := 0; iter < 400; iter++ {
		n := 1 + rng.IntN(40)
		in := CostInput{Inhabitants: map[string]generalist.Persons{}, Usage: map[string]float64{}, Fixed: map[string]generalist.Share{}}
		left := int64(10000)
		for i := 0; i < n; i++ {
			p := string(rune('a'+i/26)) + string(rune('a'+i%26))
			in.Participants = append(in.Participants, p)
			in.Inhabitants[p] = generalist.Persons(rng.IntN(800000))
			if rng.IntN(4) > 0 {
				in.Usage[p] = float64(rng.IntN(100000)) / 100
			}
			f := left
			if i < n-1 {
				f = rng.Int64N(left + 1)
			}
			in.Fixed[p] = generalist.Share(f)
			left -= f
		}
		in.Inhabitants[in.Participants[0]]++ // never all zero
		in.Usage[in.Participants[0]] = 1
		// A random key: a random subset of bases with weights summing to 100 %.
		var key generalist.CostKey
		rest := int64(10000)
		perm := rng.Perm(len(bases))
		parts := 1 + rng.IntN(len(bases))
		for j := 0; j < parts; j++ {
			w := rest
			if j < parts-1 {
				w = 1 + rng.Int64N(rest-int64(parts-j-1))
			}
			key = append(key, generalist.CostKeyPart{Basis: bases[perm[j]], Weight: generalist.Share(w)})
			rest -= w
		}
		total := generalist.Ore(rng.Int64N(int64(generalist.MaxOre)))
		if rng.IntN(3) == 0 {
			total = generalist.Ore(rng.IntN(1000))
		}
		a, err := Allocate(total, key, in)
		if err != nil {
			if strings.Contains(err.Error(), "every participant has 0") || strings.Contains(err.Error(), "fixed shares") {
				continue // a fixed basis whose shares are all 0 for a lone participant, etc.
			}
			t.Fatalf("Allocate(%d, %s) = %v", total, key, err)
		}
		var sum generalist.Ore
		exact := make([]*big.Rat, n)
		for i, r := range a.Rows {
			sum += r.Amount
			exact[i] = exactShare(total, key, in, i)
			lo := new(big.Int).Quo(exact[i].Num(), exact[i].Denom()).Int64()
			if int64(r.Amount) != lo && int64(r.Amount) != lo+1 {
				t.Fatalf("Allocate(%d, %s): %s gets %d, exact %s", total, key, r.Number, r.Amount, exact[i].FloatString(3))
			}
		}
		if sum != total {
			t.Fatalf("Allocate(%d, %s) sums to %d", total, key, sum)
		}
		for i := range a.Rows {
			for j := range a.Rows {
				if exact[i].Cmp(exact[j]) > 0 && a.Rows[i].Amount < a.Rows[j].Amount {
					t.Fatalf("Allocate(%d, %s): %s has a larger share but pays less than %s", total, key, a.Rows[i].Number, a.Rows[j].Number)
				}
			}
		}
	}
}

// exactShare computes participant i's exact share independently of
// Allocate.
func exactShare(total generalist.Ore, key generalist.CostKey, in CostInput, i int) *big.Rat {
	out := new(big.Rat)
	for _, part := range key {
		val := func(p string) *big.Rat {
			switch part.Basis {
			case generalist.BasisEqual:
				return big.NewRat(1, 1)
			case generalist.BasisInhabitants:
				return big.NewRat(int64(in.Inhabitants[p]), 1)
			case generalist.BasisUsage:
				return new(big.Rat).SetFloat64(in.Usage[p])
			}
			return big.NewRat(int64(in.Fixed[p]), 1)
		}
		sum := new(big.Rat)
		for _, p := range in.Participants {
			sum.Add(sum, val(p))
		}
		x := new(big.Rat).Mul(new(big.Rat).Mul(big.NewRat(int64(total), 1), big.NewRat(int64(part.Weight), 10000)), val(in.Participants[i]))
		out.Add(out, x.Quo(x, sum))
	}
	return out
}

func TestCompare(t *testing.T) {
	c := example(t, generalist.FormHostAdmin)
	in := InputFor(c)
	in.Inhabitants = map[string]generalist.Persons{"1820": 7400, "1822": 2300, "1818": 1800}
	keys := DefaultKeys(c)
	if len(keys) != 3 || keys[0].String() != "20 % lik + 80 % innbyggere" {
		t.Fatalf("DefaultKeys = %v", keys)
	}
	cmp, err := Compare(100000000, keys, in)
	if err != nil || len(cmp.Allocations) != 3 {
		t.Fatalf("Compare = %v, %v", cmp, err)
	}
	keys = append(keys, generalist.CostKey{{Basis: generalist.BasisUsage, Weight: 10000}})
	if _, err := Compare(100, keys, in); err == nil || !strings.Contains(err.Error(), "key 4 (100 % bruk)") {
		t.Errorf("Compare with an unusable key = %v", err)
	}
	// The KO's fixed key uses the ownership shares.
	ko := InputFor(example(t, generalist.FormKO))
	if ko.Fixed["3427"] != 3000 {
		t.Errorf("InputFor(KO).Fixed = %v", ko.Fixed)
	}
}
