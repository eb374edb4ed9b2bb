package geomap

import (
	"cmp"
	"fmt"
	"io"
	"slices"
)

// Categorical is the default palette of RenderGroups: the eight colours of
// Okabe and Ito ("Color universal design", 2008), told apart with every
// common kind of colour-vision deficiency.
var Categorical = []string{"#e69f00", "#56b4e9", "#009e73", "#f0e442", "#0072b2", "#d55e00", "#cc79a7", "#999999"}

// Groups is a partition of (some of) the municipalities for RenderGroups.
type Groups struct {
	// Members lists the kommunenummer of each group; a number may be in
	// one group only. Municipalities in no group are drawn as no data.
	Members [][]string
	// Colours gives each group's colour as an index into the palette;
	// the caller colours neighbouring groups apart (a greedy colouring of
	// the groups' adjacency needs at most a handful of colours on a
	// planar map). Nil means group i gets colour i mod the palette size.
	Colours []int
	// Labels are shown after each member's name in its title ("Bærum:
	// gruppe 3, 182 000 innbyggere"); nil means "gruppe N" ("group N").
	Labels []string
	// Categories, if set, name what the colours mean: the legend then
	// lists each category with the colours of its groups and its label,
	// and the map's description lists the labels, instead of no legend.
	// Category[i] is the index in Categories of group i.
	Categories []string
	Category   []int
}

// category is one entry of a categorical legend: its label and the
// colours of its groups, in the order of the palette.
type category struct {
	label string
	fills []string
}

// RenderGroups writes an SVG map of g: every municipality filled with its
// group's colour, with the borders, links, focus and highlights of opt.
// opt.Values, Limits, Classes, Method and Format are set from g;
// opt.Palette defaults to Categorical. Without g.Categories there is no
// legend (the colours only tell neighbouring groups apart); with them the
// legend (at opt.Legend) lists the categories, not ranges of classes. Errors are as Render's,
// plus EINVALID for a municipality in two groups or a colour outside the
// palette, and for a group without a category or a category without a
// group when Categories is set. Complexity: O(n log n) for n municipalities, then Render's.
func (m *Map) RenderGroups(w io.Writer, g Groups, opt Options) error {
	pal := opt.Palette
	if len(pal) == 0 {
		pal = Categorical
	}
	k := len(g.Members)
	if g.Colours != nil && len(g.Colours) != k {
		return invalid("%d colours for %d groups", len(g.Colours), k)
	}
	if g.Labels != nil && len(g.Labels) != k {
		return invalid("%d labels for %d groups", len(g.Labels), k)
	}
	colour := func(i int) int {
		if g.Colours == nil {
			return i % len(pal)
		}
		return g.Colours[i]
	}
	for i := range k {
		if c := colour(i); c < 0 || c >= len(pal) {
			return invalid("group %d has colour %d; the palette has %d", i, c, len(pal))
		}
	}
	var cats []category
	if g.Categories != nil {
		if len(g.Category) != k {
			return invalid("%d categories of groups for %d groups", len(g.Category), k)
		}
		cats = make([]category, len(g.Categories))
		seen := make([]map[int]bool, len(cats))
		for i, c := range g.Category {
			if c < 0 || c >= len(cats) {
				return invalid("group %d has category %d; there are %d", i, c, len(cats))
			}
			if seen[c] == nil {
				seen[c] = map[int]bool{}
			}
			seen[c][colour(i)] = true
		}
		for c := range cats {
			if len(seen[c]) == 0 {
				return invalid("category %q has no group", g.Categories[c])
			}
			cats[c].label = g.Categories[c]
			for j := range pal {
				if seen[c][j] {
					cats[c].fills = append(cats[c].fills, pal[j])
				}
			}
		}
	}
	// Order the groups by colour, so that each colour is one class whose
	// values are the ranks of its groups.
	order := make([]int, k)
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(colour(a), colour(b)) })
	values := map[string]float64{}
	var limits []float64
	var used []string
	for rank, i := range order {
		if rank == 0 || colour(i) != colour(order[rank-1]) {
			if rank > 0 {
				limits = append(limits, float64(rank)-0.5)
			}
			used = append(used, pal[colour(i)])
		}
		for _, code := range g.Members[i] {
			if _, dup := values[code]; dup {
				return invalid("municipality %s is in two groups", code)
			}
			values[code] = float64(rank)
		}
	}
	word := "gruppe %d"
	if opt.Lang == "en" {
		word = "group %d"
	}
	opt.Values, opt.Limits, opt.Palette, opt.Method = values, limits, used, 0
	opt.Classes = max(1, len(used))
	if len(limits) == 0 {
		opt.Limits = nil
	}
	opt.cats = cats
	if cats == nil {
		opt.Legend = LegendNone
	}
	opt.Format = func(v float64) string {
		i := order[int(v)]
		if g.Labels != nil {
			return g.Labels[i]
		}
		return fmt.Sprintf(word, i+1)
	}
	if len(used) == 0 { // no groups: a map of no data
		opt.Palette, opt.Classes = nil, 0
	}
	return m.Render(w, opt)
}
