package report

import (
	"generalist"
	"generalist/internal/nbfmt"
	"generalist/sim"
)

// RoleNames are the bokmål names of the four roles (as the web's message
// catalogue has them).
var RoleNames = map[generalist.Role]string{
	generalist.RoleServiceProvider: "Tjenesteyter",
	generalist.RoleDemocraticArena: "Demokratisk arena",
	generalist.RoleAuthority:       "Myndighetsutøver",
	generalist.RoleCommunityDev:    "Samfunnsutvikler",
}

// roleOf returns an outcome's figures for one role.
func roleOf(o *sim.Outcome, role generalist.Role) sim.RoleOutcome {
	for _, r := range o.Roles {
		if r.Role == role {
			return r
		}
	}
	return sim.RoleOutcome{Role: role}
}

// roleGroup is one role's key figures across the outcomes.
type roleGroup struct {
	Role string
	Rows []row
}

// withChange writes a count and, for a scenario, its change from today's
// system in parentheses: "3 160 (−3 762)".
func withChange(v, today int, scenario bool) string {
	s := nbfmt.Bokmal.Int(int64(v))
	if scenario {
		s += " (" + nbfmt.Bokmal.Signed(float64(v-today), 0) + ")"
	}
	return s
}

// roleSummary is the summary per role the reports open with: for each
// role the task–municipality pairs below the robust minimum and those
// carried in cooperation or by another body, and for the democratic arena
// also the number of municipalities (elected councils) and the share of
// task FTEs run outside the municipality's own organisation.
func (c *Comparison) roleSummary() []roleGroup {
	counts := func(label string, fn func(o *sim.Outcome) int) row {
		r := row{Label: label}
		for i, o := range c.Outcomes {
			r.Values = append(r.Values, withChange(fn(o), fn(c.Outcomes[0]), i > 0))
		}
		return r
	}
	var out []roleGroup
	for _, role := range generalist.Roles {
		g := roleGroup{Role: RoleNames[role]}
		if role == generalist.RoleDemocraticArena {
			g.Rows = append(g.Rows, counts("Antall kommuner (kommunestyrer)", func(o *sim.Outcome) int { return o.Municipalities }))
			r := row{Label: "Andel oppgaveårsverk i samarbeid, utenfor kommunens egen organisasjon"}
			for _, o := range c.Outcomes {
				r.Values = append(r.Values, c.outsideShare(o))
			}
			g.Rows = append(g.Rows, r)
		}
		g.Rows = append(g.Rows,
			counts("Oppgave–kommune-par under robust nivå", func(o *sim.Outcome) int { return roleOf(o, role).Vulnerable }),
			counts("Oppgave–kommune-par løst i samarbeid eller av andre", func(o *sim.Outcome) int { return roleOf(o, role).Outside }))
		out = append(out, g)
	}
	return out
}

// outsideShare writes an outcome's share of task FTEs in cooperation:
// "ukjent" for today's system when no registered cooperation is part of
// it, and a share above 0 that rounds to 0,0 % as "under 0,1 %".
func (c *Comparison) outsideShare(o *sim.Outcome) string {
	b := c.Outcomes[0].TodaysCooperation
	v := 100 * o.MeanOutsideShare
	switch {
	case o == c.Outcomes[0] && !(b.Applied && b.Cooperations > 0):
		return "ukjent"
	case v > 0 && v < 0.05:
		return "under " + nbfmt.Bokmal.Percent(0.1, 1)
	}
	return nbfmt.Bokmal.Percent(v, 1)
}
