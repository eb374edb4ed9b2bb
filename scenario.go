package generalist

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// MaxScenarioNameLen bounds a scenario's name in characters, as the other
// names the system stores.
const MaxScenarioNameLen = 200

// Scenario is an alternative to today's system: a base (structure and
// year) plus changes. It is stored as JSON and evaluated by package sim.
type Scenario struct {
	ID          string    `json:"id"`
	Name        string    `json:"name"`
	Description string    `json:"description,omitempty"`
	Author      string    `json:"author,omitempty"`
	Structure   Structure `json:"structure"`
	Year        int       `json:"year"`
	// Version counts saves; an update must carry the version it read
	// (optimistic concurrency).
	Version   int       `json:"version"`
	CreatedAt time.Time `json:"created_at,omitzero"`
	UpdatedAt time.Time `json:"updated_at,omitzero"`
	// Published says who made a stored scenario readable by anyone and
	// when; nil while only signed-in users may read it. The store keeps
	// it apart from the scenario's content (PublishScenario), so a file
	// or a save never sets it.
	Published *Publication `json:"published,omitempty"`

	Mergers        []Merger       `json:"mergers,omitempty"`
	Splits         []SplitChange  `json:"splits,omitempty"`
	Arrangements   []Arrangement  `json:"cooperations,omitempty"`
	Differentiated []TaskTransfer `json:"differentiation,omitempty"`
	Mandated       []MandatedIMC  `json:"mandated,omitempty"`
	CountyRelief   []CountyRelief `json:"county_relief,omitempty"`
	Norms          []NormChange   `json:"norms,omitempty"`
	// Support are state grants for the new cooperation the scenario
	// creates (support.go).
	Support []SupportScheme `json:"support,omitempty"`
	// County moves the county authority's tasks away or abolishes it
	// (county.go).
	County *CountyChange `json:"county,omitempty"`
}

// Publication is who published a stored scenario, and when.
type Publication struct {
	By string    `json:"by"`
	At time.Time `json:"at"`
}

// Merger joins municipalities into one. Centre is the member whose
// administrative centre the new municipality gets.
type Merger struct {
	Name    string               `json:"name"`
	Members []MunicipalityNumber `json:"members"`
	Centre  MunicipalityNumber   `json:"centre"`
	// AllowNonContiguous accepts a group that is not connected on the
	// adjacency graph (with a warning instead of an error).
	AllowNonContiguous bool `json:"allow_non_contiguous,omitempty"`
}

// SplitChange divides a municipality over several others (as Tysfjord and
// Snillfjord in 2020, Ålesund in 2024). Without Shares the parts' carried
// populations are unknown; shares must sum to 1.
type SplitChange struct {
	From   MunicipalityNumber   `json:"from"`
	Into   []MunicipalityNumber `json:"into"` // existing municipalities or merger names' centres
	Shares []float64            `json:"shares,omitempty"`
}

// Arrangement is an inter-municipal cooperation for one task in a scenario
// (the registry of real cooperations is IMC).
type Arrangement struct {
	Task    string               `json:"task"`
	Form    IMCForm              `json:"form"`
	Members []MunicipalityNumber `json:"members"`
	Host    MunicipalityNumber   `json:"host,omitempty"`
}

// Criteria select municipalities for a rule. A municipality matches when
// it meets every criterion that is set; Named alone makes a trial (forsøk)
// for those municipalities only.
type Criteria struct {
	PopulationBelow Persons              `json:"population_below,omitempty"`
	Centrality      []int                `json:"centrality,omitempty"`
	Named           []MunicipalityNumber `json:"named,omitempty"`
	// BelowRobust selects municipalities whose own team for the rule's
	// task is below the robust minimum.
	BelowRobust bool `json:"below_robust,omitempty"`
}

// Receiver is who takes a task away from a municipality.
type Receiver string

// Receivers of task differentiation.
const (
	ToCounty Receiver = "fylkeskommune"
	ToHost   Receiver = "vertskommune"
	ToState  Receiver = "staten"
)

