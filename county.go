package generalist

import (
	"fmt"
	"strings"
)

// CountyTask is a statutory task of the county authority (fylkeskommunen),
// from the county task catalogue (data/fylkesoppgaver.csv). It has no
// staffing model: the catalogue gives role and legal basis only.
type CountyTask struct {
	ID     string `json:"id"`
	NameNB string `json:"name_nb"`
	NameEN string `json:"name_en"`
	Role   Role   `json:"role"`
	Sector string `json:"sector"`
	// LegalBasis names the law and, where confirmed, the section.
	LegalBasis string `json:"legal_basis"`
	// Verified says how far the legal basis was confirmed in a source:
	// every section (VerifiedYes), some of it (VerifiedPartly) or none
	// (VerifiedNo). Anything short of VerifiedYes must be shown as not
	// verified, and the note says what is UNVERIFIED.
	Verified Verification `json:"verified"`
	// Served lists the cost-key age groups the task serves; empty means
	// all inhabitants.
	Served  []AgeGroup `json:"served,omitempty"`
	Sources []string   `json:"sources"`
	// Note is the quoted wording and what is UNVERIFIED, in bokmål.
	Note string `json:"note,omitempty"`
	// NoteEN is Note in English, for the English pages: law quoted in
	// Note is paraphrased, and the Norwegian references stay as they
	// are. Empty exactly when Note is.
	NoteEN string `json:"note_en,omitempty"`
}

// Verification is how far a legal basis is confirmed in a source.
type Verification string

// The three degrees, with the words the data file uses.
const (
	VerifiedYes    Verification = "ja"
	VerifiedPartly Verification = "delvis"
	VerifiedNo     Verification = "nei"
)

// Valid reports whether v is one of the three degrees.
func (v Verification) Valid() bool {
	return v == VerifiedYes || v == VerifiedPartly || v == VerifiedNo
}

// Validate checks the task: id, names, role, sector, a legal basis, at
// least one source, and that a basis not fully verified says in its
// legal basis or note what is UNVERIFIED.
func (t *CountyTask) Validate() error {
	head := taskHead{kind: "county task", nameNBColumn: "navn_nb", id: t.ID, nameNB: t.NameNB, nameEN: t.NameEN, role: t.Role, sector: t.Sector}
	if err := head.validate(); err != nil {
		return err
	}
	if strings.TrimSpace(t.LegalBasis) == "" {
		return Errorf(EINVALID, "county task %s: give the legal basis, or write UNVERIFIED and what is known", t.ID)
	}
	if !t.Verified.Valid() {
		return Errorf(EINVALID, "county task %s: verified %q must be ja, delvis or nei", t.ID, t.Verified)
	}
	if t.Verified != VerifiedYes && !strings.Contains(t.LegalBasis+" "+t.Note, "UNVERIFIED") {
		return Errorf(EINVALID, "county task %s: a legal basis that is not fully verified must say in the legal basis or the note what is UNVERIFIED", t.ID)
	}
	if len(t.Sources) == 0 {
		return Errorf(EINVALID, "county task %s: give at least one source", t.ID)
	}
	if (strings.TrimSpace(t.Note) == "") != (strings.TrimSpace(t.NoteEN) == "") {
		return Errorf(EINVALID, "county task %s: give the note in both bokmål and English, or in neither", t.ID)
	}
	return nil
}

// CountyCatalogue is the county authority's task catalogue.
type CountyCatalogue struct {
	Version string       `json:"version"`
	Tasks   []CountyTask `json:"tasks"`
}

// Validate checks every task and that ids are unique.
func (c *CountyCatalogue) Validate() error {
	return validateTasks("county task catalogue", len(c.Tasks), func(i int) (string, error) { return c.Tasks[i].ID, c.Tasks[i].Validate() })
}

// Task returns the task with the id, or nil.
func (c *CountyCatalogue) Task(id string) *CountyTask {
	if c == nil {
		return nil
	}
	for i := range c.Tasks {
		if c.Tasks[i].ID == id {
			return &c.Tasks[i]
		}
	}
	return nil
}

