package optimize

import (
	"context"
	"slices"
)

// placeRest places the units that the count phase left out: the light
// components too small to form a group, and units that constraints kept
// out of every group. Each joins an adjacent group that stays valid, the
// one whose objective grows least (with KeepFeasible, groups without a
// heavy unit first), repeatedly until none is left or none can be placed.
// Under constraints, new groups are then grown from the units left over
// (growLeft), first among themselves, then with units their neighbours
// can spare. Units that still cannot be placed are re-cut together with
// the groups around them (see repair). It returns the units it could not
// place.
func (se *search) placeRest(ctx context.Context) ([]int32, error) {
	for round := 0; ; round++ {
		se.attachAll()
		left := se.unplaced()
		if len(left) == 0 || round >= 40 {
			return left, nil
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if se.in.constrained && (se.growLeft(false) || se.growLeft(true)) {
			continue
		}
		se.repair(left[se.rng.IntN(len(left))])
	}
}

// repairTries is the number of re-cuts repair tries around a unit.
const repairTries = 20

func (se *search) unplaced() []int32 {
	var left []int32
	for u, g := range se.st.part {
		if g < 0 {
			left = append(left, int32(u))
		}
	}
	return left
}

// attachAll joins unplaced units to adjacent groups until no more can join.
func (se *search) attachAll() {
	in, st := se.in, se.st
	for progress := true; progress; {
		progress = false
		for u := range int32(in.n) {
			if st.part[u] >= 0 {
				continue
			}
			best, bestD, bestHeavy := int32(-1), 0.0, true
			se.nbrs = se.nbrs[:0]
			for _, v := range in.nbr[in.start[u]:in.start[u+1]] {
				if h := st.part[v]; h >= 0 && !slices.Contains(se.nbrs, h) {
					se.nbrs = append(se.nbrs, h)
				}
			}
			for _, h := range se.nbrs {
				g := st.groups[h].units
				se.region = append(append(se.region[:0], g...), u)
				if in.constrained && !in.validGroup(se.region) {
					continue
				}
				heavy := in.p.KeepFeasible && se.hasHeavy(g)
				st.part[u] = h // for Border costs
				d := in.groupCost(se.region, st.part) - in.groupCost(g, st.part)
				st.part[u] = -1
				if best < 0 || !heavy && bestHeavy || heavy == bestHeavy && d < bestD {
					best, bestD, bestHeavy = h, d, heavy
				}
			}
			if best >= 0 {
				st.join(u, best)
				progress = true
			}
		}
	}
}

func (se *search) hasHeavy(g []int32) bool {
	for _, u := range g {
		if se.in.heavy[u] {
			return true
		}
	}
	return false
}

// repair re-cuts the unplaced piece around unit u together with one or two
// adjacent groups, keeping the result only if every unit of the region is
// placed; the plan may lose a group.
func (se *search) repair(u int32) {
	in, st := se.in, se.st
	// The connected piece of unplaced units containing u.
	piece := []int32{u}
	seen := map[int32]bool{u: true}
	se.nbrs = se.nbrs[:0]
	for h := 0; h < len(piece); h++ {
		x := piece[h]
		for _, v := range in.nbr[in.start[x]:in.start[x+1]] {
			switch g := st.part[v]; {
			case g < 0 && !seen[v]:
				seen[v] = true
				piece = append(piece, v)
			case g >= 0 && !slices.Contains(se.nbrs, g):
				se.nbrs = append(se.nbrs, g)
			}
		}
	}
	// Under constraints growLeft takes units from the groups around the
	// piece; re-cuts of wider regions then rarely succeed and cost most
	// of the search's time, so repair keeps to the adjacent groups.
	tries := repairTries
	if in.constrained {
		tries = repairTries / 2
	}
	for try := 0; try < tries; try++ {
		se.ids = se.ids[:0]
		nb := slices.Clone(se.nbrs)
		for k := 1 + try%3; k > 0 && len(nb) > 0; k-- {
			j := se.rng.IntN(len(nb))
			se.ids = append(se.ids, nb[j])
			nb = slices.Delete(nb, j, j+1)
		}
		// Widen with the neighbours of the chosen groups on later tries.
		if try >= repairTries/2 && !in.constrained {
			for _, id := range slices.Clone(se.ids) {
				se.ids = st.neighbours(se.ids, id, nil)
			}
		}
		se.region = append(se.region[:0], piece...)
		for _, id := range se.ids {
			se.region = append(se.region, st.groups[id].units...)
		}
		c, lab := se.sp.split(se.region)
		if c == 0 || hasUnplaced(lab) {
			continue
		}
		for _, id := range se.ids {
			st.remove(id)
		}
		se.place(se.region, lab, c)
		return
	}
}

// improve lowers the objective by moving single units between adjacent
// groups (the local search of spopt's max-p, without its tabu list):
// sweeps over the units in random order, each unit taking the move that
// lowers the objective most while both groups stay valid and connected,
// until a sweep finds nothing or after maxSweeps sweeps.
//
// With KeepFeasible, heavy units never move, and a light unit never moves
// into a group with a heavy unit unless it leaves one.
//
// Complexity per sweep: O(Σ deg(u)·(|A|+|B|)) for the groups A, B a move
// touches (the contiguity test and the objective change are linear in the
// group sizes).
func (se *search) improve(ctx context.Context, maxSweeps int) error {
	in, st := se.in, se.st
	order := make([]int32, in.n)
	for i := range order {
		order[i] = int32(i)
	}
	keep := in.p.KeepFeasible
	for sweep := 0; sweep < maxSweeps; sweep++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		se.rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		moved := 0
		for _, u := range order {
			if keep && in.heavy[u] {
				continue
			}
			from := st.part[u]
			if from < 0 {
				continue // left out (Settings.LeaveOut)
			}
			A := &st.groups[from]
			if len(A.units) == 1 || A.w-in.w[u] < in.floor {
				continue
			}
			se.nbrs = se.nbrs[:0]
			for _, v := range in.nbr[in.start[u]:in.start[u+1]] {
				if h := st.part[v]; h >= 0 && h != from && !slices.Contains(se.nbrs, h) {
					se.nbrs = append(se.nbrs, h)
				}
			}
			if len(se.nbrs) == 0 {
				continue
			}
			ca := in.centre(A.units)
			aHeavy := keep && se.hasHeavy(A.units)
			best, bestD := int32(-1), -1e-9
			for _, h := range se.nbrs {
				B := st.groups[h].units
				if keep && !aHeavy && se.hasHeavy(B) {
					continue
				}
				d := in.moveDelta(u, A.units, ca, B, in.centre(B), st.part, h)
				if d >= bestD {
					continue
				}
				if in.constrained {
					se.region = append(append(se.region[:0], B...), u)
					if !in.validGroup(se.region) {
						continue
					}
				}
				best, bestD = h, d
			}
			if best < 0 || !se.connectedWithout(A.units, u) {
				continue
			}
			if in.constrained {
				se.region = se.region[:0]
				for _, v := range A.units {
					if v != u {
						se.region = append(se.region, v)
					}
				}
				if !in.validGroup(se.region) {
					continue
				}
			}
			st.leave(u)
			st.join(u, best)
			moved++
		}
		if moved == 0 {
			break
		}
	}
	return nil
}

// connectedWithout reports whether the units of g other than u are
// connected.
func (se *search) connectedWithout(g []int32, u int32) bool {
	in, sp := se.in, se.sp
	sp.enter(g)
	sp.mark[u] = 0
	start := g[0]
	if start == u {
		start = g[1]
	}
	sp.buf = append(sp.buf[:0], start)
	sp.mark[start] = 0
	for h := 0; h < len(sp.buf); h++ {
		x := sp.buf[h]
		for _, v := range in.nbr[in.start[x]:in.start[x+1]] {
			if sp.mark[v] == sp.epoch {
				sp.mark[v] = 0
				sp.buf = append(sp.buf, v)
			}
		}
	}
	return len(sp.buf) == len(g)-1
}

// objectivePhase lowers the objective of a plan without changing its
// number of groups: single-unit moves (improve), then iters re-cuts of
// adjacent pairs of groups along random spanning trees (resplit), then
// single-unit moves again.
func (se *search) objectivePhase(ctx context.Context, iters int) error {
	if err := se.improve(ctx, 50); err != nil {
		return err
	}
	for it := range iters {
		if it&63 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		se.resplit(2)
	}
	return se.improve(ctx, 50)
}