// TaskTransfer moves a task from the municipalities matching Criteria to
// the county, a host municipality or the state (task differentiation).
type TaskTransfer struct {
	Task     string             `json:"task"`
	To       Receiver           `json:"to"`
	Host     MunicipalityNumber `json:"host,omitempty"` // when To is vertskommune
	Criteria Criteria           `json:"criteria"`
}

// MandatedIMC obliges municipalities matching Criteria to cooperate on a
// task; the engine forms the partner groups (see sim).
type MandatedIMC struct {
	Task     string   `json:"task"`
	Form     IMCForm  `json:"form"`
	Criteria Criteria `json:"criteria"`
}

// CountyRelief lets the county take a task for its municipalities whose
// own team is below the robust minimum, or for all of them (All).
type CountyRelief struct {
	Task     string         `json:"task"`
	Counties []CountyNumber `json:"counties,omitempty"` // empty: every county
	// All takes the task from every municipality of those counties, not
	// only those below the robust minimum (strengthening the county).
	All bool `json:"all,omitempty"`
}

// NormChange is state governance: a national norm for a task changed.
type NormChange struct {
	Task       string   `json:"task"`
	FTEPer1000 *float64 `json:"fte_per_1000,omitempty"`
	MinTeam    *float64 `json:"min_team,omitempty"`
	Note       string   `json:"note"`
}

// Problem is one thing wrong with a scenario. Warnings do not stop
// evaluation; errors do.
type Problem struct {
	Warning bool   `json:"warning,omitempty"`
	Where   string `json:"where"` // e.g. "mergers[2]"
	Message string `json:"message"`
	// Key and Args, when Key is set, let an edge word the problem in its
	// own language (as Error's).
	Key  string `json:"-"`
	Args []any  `json:"-"`
}

func (p Problem) String() string {
	kind := "error"
	if p.Warning {
		kind = "warning"
	}
	return fmt.Sprintf("%s: %s: %s", kind, p.Where, p.Message)
}

// Problems is the list of a scenario's problems.
type Problems []Problem

// maxProblemsListed bounds the problems Err lists.
const maxProblemsListed = 100

// Err returns an EINVALID error listing the errors (the first
// maxProblemsListed), or nil when there are only warnings.
func (ps Problems) Err() error {
	var msgs []string
	for _, p := range ps {
		if !p.Warning {
			msgs = append(msgs, p.Where+": "+p.Message)
		}
	}
	if len(msgs) == 0 {
		return nil
	}
	n := len(msgs)
	if n > maxProblemsListed { // a file of thousands of mistakes: the first ones say what is wrong
		msgs = append(msgs[:maxProblemsListed:maxProblemsListed], fmt.Sprintf("… and %d more", n-maxProblemsListed))
	}
	return Errorf(EINVALID, "the scenario has %d problem(s):\n  %s", n, strings.Join(msgs, "\n  "))
}

// RequiresLawChange reports whether a form is one the committee discussed
// that today's law does not allow (kept apart from IMCForms).
func (f IMCForm) RequiresLawChange() bool { return f == FormSamkommune || f == FormHostCounty }

// Forms under debate, usable in scenarios but always flagged.
const (
	FormSamkommune IMCForm = "samkommune"                     // repealed with kommuneloven 2018
	FormHostCounty IMCForm = "vertskommune_med_fylkeskommune" // a county as host or member
)

// Validate checks a scenario against the municipalities of its structure
// and the task catalogue. Adjacency (for contiguity) is checked by package
// sim, which has the graph. It returns every problem found, sorted by
// place.
func (s *Scenario) Validate(ms []Municipality, cat *Catalogue) Problems {
	return s.ValidateIn(NewMunicipalitySet(ms), cat)
}

// MunicipalitySet is what a scenario is checked against of a structure's
// municipalities: their numbers and counties, indexed when first needed.
// One set serves any number of checks, at once too.
type MunicipalitySet struct {
	ms       []Municipality
	once     sync.Once
	numbers  map[MunicipalityNumber]bool
	counties map[CountyNumber]bool
}

