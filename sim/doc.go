// Package sim evaluates a scenario — an alternative to today's system —
// against the base structure: who carries each statutory task after
// mergers, inter-municipal cooperation, task differentiation, mandated
// cooperation, county relief and changed national norms; which teams then
// fall below the robust minimum and how many people live under them; how
// much of each municipality's task work runs outside its own organisation
// (the democratic-arena cost); the structure table; and the distance from
// inhabitants to a merged municipality's centre.
//
// It is pure and deterministic: the same Base and Scenario give the same
// Outcome. Run costs O(t·u + e) for t tasks, u municipalities and e
// graph edges visited when forming mandated partner groups.
//
// # Rules, in the order they are applied
//
//  1. Norms: the catalogue's staffing parameters are replaced for the
//     named tasks (state governance).
//  2. Mergers and splits form the new units. A unit's population is the
//     sum of its members'; a split without shares makes the units that
//     receive a part unknown (no data), never a guess.
//  3. Per task, each unit is carried by its own team unless a rule gives
//     the task to a group: an explicit cooperation; differentiation to the
//     county (one pool per county), a host municipality, or the state (no
//     longer a municipal task); mandated cooperation; county relief. A unit
//     claimed by an earlier rule for a task is not taken by a later one.
//  4. A group's team is the pooled expected FTEs of its members; every
//     member is robust for the task when the pool is.
//
// # Mandated cooperation: the partner rule
//
// A unit that must cooperate on a task joins the nearest unit (by
// distance between centroids) that reaches the robust minimum on its own
// and is within three steps on the adjacency graph; if there is none, the
// nearest such unit anywhere; that unit becomes the host. Units are placed
// smallest served population first. This greedy rule is documented rather
// than optimal; the structure search supplies better groupings.
package sim
