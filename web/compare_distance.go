package web

import (
	"generalist/internal/nbfmt"
	"generalist/sim"
)

// distanceRows are the comparison's rows on the distance to the new
// municipal centre (sim.CentreDistance): the mean over the inhabitants
// of the merged municipalities, the longest distance and the
// inhabitants whose centre moves to another former municipality. The
// first is also the summary's row under the democratic arena.
func distanceRows(outs []*sim.Outcome, lang string) []cmpRow {
	nf := nbfmt.For(lang)
	row := func(id, label string, fn func(d sim.CentreDistance) string) cmpRow {
		r := cmpRow{ID: id, Label: msg(lang, label), Calc: "calc-distance"}
		for _, o := range outs {
			r.Cells = append(r.Cells, cmpCell{Value: fn(o.CentreDistance)})
		}
		return r
	}
	km := func(v func(d sim.CentreDistance) *float64) func(d sim.CentreDistance) string {
		return func(d sim.CentreDistance) string {
			return distanceText(lang, d, v(d), func(x float64) string { return nf.Decimal(x, 1) })
		}
	}
	return []cmpRow{
		row("distance", "cmp.f.distance", km(func(d sim.CentreDistance) *float64 { return d.MeanKm })),
		row("distance-longest", "cmp.f.distmax", km(func(d sim.CentreDistance) *float64 { return d.MaxKm })),
		row("distance-moved", "cmp.f.distmoved", func(d sim.CentreDistance) string {
			if d.Moved == nil {
				return distanceText[float64](lang, d, nil, nil)
			}
			return nf.Int(int64(*d.Moved))
		}),
	}
}

// distanceText is a figure of the distance to the new centre: «ingen
// sammenslåing» when the scenario merges no municipality (the figure
// does not apply), «ingen data» when it is missing, never 0.
func distanceText[T any](lang string, d sim.CentreDistance, v *T, format func(T) string) string {
	switch {
	case d.Mergers == 0:
		return msg(lang, "cmp.nomerger")
	case v == nil:
		return msg(lang, "nodata")
	}
	return format(*v)
}

// distanceMessages are the texts of the distance to the new centre, on
// the comparison and in the plan editor, added to messages at start.
var distanceMessages = map[string][2]string{
	"cmp.f.distance":  {"Avstand til nytt kommunesenter, snitt i sammenslåtte kommuner (km, luftlinje)", "Distance to the new municipal centre, mean in merged municipalities (km, straight line)"},
	"cmp.f.distmax":   {"Lengste avstand fra en tidligere kommune til nytt senter (km, luftlinje)", "Longest distance from a former municipality to its new centre (km, straight line)"},
	"cmp.f.distmoved": {"Innbyggere som får kommunesenteret i en annen tidligere kommune", "Inhabitants whose municipal centre moves to another former municipality"},
	"cmp.nomerger":    {"ingen sammen\u00adslåing", "no merger"},
	"cmp.calc.distance": {"Avstand til nytt kommunesenter: regnes bare for innbyggerne i kommuner som slås sammen, ikke for resten av landet. Grunnlaget er kommunegrensene: hver tidligere kommune er representert ved tyngdepunktet av arealet sitt, og det nye kommunesenteret ved tyngdepunktet av senterkommunen. Avstanden er en rett linje mellom dem (luftlinje, ikke vei eller ferje), og snittet er vektet med folketallet i hver tidligere kommune; innbyggerne i senterkommunen teller 0 km. Vi har ikke data om hvor folk bor inne i kommunen eller hvor rådhuset ligger, så tallet viser hvor langt senteret flytter, ikke hvor langt hver innbygger har til det. Uten sammenslåing gjelder tallet ikke. Grenser: © Kartverket.",
		"Distance to the new municipal centre: counted only for the inhabitants of municipalities that merge, not for the rest of the country. It rests on the municipal boundaries: each former municipality is represented by the centroid of its area, and the new municipal centre by the centroid of the centre municipality. The distance is a straight line between them (not by road or ferry), and the mean is weighted by each former municipality's population; the inhabitants of the centre municipality count 0 km. We have no data on where people live within a municipality or where its town hall is, so the figure shows how far the centre moves, not how far each inhabitant lives from it. Without a merger the figure does not apply. Boundaries: © Kartverket."},
	"ed.distance": {"Avstand til nytt kommunesenter, snitt i sammenslåtte kommuner (km, luftlinje)", "Distance to the new municipal centre, mean in merged municipalities (km, straight line)"},
}

func init() { addMessages("the distance to the new centre", distanceMessages) }
