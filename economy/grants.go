package economy

import (
	"math"
	"slices"

	"generalist"
)

// ExpenditureEqualisation returns a municipality's expenditure
// equalisation (utgiftsutjevning) per inhabitant: its cost index minus one
// times the national expenditure need per inhabitant. Multiplied by the
// population of 1 July the year before, it is the amount of table 2-k
// before any correction that table adds (the shipped sample shows that 2-k
// does add some; see data/economy/README.md).
func ExpenditureEqualisation(index, needPerInhabitant float64) generalist.Kroner {
	return generalist.Kroner((index - 1) * needPerInhabitant)
}

// PerInhabitantFit is the innbyggertilskudd rate recovered from table 2-k.
type PerInhabitantFit struct {
	Year int     `json:"year"`
	Rate float64 `json:"rate"`
	// Population is each municipality's amount divided by Rate: its
	// population on 1 July the year before the budget year.
	Population map[generalist.MunicipalityNumber]generalist.Persons `json:"population_1_july_previous_year"`
	// MaxDeviation is the largest distance of an amount ÷ Rate from a
	// whole number of inhabitants.
	MaxDeviation float64 `json:"max_deviation_persons"`
}

// FitPerInhabitantRate recovers the innbyggertilskudd per inhabitant of a
// budget year from the 2-k amounts "likt beløp per innbygger" of several
// municipalities: the one rate that makes every amount a whole number of
// inhabitants. guess gives each municipality's population near the
// reference date (1 January of the budget year will do); the smallest
// municipality's population is searched within ±20 % of it. With n
// municipalities it takes O(n·g) time for a guess of g inhabitants. It
// fails when no rate leaves every amount within 0.01 inhabitants of a
// whole number.
func FitPerInhabitantRate(year int, amounts map[generalist.MunicipalityNumber]generalist.Kroner, guess map[generalist.MunicipalityNumber]generalist.Persons) (PerInhabitantFit, error) {
	if len(amounts) < 2 {
		return PerInhabitantFit{}, generalist.Errorf(generalist.EINVALID, "%d: need the 2-k amounts of at least two municipalities to find the rate", year)
	}
	nums := make([]generalist.MunicipalityNumber, 0, len(amounts))
	for n := range amounts {
		nums = append(nums, n)
	}
	slices.Sort(nums)
	small := nums[0]
	for _, n := range nums {
		if amounts[n] < amounts[small] {
			small = n
		}
	}
	g, ok := guess[small]
	if !ok || g <= 0 {
		return PerInhabitantFit{}, generalist.Errorf(generalist.EINVALID, "%d: no population guess for %s", year, small)
	}
	best := PerInhabitantFit{Year: year, MaxDeviation: math.Inf(1)}
	lo, hi := int(float64(g)*0.8), int(float64(g)*1.2)+1
	for p := max(lo, 1); p <= hi; p++ {
		rate := float64(amounts[small]) / float64(p)
		dev := 0.0
		for _, n := range nums {
			x := float64(amounts[n]) / rate
			dev = math.Max(dev, math.Abs(x-math.Round(x)))
		}
		if dev < best.MaxDeviation {
			best.Rate, best.MaxDeviation = rate, dev
		}
	}
	if best.MaxDeviation > 0.01 {
		return PerInhabitantFit{}, generalist.Errorf(generalist.EINVALID, "%d: no rate makes every 2-k amount a whole number of inhabitants (best leaves %.3f)", year, best.MaxDeviation)
	}
	best.Population = map[generalist.MunicipalityNumber]generalist.Persons{}
	for _, n := range nums {
		best.Population[n] = generalist.Persons(math.Round(float64(amounts[n]) / best.Rate))
	}
	return best, nil
}

// PopulationBasis returns the population the 2-k amount of g was
// calculated on (1 July the year before the budget year): the amount
// divided by the rate, when that is within 0.01 of a whole number.
func PopulationBasis(g Grants, rate float64) (generalist.Persons, bool) {
	if rate <= 0 {
		return 0, false
	}
	x := float64(g.PerInhabitant) / rate
	if math.Abs(x-math.Round(x)) > 0.01 {
		return 0, false
	}
	return generalist.Persons(math.Round(x)), true
}
