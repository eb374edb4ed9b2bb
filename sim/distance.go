package sim

import "generalist"

// CentreDistance is how far the municipal centre moves for the
// inhabitants of the municipalities a scenario merges. Its basis is what
// the data hold: each municipality's boundary, no population grid and no
// position of the administrative centre. So each former municipality
// stands at its centroid (the centre of its area), the new
// municipality's centre at the centroid of its centre municipality, and
// a distance is a straight line between the two on the UTM 33N plane. An
// inhabitant of the centre municipality counts 0 km. The figure says how
// far the centre moves, not how far any one inhabitant lives from it.
type CentreDistance struct {
	// Mergers counts the units formed by merging two or more
	// municipalities; 0 means the scenario merges none, and the rest
	// does not apply.
	Mergers int `json:"mergers"`
	// Inhabitants is the inhabitants of those units (split parts
	// aside), Moved those of them whose former municipality is not the
	// centre municipality; nil when a merged municipality lacks its
	// population: no data, never 0.
	Inhabitants *generalist.Persons `json:"inhabitants"`
	Moved       *generalist.Persons `json:"moved_inhabitants"`
	// MeanKm is the distance averaged over Inhabitants, weighted by each
	// former municipality's population, and MaxKm the longest distance
	// from a former municipality to its new centre. Both are nil when no
	// municipality merges, without a graph, or when a merged
	// municipality lacks its population or its centroid.
	MeanKm *float64 `json:"mean_km"`
	MaxKm  *float64 `json:"max_km"`
}

// centreDistance sums the merged units' figures into the outcome's.
func centreDistance(units []*unit) CentreDistance {
	var d CentreDistance
	var inhabitants, moved generalist.Persons
	var sum, w, longest float64
	popOK, distOK := true, true
	for _, u := range units {
		if !u.merged {
			continue
		}
		d.Mergers++
		if u.popGap {
			popOK = false
			continue
		}
		inhabitants += u.mergedPop
		moved += u.moved
		if u.distGap || u.DistanceKm == nil {
			distOK = false
			continue
		}
		sum += float64(u.mergedPop) * *u.DistanceKm
		w += float64(u.mergedPop)
		longest = max(longest, u.farKm)
	}
	if d.Mergers == 0 || !popOK {
		return d
	}
	d.Inhabitants, d.Moved = &inhabitants, &moved
	if distOK && w > 0 {
		mean := sum / w
		d.MeanKm, d.MaxKm = &mean, &longest
	}
	return d
}
