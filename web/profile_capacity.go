package web

import (
	"context"

	"generalist"
	"generalist/capacity"
	"generalist/internal/nbfmt"
)

// formCounts are a municipality's tasks below the smallest robust
// professional environment in the two forms of /kapasitet: alone (if it
// ran every task itself) and with today's registered cooperation.
type formCounts struct {
	// Known is false when the municipality's population (or its age
	// split) is unknown: then there are no figures.
	Known bool
	// Tasks is the number of tasks with a staffing model; Alone the tasks
	// below the robust minimum alone.
	Tasks, Alone int
	// With is the tasks below the robust minimum with today's registered
	// cooperation, among the tasks whose cooperation is known; Unknown
	// the tasks below it alone for which the registry has nothing (their
	// form with cooperation is unknown). CooperationKnown is false when no
	// task's cooperation is known (an empty registry, another structure).
	With, Unknown    int
	CooperationKnown bool
}

// withStatus is a task's state with today's registered cooperation.
type withStatus string

const (
	withRobust  withStatus = "robust"  // robust in a registered pool
	withShort   withStatus = "short"   // below the minimum in a registered pool
	withAlone   withStatus = "alone"   // no registered arrangement: as alone
	withUnknown withStatus = "unknown" // the registry has nothing for the task
)

// poolOf returns m's pool for task, or nil when it has no registered
// arrangement for it.
func poolOf(m *capacity.Municipality, task string) *capacity.Pool {
	for i := range m.Cooperation {
		if m.Cooperation[i].Task == task {
			return &m.Cooperation[i]
		}
	}
	return nil
}

// statusWith is the state of m's task j (below the minimum alone) with
// today's registered cooperation.
func statusWith(res *capacity.Result, m *capacity.Municipality, j int) (withStatus, *capacity.Pool) {
	ts := res.Tasks[j]
	if !ts.CooperationKnown {
		return withUnknown, nil
	}
	p := poolOf(m, ts.Task)
	switch {
	case p == nil:
		return withAlone, nil
	case !p.Known:
		return withUnknown, p
	case p.Robust:
		return withRobust, p
	}
	return withShort, p
}

// countForms counts m's tasks below the robust minimum in both forms.
func countForms(res *capacity.Result, m *capacity.Municipality) formCounts {
	var c formCounts
	c.Known = m.Population.Known && len(m.Cells) > 0
	for j, cell := range m.Cells {
		c.CooperationKnown = c.CooperationKnown || res.Tasks[j].CooperationKnown
		if !cell.Known {
			c.Known = false
			continue
		}
		c.Tasks++
		if cell.Robust {
			continue // a pool is at least the municipality's own team
		}
		c.Alone++
		switch st, _ := statusWith(res, m, j); st {
		case withUnknown:
			c.Unknown++
		case withAlone, withShort:
			c.With++
		}
	}
	return c
}

// profileCapacity is the profile's vulnerability table: each task below
// the robust minimum alone, with its state with today's registered
// cooperation and the staffing assumptions the figures rest on.
type profileCapacity struct {
	Counts formCounts
	Rows   []profileTaskRow
	// Basis says what the figures with cooperation rest on (as on
	// /kapasitet); Unknown is true when some row's cooperation is unknown.
	Basis    []string
	Unknown  bool
	Registry string
	// Summary is the counts in sentences.
	Summary []string
}

type profileTaskRow struct {
	Task *generalist.Task
	ID   string
	// Expected, MinTeam and Shortfall are the municipality alone (FTEs).
	Expected, MinTeam, Shortfall float64
	With                         withStatus
	// Pool is the registered pool for the task (nil without one);
	// Partners the number of other municipalities in it.
	Pool     *capacity.Pool
	Partners int
	// WithText says With in words.
	WithText string
	staffingView
}

// newProfileCapacity builds the table for m from res; tasks resolves the
// task ids.
func newProfileCapacity(lang string, st generalist.Structure, res *capacity.Result, m *capacity.Municipality, tasks map[string]*generalist.Task) *profileCapacity {
	nf := nbfmt.For(lang)
	pc := &profileCapacity{Counts: countForms(res, m), Basis: basisText(lang, st, res.Cooperation), Registry: registryImportPath}
	for j, cell := range m.Cells {
		if !cell.Known || cell.Robust {
			continue
		}
		row := profileTaskRow{Task: tasks[cell.Task], ID: cell.Task, Expected: cell.Expected, MinTeam: cell.MinTeam, Shortfall: cell.Shortfall()}
		row.With, row.Pool = statusWith(res, m, j)
		if row.Pool != nil {
			row.Partners = len(row.Pool.Members) - 1
		}
		switch row.With {
		case withRobust, withShort:
			row.WithText = sprintf(msg(lang, "prof.with."+string(row.With)), row.Partners, nf.Decimal(row.Pool.Expected, 1), nf.Decimal(row.Pool.MinTeam, 1))
		case withAlone:
			row.WithText = msg(lang, "prof.with.alone")
		case withUnknown:
			row.WithText = msg(lang, "cap.unknown")
			if row.Pool != nil {
				row.WithText = msg(lang, "prof.with.poolnodata")
			}
		}
		pc.Unknown = pc.Unknown || row.With == withUnknown
		row.staffingView = newStaffingView(lang, nf, row.Task)
		pc.Rows = append(pc.Rows, row)
	}
	c := pc.Counts
	switch {
	case !c.Known:
		pc.Summary = []string{msg(lang, "prof.cap.nodata")}
	case c.Alone == 0:
		pc.Summary = []string{sprintf(msg(lang, "prof.cap.robust"), c.Tasks)}
	default:
		pc.Summary = []string{sprintf(msg(lang, "prof.cap.alone"), c.Alone, c.Tasks)}
		switch {
		case c.Unknown == c.Alone:
			pc.Summary = append(pc.Summary, msg(lang, "prof.cap.with.none"))
		case c.Unknown > 0:
			pc.Summary = append(pc.Summary, sprintf(msg(lang, "prof.cap.with.some"), c.With, c.Unknown))
		default:
			pc.Summary = append(pc.Summary, sprintf(msg(lang, "prof.cap.with"), c.With))
		}
	}
	return pc
}

// profileIMC is a municipality's part in the cooperation registry today.
type profileIMC struct {
	// Count is the registered cooperations in force that it takes part
	// in, Examples how many of them are the shipped examples.
	Count, Examples int
	URL             string
	// Text says it in a sentence or two.
	Text string
}

func (s *Server) profileIMC(ctx context.Context, lang string, n generalist.MunicipalityNumber, name string) (*profileIMC, error) {
	o, err := s.app.CooperationOverview(ctx, string(n), s.today())
	if err != nil {
		return nil, err
	}
	p := &profileIMC{Count: len(o.Rows), URL: "/kommune/" + string(n) + "/samarbeid"}
	for _, r := range o.Rows {
		if r.Example {
			p.Examples++
		}
	}
	day := dayText(lang, o.Date)
	switch {
	case p.Count == 0:
		p.Text = sprintf(msg(lang, "prof.imc.none"), day, name)
	case p.Examples > 0:
		p.Text = sprintf(msg(lang, "prof.imc.count"), name, p.Count, day) + " " + sprintf(msg(lang, "prof.imc.examples"), p.Examples)
	default:
		p.Text = sprintf(msg(lang, "prof.imc.count"), name, p.Count, day)
	}
	return p, nil
}
