package generalist

import (
	"context"
	"fmt"
)

// CooperationBasis says what "today's registered cooperation" in a
// capacity figure or a scenario's baseline rests on: which registered
// cooperations were taken as today's arrangements, on which day, and
// whether the shipped examples were among them. When Applied is false no
// cooperation was applied and Reason says why; figures "with cooperation"
// are then the same as "alone" and the cooperation form is unknown.
type CooperationBasis struct {
	Applied bool `json:"applied"`
	// ActiveOn is the day the cooperations had to be running on: 1
	// January of the population year.
	ActiveOn CalendarDate `json:"active_on"`
	// Cooperations counts the registered cooperations used (running on
	// ActiveOn, with at least one catalogue task and two municipalities),
	// and Arrangements the task arrangements they give.
	Cooperations int `json:"cooperations"`
	Arrangements int `json:"arrangements"`
	// Examples is whether the shipped examples were counted as today's
	// cooperation (only when the user asks); ExamplesLeftOut how many
	// running examples were not.
	Examples        bool   `json:"examples_counted"`
	ExamplesLeftOut int    `json:"examples_left_out"`
	Reason          string `json:"reason,omitempty"`
}

// TodaysCooperation takes the registered cooperations cs as today's
// arrangements on structure s on 1 January of year: those running on that
// day, converted with IMC.Arrangements, leaving out the shipped examples
// unless examples is set. The registry's numbers are those of the 2024
// structure, so on any other structure it applies nothing and the basis
// says so.
func TodaysCooperation(cs []IMC, s Structure, year int, examples bool) ([]Arrangement, CooperationBasis) {
	b := CooperationBasis{ActiveOn: TodaysDay(year), Examples: examples}
	if s != Structure2024 {
		b.Reason = fmt.Sprintf("the cooperation registry is kept on the 2024 structure; registered cooperation is not applied to the %d structure", s)
		return nil, b
	}
	var out []Arrangement
	for i := range cs {
		c := &cs[i]
		if !c.ActiveOn(b.ActiveOn) {
			continue
		}
		if c.Example && !examples {
			b.ExamplesLeftOut++
			continue
		}
		arr := c.Arrangements()
		if len(arr) == 0 {
			continue
		}
		b.Cooperations++
		out = append(out, arr...)
	}
	b.Arrangements = len(out)
	b.Applied = true
	return out, b
}

// TodaysDay is the day today's cooperation is read on for a population
// year: 1 January, the day the population is counted.
func TodaysDay(year int) CalendarDate { return CalendarDate(fmt.Sprintf("%04d-01-01", year)) }

// IMCRegistryState summarises the registry so that every change to it
// shows: each write (create, update, delete, import) adds a revision.
// Models that take the registry as today's cooperation keep their results
// under it (the application's data version).
type IMCRegistryState struct {
	// Cooperations counts those not deleted, Revisions every revision
	// ever stored, and LastID is the highest id used (0 when none).
	Cooperations int   `json:"cooperations"`
	Revisions    int   `json:"revisions"`
	LastID       int64 `json:"last_id"`
}

// IMCStateStore reports the registry's state. Both stores implement it.
type IMCStateStore interface {
	IMCRegistryState(ctx context.Context) (IMCRegistryState, error)
}
