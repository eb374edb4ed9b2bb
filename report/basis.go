package report

import (
	"fmt"
	"math"
	"strings"

	"generalist"
	"generalist/internal/nbfmt"
)

// staffingRow is one task's staffing assumptions, as the report lists
// them under Forutsetninger.
type staffingRow struct {
	Task                   string // name in the report's language
	FTEPer1000, MinTeam    string // values, in the report's format
	FTEBasis, MinTeamBasis string // "antakelse …" or "kilde: …"
}

// staffing lists the staffing assumptions of the tasks the outcomes
// measure, in their order, from the catalogue they were computed with.
func (c *Comparison) staffing() []staffingRow {
	if c.Catalogue == nil || len(c.Outcomes) == 0 {
		return nil
	}
	byID := map[string]*generalist.Task{}
	for i := range c.Catalogue.Tasks {
		byID[c.Catalogue.Tasks[i].ID] = &c.Catalogue.Tasks[i]
	}
	var out []staffingRow
	for _, to := range c.Outcomes[0].Tasks {
		t := byID[to.Task]
		if t == nil || t.Staffing == nil {
			continue
		}
		s := t.Staffing
		out = append(out, staffingRow{Task: c.taskName(t.ID),
			FTEPer1000: c.paramValue(s.FTEPer1000.Value), FTEBasis: c.paramBasis(s.FTEPer1000),
			MinTeam: c.paramValue(s.MinTeam.Value), MinTeamBasis: c.paramBasis(s.MinTeam)})
	}
	return out
}

// paramValue writes a catalogue parameter with the decimals it has (at
// most three): 5, 4,2, 0,11.
func (c *Comparison) paramValue(v float64) string {
	for d := 0; d < 3; d++ {
		if math.Abs(v*math.Pow10(d)-math.Round(v*math.Pow10(d))) < 1e-9 {
			return c.nf().Decimal(v, d)
		}
	}
	return c.nf().Decimal(v, 3)
}

// paramBasis says what a parameter rests on: an assumption (with what it
// builds on, when it names a source) or its source.
func (c *Comparison) paramBasis(p generalist.Param) string {
	src := strings.TrimSpace(p.Source)
	switch {
	case p.Assumption && src != "":
		return c.t("basis.on", src)
	case p.Assumption:
		return c.t("basis.assumed")
	}
	return c.t("basis.source", src)
}

// cooperationText says, in the report's language, whether today's registered cooperation
// is part of today's system (and so of every scenario's baseline): how
// many cooperations, running on which day, and whether the shipped
// examples were counted (today's outcome's TodaysCooperation).
func (c *Comparison) cooperationText() string {
	b := c.Outcomes[0].TodaysCooperation
	day := c.shortDate(b.ActiveOn)
	var s string
	switch {
	case !b.Applied:
		s = c.t("coop.notapplied")
		if c.Outcomes[0].Structure != generalist.Structure2024 {
			s += c.t("coop.structure", c.Outcomes[0].Structure)
		}
		s += c.t("coop.alone")
	case b.Cooperations == 0:
		s = c.t("coop.none", day)
	default:
		s = c.t("coop.applied", c.nf().Int(int64(b.Cooperations)), day)
	}
	if b.Applied {
		switch {
		case b.Examples:
			s += c.t("coop.examples")
		case b.ExamplesLeftOut > 0:
			s += c.t("coop.examplesout", c.nf().Int(int64(b.ExamplesLeftOut)))
		default:
			s += c.t("coop.noexamples")
		}
	}
	return s
}

// shortDate writes a day as 1.1.2026 in bokmål, 1 January 2026 in English.
func (c *Comparison) shortDate(d generalist.CalendarDate) string {
	t := d.Time()
	switch {
	case t.IsZero():
		return string(d)
	case c.english():
		return nbfmt.English.Date(t)
	}
	return fmt.Sprintf("%d.%d.%d", t.Day(), int(t.Month()), t.Year())
}
