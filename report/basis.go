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
	Task                   string // bokmål name
	FTEPer1000, MinTeam    string // values, bokmål format
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
		out = append(out, staffingRow{Task: t.NameNB,
			FTEPer1000: paramValue(s.FTEPer1000.Value), FTEBasis: paramBasis(s.FTEPer1000),
			MinTeam: paramValue(s.MinTeam.Value), MinTeamBasis: paramBasis(s.MinTeam)})
	}
	return out
}

// paramValue writes a catalogue parameter with the decimals it has (at
// most three): 5, 4,2, 0,11.
func paramValue(v float64) string {
	for d := 0; d < 3; d++ {
		if math.Abs(v*math.Pow10(d)-math.Round(v*math.Pow10(d))) < 1e-9 {
			return nbfmt.Bokmal.Decimal(v, d)
		}
	}
	return nbfmt.Bokmal.Decimal(v, 3)
}

// paramBasis says what a parameter rests on: an assumption (with what it
// builds on, when it names a source) or its source.
func paramBasis(p generalist.Param) string {
	src := strings.TrimSpace(p.Source)
	switch {
	case p.Assumption && src != "":
		return "antakelse (bygger på " + src + ")"
	case p.Assumption:
		return "antakelse"
	}
	return "kilde: " + src
}

// cooperationText says, in bokmål, whether today's registered cooperation
// is part of today's system (and so of every scenario's baseline): how
// many cooperations, running on which day, and whether the shipped
// examples were counted (today's outcome's TodaysCooperation).
func (c *Comparison) cooperationText() string {
	b := c.Outcomes[0].TodaysCooperation
	day := shortDate(b.ActiveOn)
	var s string
	switch {
	case !b.Applied:
		s = "Dagens registrerte interkommunale samarbeid er ikke regnet med"
		if c.Outcomes[0].Structure != generalist.Structure2024 {
			s += fmt.Sprintf(": samarbeidsregisteret føres på 2024-strukturen, og sammenligningen er på %d-strukturen", c.Outcomes[0].Structure)
		}
		s += ". Hver kommune regnes som om den løser hver oppgave alene, og dagens samarbeid er ukjent."
	case b.Cooperations == 0:
		s = fmt.Sprintf("Samarbeidsregisteret har ingen registrerte samarbeid i drift per %s. Dagens system regner derfor hver kommune for seg; dagens samarbeid er ukjent, ikke «ingen».", day)
	default:
		s = fmt.Sprintf("Dagens system omfatter %s interkommunale samarbeid fra samarbeidsregisteret, i drift per %s. Medlemmene av et samarbeid regnes som ett fagmiljø for oppgavene det gjelder, i dagens system og i alternativene (alternativets egne valg går foran).",
			nbfmt.Bokmal.Int(int64(b.Cooperations)), day)
	}
	if b.Applied {
		switch {
		case b.Examples:
			s += " Eksempelsamarbeidene (oppdiktede avtaler) er regnet med som dagens samarbeid etter valg fra brukeren."
		case b.ExamplesLeftOut > 0:
			s += fmt.Sprintf(" %s eksempelsamarbeid i registeret er ikke regnet med.", nbfmt.Bokmal.Int(int64(b.ExamplesLeftOut)))
		default:
			s += " Eksempelsamarbeid er ikke regnet med."
		}
	}
	return s
}

// shortDate writes a day as 1.1.2026.
func shortDate(d generalist.CalendarDate) string {
	t := d.Time()
	if t.IsZero() {
		return string(d)
	}
	return fmt.Sprintf("%d.%d.%d", t.Day(), int(t.Month()), t.Year())
}