// NewMunicipalitySet returns the set of ms, which must not change while
// the set is used.
func NewMunicipalitySet(ms []Municipality) *MunicipalitySet { return &MunicipalitySet{ms: ms} }

func (m *MunicipalitySet) index() (map[MunicipalityNumber]bool, map[CountyNumber]bool) {
	m.once.Do(func() {
		m.numbers = make(map[MunicipalityNumber]bool, len(m.ms))
		m.counties = map[CountyNumber]bool{}
		for i := range m.ms {
			m.numbers[m.ms[i].Number] = true
			m.counties[m.ms[i].County] = true
		}
	})
	return m.numbers, m.counties
}

// ValidateIn is Validate against a set of municipalities kept for many
// checks.
func (s *Scenario) ValidateIn(set *MunicipalitySet, cat *Catalogue) Problems {
	var ps Problems
	add := func(warn bool, where, format string, args ...any) {
		ps = append(ps, Problem{Warning: warn, Where: where, Message: fmt.Sprintf(format, args...)})
	}
	if strings.TrimSpace(s.Name) == "" {
		add(false, "name", "a scenario needs a name")
	} else if n := utf8.RuneCountInString(s.Name); n > MaxScenarioNameLen {
		ps = append(ps, Problem{Where: "name", Message: fmt.Sprintf("%d characters is more than the limit of %d", n, MaxScenarioNameLen),
			Key: "err.scenario.namelen", Args: []any{n, MaxScenarioNameLen}})
	}
	ps = append(ps, TextProblems(s)...)
	if err := s.Structure.Validate(); err != nil {
		add(false, "structure", "%s", ErrorMessage(err))
	}
	if s.Year < 1900 || s.Year > 2100 {
		add(false, "year", "%d is not a year with population data", s.Year)
	}
	if len(s.Mergers)+len(s.Splits)+len(s.Arrangements)+len(s.Differentiated)+len(s.Mandated)+len(s.CountyRelief)+len(s.Norms)+len(s.Support) == 0 && s.County == nil {
		return ps // today's system: nothing to check against the lists
	}
	known, counties := set.index()
	var tasks map[string]*Task
	if cat != nil {
		tasks = make(map[string]*Task, len(cat.Tasks))
		for i := range cat.Tasks {
			tasks[cat.Tasks[i].ID] = &cat.Tasks[i]
		}
	}
	checkMember := func(where string, n MunicipalityNumber) {
		if _, err := ParseMunicipalityNumber(string(n)); err != nil {
			add(false, where, "%s", ErrorMessage(err))
		} else if _, ok := known[n]; !ok {
			add(false, where, "kommune %s is not in the %d structure", n, s.Structure)
		}
	}
	checkTask := func(where, id string) *Task {
		t := tasks[id]
		if t == nil {
			add(false, where, "task %q is not in the task catalogue", id)
		}
		return t
	}
	merged := 0
	for _, m := range s.Mergers {
		merged += len(m.Members)
	}
	inMerger := make(map[MunicipalityNumber]string, merged)
	for i, m := range s.Mergers {
		where := fmt.Sprintf("mergers[%d] (%s)", i, m.Name)
		if len(m.Members) < 2 {
			add(false, where, "a merger needs at least two municipalities")
		}
		isMember := false
		for _, n := range m.Members {
			checkMember(where, n)
			if other, dup := inMerger[n]; dup {
				add(false, where, "kommune %s is also in %s", n, other)
			}
			inMerger[n] = where
			isMember = isMember || n == m.Centre
		}
		if m.Centre != "" && !isMember {
			add(false, where, "the centre %s is not a member", m.Centre)
		}
	}
	// splitBy records which split divides each municipality: a split
	// municipality no longer exists after the scenario, so it can be
	// neither merged, split again, given a part nor named as a member or
	// host elsewhere.
	splitBy := map[MunicipalityNumber]string{}
	for i, sp := range s.Splits {
		where := fmt.Sprintf("splits[%d]", i)
		if other, dup := splitBy[sp.From]; dup {
			add(false, where, "kommune %s is already split by %s", sp.From, other)
		} else {
			splitBy[sp.From] = where
		}
		if other, ok := inMerger[sp.From]; ok {
			add(false, where, "kommune %s is split and also merged in %s; a municipality is either split or merged", sp.From, other)
		}
	}
	for i, sp := range s.Splits {
		where := fmt.Sprintf("splits[%d]", i)
		checkMember(where, sp.From)
		if len(sp.Into) < 2 {
			add(false, where, "a split needs at least two parts")
		}
		seen := map[MunicipalityNumber]bool{}
		for _, n := range sp.Into {
			checkMember(where, n)
			switch other, split := splitBy[n]; {
			case n == sp.From:
				add(false, where, "kommune %s cannot receive a part of itself; list only the municipalities that take its parts", n)
			case seen[n]:
				add(false, where, "kommune %s is listed twice as a part", n)
			case split:
				add(false, where, "kommune %s cannot receive a part: it is itself split by %s", n, other)
			}
			seen[n] = true
		}
		if len(sp.Shares) > 0 {
			sum := 0.0
			for _, v := range sp.Shares {
				if !(v >= 0 && v <= 1) {
					add(false, where, "share %g is not between 0 and 1", v)
				}
				sum += v
			}
			if len(sp.Shares) != len(sp.Into) || !(sum >= 0.999999 && sum <= 1.000001) {
				add(false, where, "give one share per part, summing to 1 (got %d shares summing to %g)", len(sp.Shares), sum)
			}
		}
	}
	// exists reports a municipality that the scenario splits away.
	exists := func(where string, n MunicipalityNumber) {
		if other, ok := splitBy[n]; ok {
			add(false, where, "kommune %s is split by %s and no longer exists in the scenario", n, other)
		}
	}
	// rules records which rule first claimed each municipality and task,
	// so that conflicting rules name each other.
	rules := map[string]string{}
	claim := func(where string, n MunicipalityNumber, task string) {
		k := string(n) + "/" + task
		if other, ok := rules[k]; ok && other != where {
			add(false, where, "kommune %s and task %s are already covered by %s", n, task, other)
			return
		}
		rules[k] = where
	}
	for i, c := range s.Arrangements {
		where := fmt.Sprintf("cooperations[%d] (%s)", i, c.Task)
		t := checkTask(where, c.Task)
		if !c.Form.Valid() && !c.Form.RequiresLawChange() {
			add(false, where, "unknown form %q", c.Form)
		}
		if c.Form.RequiresLawChange() {
			add(true, where, "the form %s requires a change of law", c.Form)
		}
		if t != nil && t.Authority() && c.Form.Valid() && c.Form.Authority() != AuthorityYes {
			add(false, where, "task %s involves enkeltvedtak or forskrift; only the host-municipality model (kommuneloven ch. 20) may exercise that authority, not %s", c.Task, c.Form)
		}
		if len(c.Members) < 2 {
			add(false, where, "a cooperation needs at least two members")
		}
		hostIn := c.Host == ""
		for _, n := range c.Members {
			checkMember(where, n)
			exists(where, n)
			claim(where, n, c.Task)
			hostIn = hostIn || n == c.Host
		}
		if !hostIn {
			add(false, where, "the host %s is not a member", c.Host)
		}
		if (c.Form == FormHostAdmin || c.Form == FormHostBoard) && c.Host == "" {
			add(false, where, "a host-municipality cooperation needs a host")
		}
	}
	for i, d := range s.Differentiated {
		where := fmt.Sprintf("differentiation[%d] (%s)", i, d.Task)
		checkTask(where, d.Task)
		switch d.To {
		case ToCounty, ToState:
		case ToHost:
			checkMember(where, d.Host)
			exists(where, d.Host)
		default:
			add(false, where, "receiver %q must be fylkeskommune, vertskommune or staten", d.To)
		}
		checkCriteria(where, d.Criteria, checkMember, add)
		for _, n := range d.Criteria.Named {
			claim(where, n, d.Task)
		}
	}
	for i, m := range s.Mandated {
		where := fmt.Sprintf("mandated[%d] (%s)", i, m.Task)
		t := checkTask(where, m.Task)
		if !m.Form.Valid() {
			add(false, where, "unknown form %q", m.Form)
		} else if t != nil && t.Authority() && m.Form.Authority() != AuthorityYes {
			add(false, where, "task %s involves enkeltvedtak or forskrift; only the host-municipality model may carry it, not %s", m.Task, m.Form)
		}
		checkCriteria(where, m.Criteria, checkMember, add)
		for _, n := range m.Criteria.Named {
			claim(where, n, m.Task)
		}
	}
	for i, c := range s.CountyRelief {
		where := fmt.Sprintf("county_relief[%d] (%s)", i, c.Task)
		checkTask(where, c.Task)
		for _, n := range c.Counties {
			if !counties[n] {
				add(false, where, "county %s is not in the %d structure", n, s.Structure)
			}
		}
	}
	normed := map[string]string{}
	for i, n := range s.Norms {
		where := fmt.Sprintf("norms[%d] (%s)", i, n.Task)
		t := checkTask(where, n.Task)
		if t != nil && t.Staffing == nil {
			add(false, where, "task %s has no staffing model whose norm could change", n.Task)
		}
		if n.FTEPer1000 == nil && n.MinTeam == nil {
			add(false, where, "give fte_per_1000 or min_team")
		}
		for _, f := range []struct {
			field ParamField
			v     *float64
		}{{FieldFTEPer1000, n.FTEPer1000}, {FieldMinTeam, n.MinTeam}} {
			if f.v != nil && !f.field.Valid(*f.v) {
				add(false, where, "%s %g is not a valid norm: give %s", f.field, *f.v, f.field.rangeText())
			}
		}
		if other, ok := normed[n.Task]; ok {
			add(false, where, "task %s already has a norm change in %s", n.Task, other)
		}
		normed[n.Task] = where
	}
	s.validateSupport(tasks, func(p Problem) { ps = append(ps, p) })
	s.validateCounty(known, func(p Problem) { ps = append(ps, p) })
	sort.SliceStable(ps, func(i, j int) bool { return placeLess(ps[i].Where, ps[j].Where) })
	return ps
}

