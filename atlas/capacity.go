package atlas

import (
	"context"

	"generalist"
	"generalist/capacity"
)

// Capacity runs the capacity model of cat on the population of every
// municipality of s on 1 January of year (carried from another structure
// where needed; see Detailed).
func Capacity(ctx context.Context, store generalist.AtlasStore, cat *generalist.Catalogue, s generalist.Structure, year int) (*capacity.Result, error) {
	pops, err := Detailed(ctx, store, s, year)
	if err != nil {
		return nil, err
	}
	ms, err := store.Municipalities(ctx, s)
	if err != nil {
		return nil, err
	}
	names := make(map[generalist.MunicipalityNumber]string, len(ms))
	for _, m := range ms {
		names[m.Number] = m.ShortName
	}
	res, err := capacity.Compute(cat, pops, names)
	if err != nil {
		return nil, err
	}
	res.Structure, res.Year = s, year
	return res, nil
}