// CountyChange is a scenario's lever on the county authority: some or all
// of its tasks moved away, and the county abolished when Abolish is set.
// Strengthening the county (it takes municipal tasks) is CountyRelief and
// differentiation to fylkeskommune.
type CountyChange struct {
	// Abolish removes the county authority: every county task must then
	// move, by Moves or Others, except its democratic bodies (role
	// demokratisk_arena), which end with it.
	Abolish bool `json:"abolish,omitempty"`
	// Moves gives the receiver of named county tasks.
	Moves []CountyMove `json:"moves,omitempty"`
	// Others, when set, receives every county task Moves does not name
	// (but the democratic bodies of an abolished county).
	Others CountyReceiver `json:"others,omitempty"`
	// Regions are the groups of municipalities that take the tasks moved
	// to regioner; a municipality in no region takes them alone.
	Regions []CountyRegion `json:"regions,omitempty"`
	Note    string         `json:"note,omitempty"`
}

// CountyReceiver is who takes a county task.
type CountyReceiver string

// The receivers of county tasks.
const (
	CountyToState          CountyReceiver = "staten"
	CountyToMunicipalities CountyReceiver = "kommunene"
	CountyToRegions        CountyReceiver = "regioner"
)

// CountyReceivers lists the receivers in order.
var CountyReceivers = []CountyReceiver{CountyToState, CountyToMunicipalities, CountyToRegions}

// Valid reports whether r is a receiver.
func (r CountyReceiver) Valid() bool {
	return r == CountyToState || r == CountyToMunicipalities || r == CountyToRegions
}

// CountyMove moves one county task to a receiver.
type CountyMove struct {
	Task string         `json:"task"`
	To   CountyReceiver `json:"to"`
}

// CountyRegion is a group of municipalities that takes the county tasks
// moved to regioner.
type CountyRegion struct {
	Name    string               `json:"name"`
	Members []MunicipalityNumber `json:"members"`
}

// validateCounty checks the county lever's shape against the structure's
// municipalities. That each task is in the county task catalogue and that
// an abolished county leaves no task behind is checked by package sim,
// which has the catalogue (ValidateCountyTasks). Each problem carries a
// message key and its arguments so that an edge can word it.
func (s *Scenario) validateCounty(known map[MunicipalityNumber]bool, add func(Problem)) {
	c := s.County
	if c == nil {
		return
	}
	problem := func(warn bool, where, key, format string, args ...any) {
		e := Errorw(EINVALID, key, format, args...)
		add(Problem{Warning: warn, Where: where, Message: e.Message, Key: e.Key, Args: e.Args})
	}
	if !c.Abolish && len(c.Moves) == 0 && c.Others == "" {
		problem(false, "county", "err.county.nothing", "the county lever changes nothing: set abolish, or give moves")
	}
	if c.Others != "" && !c.Others.Valid() {
		problem(false, "county.others", "err.county.receiver", "receiver %q must be staten, kommunene or regioner", string(c.Others))
	}
	toRegions := c.Others == CountyToRegions
	seen := map[string]int{}
	for i, m := range c.Moves {
		where := fmt.Sprintf("county.moves[%d] (%s)", i, m.Task)
		if strings.TrimSpace(m.Task) == "" {
			problem(false, where, "err.county.notask", "give the county task to move")
		}
		if !m.To.Valid() {
			problem(false, where, "err.county.receiver", "receiver %q must be staten, kommunene or regioner", string(m.To))
		}
		if _, ok := seen[m.Task]; ok && m.Task != "" {
			problem(false, where, "err.county.twice", "task %s is moved more than once; move each task once", m.Task)
		}
		seen[m.Task] = i
		toRegions = toRegions || m.To == CountyToRegions
	}
	if toRegions && len(c.Regions) == 0 {
		problem(false, "county.regions", "err.county.noregions", "tasks move to regioner, but no regions are given: list the groups of municipalities")
	}
	if !toRegions && len(c.Regions) > 0 {
		problem(true, "county.regions", "err.county.unusedregions", "regions are given, but no task moves to regioner")
	}
	inRegion := map[MunicipalityNumber]string{}
	for i, r := range c.Regions {
		where := fmt.Sprintf("county.regions[%d] (%s)", i, r.Name)
		if strings.TrimSpace(r.Name) == "" {
			problem(false, where, "err.county.regionname", "a region needs a name")
		}
		if len(r.Members) == 0 {
			problem(false, where, "err.county.regionempty", "a region needs at least one municipality")
		}
		for _, n := range r.Members {
			if _, err := ParseMunicipalityNumber(string(n)); err != nil {
				problem(false, where, "err.county.number", "%q is not a municipality number of four digits", string(n))
				continue
			}
			if _, ok := known[n]; !ok {
				problem(false, where, "err.county.notin", "kommune %s is not in the %d structure", string(n), int(s.Structure))
				continue
			}
			if other, dup := inRegion[n]; dup {
				problem(false, where, "err.county.tworegions", "kommune %s is also in the region %s; a municipality belongs to one region", string(n), other)
				continue
			}
			inRegion[n] = r.Name
		}
	}
}