// placeLess orders problems' places with their list positions as numbers:
// mergers[2] before mergers[10].
func placeLess(a, b string) bool {
	for a != "" && b != "" {
		da, db := digitsPrefix(a), digitsPrefix(b)
		switch {
		case da != "" && db != "":
			na, nb := strings.TrimLeft(da, "0"), strings.TrimLeft(db, "0")
			if len(na) != len(nb) {
				return len(na) < len(nb)
			}
			if na != nb {
				return na < nb
			}
			a, b = a[len(da):], b[len(db):]
		case a[0] != b[0]:
			return a[0] < b[0]
		default:
			a, b = a[1:], b[1:]
		}
	}
	return len(a) < len(b)
}

func digitsPrefix(s string) string {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return s[:i]
}

func checkCriteria(where string, c Criteria, checkMember func(string, MunicipalityNumber), add func(bool, string, string, ...any)) {
	for _, k := range c.Centrality {
		if k < 1 || k > 6 {
			add(false, where, "centrality class %d must be 1–6", k)
		}
	}
	for _, n := range c.Named {
		checkMember(where, n)
	}
	if c.PopulationBelow < 0 {
		add(false, where, "population_below %d is negative", c.PopulationBelow)
	}
	if c.PopulationBelow == 0 && len(c.Centrality) == 0 && len(c.Named) == 0 && !c.BelowRobust {
		add(false, where, "the rule has no criteria; it would apply to every municipality (name them all or give a criterion)")
	}
}
