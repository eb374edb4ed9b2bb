package app

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"generalist"
)

// yearProblem returns the EINVALID error for a year without population
// data on any structure, naming the years there are; nil when year has
// data (so that another thing was not found).
func (a *App) yearProblem(ctx context.Context, year int) error {
	var years []int
	for _, st := range generalist.Structures {
		ys, err := a.Store.PopulationYears(ctx, st)
		if err != nil {
			return err
		}
		years = append(years, ys...)
	}
	slices.Sort(years)
	years = slices.Compact(years)
	if slices.Contains(years, year) {
		return nil
	}
	if len(years) == 0 {
		return generalist.Errorw(generalist.EINVALID, "err.scenario.noyears", "year %d: the store holds no population data for any year; import it first", year)
	}
	return generalist.Errorw(generalist.EINVALID, "err.scenario.year", "year %d: there is no population data for 1 January %d; the years with data are %s", year, year, yearRanges(years))
}

// yearRanges writes sorted distinct years as ranges: "2006–2020, 2024".
func yearRanges(years []int) string {
	var parts []string
	for i := 0; i < len(years); {
		j := i
		for j+1 < len(years) && years[j+1] == years[j]+1 {
			j++
		}
		if j == i {
			parts = append(parts, fmt.Sprint(years[i]))
		} else {
			parts = append(parts, fmt.Sprintf("%d–%d", years[i], years[j]))
		}
		i = j + 1
	}
	return strings.Join(parts, ", ")
}