// ValidateCountyTasks checks the county lever against the county task
// catalogue: every task moved is in it, and an abolished county leaves no
// task behind but its democratic bodies (role demokratisk_arena), which
// end with it. cat nil is itself a problem when the scenario has a
// county lever.
func (s *Scenario) ValidateCountyTasks(cat *CountyCatalogue) Problems {
	c := s.County
	if c == nil {
		return nil
	}
	var ps Problems
	problem := func(where, key, format string, args ...any) {
		e := Errorw(EINVALID, key, format, args...)
		ps = append(ps, Problem{Where: where, Message: e.Message, Key: e.Key, Args: e.Args})
	}
	if cat == nil {
		problem("county", "err.county.nocatalogue", "no county task catalogue is loaded to evaluate the county lever with")
		return ps
	}
	moved := map[string]bool{}
	for i, m := range c.Moves {
		if m.Task != "" && cat.Task(m.Task) == nil {
			problem(fmt.Sprintf("county.moves[%d] (%s)", i, m.Task), "err.county.unknowntask", "task %q is not in the county task catalogue", m.Task)
		}
		moved[m.Task] = true
	}
	if c.Abolish && c.Others == "" {
		var left []string
		for _, t := range cat.Tasks {
			// The county's democratic bodies end with it.
			if !moved[t.ID] && t.Role != RoleDemocraticArena {
				left = append(left, t.ID)
			}
		}
		if len(left) > 0 {
			problem("county.moves", "err.county.left", "an abolished county leaves %d task(s) without a receiver (%s): move them, or give others", len(left), strings.Join(left, ", "))
		}
	}
	return ps
}

// CountyLimit is one consequence of a county lever that Generalist cannot
// compute, in bokmål and English.
type CountyLimit struct {
	ID string `json:"id"`
	NB string `json:"nb"`
	EN string `json:"en"`
}

// CountyLimits lists what the engine cannot compute about the county's
// future; package sim picks those that apply to a scenario.
var CountyLimits = []CountyLimit{
	{"cost", "Kostnader og inntekter: fylkeskommunenes inntektssystem og utgifter til oppgavene er ikke modellert.", "Costs and income: the county authorities' income system and spending on the tasks are not modelled."},
	{"staffing", "Bemanning og fagmiljø: katalogen over fylkeskommunens oppgaver har ingen bemanningsmodell.", "Staffing and professional environments: the county task catalogue has no staffing model."},
	{"transition", "Overgangen: overføring av ansatte, bygg, avtaler og gjeld, og hvor lang tid det tar.", "The transition: transfer of staff, buildings, contracts and debt, and how long it takes."},
	{"law", "Lovendringene: hvilke lover som må endres når oppgavene får en ny eier.", "The changes of law: which laws must change when the tasks get a new owner."},
	{"democracy", "Demokratiet: hva det betyr at fylkestinget ikke lenger velges, og hvem som styrer oppgavene som flyttes.", "Democracy: what it means that no county council is elected any longer, and who governs the tasks moved."},
	{"state", "Statens organisering: hvordan staten ville styre og drive oppgavene regionalt.", "The state's organisation: how the state would govern and run the tasks regionally."},
	{"regions", "Regionenes styring: samarbeidsform, vertskommune, kostnadsdeling og demokratisk kontroll.", "The regions' governance: form of cooperation, host municipality, cost sharing and democratic control."},
	{"county_capacity", "Fylkeskommunens evne til å overta kommunale oppgaver: bemanning, kostnader og avstand til innbyggerne.", "The county's ability to take over municipal tasks: staffing, costs and distance to the inhabitants."},
}

// CountyLimitByID returns the limit with the id.
func CountyLimitByID(id string) (CountyLimit, bool) {
	for _, l := range CountyLimits {
		if l.ID == id {
			return l, true
		}
	}
	return CountyLimit{}, false
}
