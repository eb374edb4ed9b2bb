// Package optimize searches for groupings of municipalities (or any units
// of an adjacency graph) that meet a threshold: the structure search of
// Generalist. It is pure: a graph and weights in, plans out; it never
// touches a store, and the same inputs and seed give the same result.
//
// # Threshold grouping (max-p regionalization)
//
// [Solve] partitions the nodes of a [graph.Graph] into contiguous groups
// whose weight (population, or a task's expected FTEs) reaches a floor,
// as many groups as it can find — the fewest mergers — and then with the
// least secondary [Objective]: the weighted distance to each group's
// centre, the length of the borders between groups, or spopt's
// heterogeneity (pairwise L1 differences of attributes). [Problem] adds
// the constraints: keep units that already meet the floor as they are
// (KeepFeasible), stay within regions such as counties, a maximum
// distance to the centre, locked groups, forbidden pairs, and whether the
// graph's sea links count. The result is a [Plan], with [UpperBound]'s
// bound on the number of groups and the gap to it; [Plan.Groups] gives the
// municipality numbers of each group, the plain form the scenario engine
// builds a merger or mandated-cooperation scenario from. [Check] verifies
// any assignment against a problem.
//
// Criteria that no plan can meet give an [*Infeasible] error
// ([ErrInfeasible]) that names the units concerned and why: "1151 Utsira
// reaches only 215, below the floor 5 000, and can be grouped with no
// other unit (without sea links)".
//
// # Ensembles
//
// [Ensemble] runs ReCom Markov chains (merge two adjacent groups, draw a
// random spanning tree, cut an edge that leaves both sides valid) over the
// plans with a fixed number of groups that meet the floor and stay under a
// ceiling (by default 1.5 times the ideal group weight; a unit heavier
// than the ceiling alone is a group of its own), on all cores, and
// summarises them: distributions of the objective, the group weights and
// the links between groups, how often each pair of units ends up together
// ([EnsembleResult.EdgeTogether], [EnsembleResult.Together]), and
// convergence [Diagnostics] (acceptance, [ESS], [SplitRHat]). The
// [Reversible] variant samples the spanning-tree distribution; the
// visited plans can be passed out ([EnsembleSettings].Sample).
// docs/ensembles.md says what the summaries can be read as.
//
// # Method, in short
//
// A unit that meets the floor alone is a group of its own in some plan
// with the most groups, so the search is about the light units. Cutting a
// spanning tree greedily from the leaves up (close a group as soon as the
// floor is reached) gives the most groups that tree allows, and every
// partition is a cut of some spanning tree; the search therefore starts
// from greedy cuts of random spanning trees and improves them by
// re-cutting the union of a few adjacent groups along fresh random trees
// (a large-neighbourhood search that is ReCom turned into an optimiser),
// then lowers the objective by single-unit moves and pair re-cuts. The
// upper bound merges pendant light units into their neighbour (which
// keeps the optimum), counts the units that then reach the floor, and
// adds ⌊weight / floor⌋ per remaining component. See the doc comments of
// Solve, UpperBound and Ensemble for complexity; docs/benchmarks.md has
// the measured figures against PySAL spopt, libgeoda and GerryChain.
//
// # Errors and panics
//
// Invalid input (weights of the wrong length, a negative or NaN weight, a
// floor ≤ 0, a locked group that is not contiguous, …) is an EINVALID
// *generalist.Error. Infeasibility is an *Infeasible, which unwraps to an
// EINVALID *generalist.Error with the same message. Cancelling the
// context stops a run within milliseconds and returns ctx.Err(). Nothing
// panics on bad data.
//
// # Glossary
//
//	terskel, minstekrav     floor
//	sammenslåing            merger (a group of more than one unit)
//	interkommunalt samarbeid (IKS), pålagt samarbeid
//	                        (mandated) inter-municipal cooperation: a group of partners
//	sårbar kommune          vulnerable municipality: below the floor alone
//	fagmiljø                professional environment (the team the capacity model sizes)
//
// # Sources
//
// Duque, Anselin and Rey, "The max-p-regions problem", Journal of Regional
// Science 52 (2012) 397–419; Wei, Rey and Knaap, "Efficient
// regionalization for spatially explicit neighborhood delineation", IJGIS
// 35 (2021) 135–151 (PySAL spopt's max-p); DeFord, Duchin and Solomon,
// "Recombination: a family of Markov chains for redistricting", Harvard
// Data Science Review 3 (2021); Cannon, Duchin, Randall and Rule,
// "Spanning tree methods for sampling graph partitions" (2022); Vehtari,
// Gelman, Simpson, Carpenter and Bürkner, "Rank-normalization, folding,
// and localization: an improved R-hat", Bayesian Analysis 16 (2021);
// Wilson, "Generating random spanning trees more quickly than the cover
// time", STOC 1996; Kruskal, "On the shortest spanning subtree
// of a graph", Proc. AMS 7 (1956) 48–50.
package optimize
