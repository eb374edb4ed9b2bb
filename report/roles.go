package report

import (
	"generalist"
	"generalist/sim"
)

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
func (c *Comparison) withChange(v, today int, scenario bool) string {
	s := c.nf().Int(int64(v))
	if scenario {
		s += " (" + c.nf().Signed(float64(v-today), 0) + ")"
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
			r.Values = append(r.Values, c.withChange(fn(o), fn(c.Outcomes[0]), i > 0))
		}
		return r
	}
	var out []roleGroup
	for _, role := range generalist.Roles {
		g := roleGroup{Role: c.roleName(role)}
		if role == generalist.RoleDemocraticArena {
			g.Rows = append(g.Rows, counts(c.t("role.councils"), func(o *sim.Outcome) int { return o.Municipalities }))
			r := row{Label: c.t("role.outside")}
			for _, o := range c.Outcomes {
				r.Values = append(r.Values, c.outsideShare(o))
			}
			g.Rows = append(g.Rows, r)
		}
		g.Rows = append(g.Rows,
			counts(c.t("row.vulnerable"), func(o *sim.Outcome) int { return roleOf(o, role).Vulnerable }),
			c.outsideCount(role))
		out = append(out, g)
	}
	return out
}

// outsideCount is a role's task–municipality pairs in cooperation or run
// by another body: "ukjent" when today's cooperation is unknown (nil),
// "minst" the pairs a scenario's own choices put there, and a change from
// today only when both are known.
func (c *Comparison) outsideCount(role generalist.Role) row {
	r := row{Label: c.t("role.grouped")}
	today := roleOf(c.Outcomes[0], role).Outside
	for i, o := range c.Outcomes {
		ro := roleOf(o, role)
		switch {
		case ro.Outside != nil && today != nil:
			r.Values = append(r.Values, c.withChange(*ro.Outside, *today, i > 0))
		case ro.Outside != nil:
			r.Values = append(r.Values, c.nf().Int(int64(*ro.Outside)))
		case ro.OutsideAtLeast > 0:
			r.Values = append(r.Values, c.t("atleast", c.nf().Int(int64(ro.OutsideAtLeast))))
		default:
			r.Values = append(r.Values, c.t("unknown"))
		}
	}
	return r
}

// outsideShare writes an outcome's share of task FTEs in cooperation:
// "ukjent" for today's system when no registered cooperation is part of
// it, and then for a scenario with no cooperation of its own ("minst" for
// one with some: today's unknown cooperation comes on top); a share above
// 0 that rounds to 0,0 % as "under 0,1 %".
func (c *Comparison) outsideShare(o *sim.Outcome) string {
	known := c.Outcomes[0].CooperationKnown()
	v := 100 * o.MeanOutsideShare
	switch {
	case !known && (o == c.Outcomes[0] || v == 0):
		return c.t("unknown")
	case v > 0 && v < 0.05:
		return c.t("below", c.nf().Percent(0.1, 1))
	case !known:
		return c.t("atleast", c.nf().Percent(v, 1))
	}
	return c.nf().Percent(v, 1)
}
