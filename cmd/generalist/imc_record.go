package main

import (
	"flag"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"generalist"
)

// The fields of a cooperation as flags, for imc add and imc edit.

// recordFlags are the fields a cooperation can be given or changed by on
// the command line.
type recordFlags struct {
	name, form, org, host, start, end, notified, notes, costKey, budget *string
	budgetYear, notice                                                  *int
	participants, tasks, clauses, removes                               *multiFlag
	entity                                                              *string
}

type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ", ") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

func addRecordFlags(fs *flag.FlagSet, edit bool) *recordFlags {
	r := &recordFlags{participants: &multiFlag{}, tasks: &multiFlag{}, clauses: &multiFlag{}, removes: &multiFlag{}}
	r.name = fs.String("name", "", "the cooperation's `name`")
	r.form = fs.String("form", "", "the legal `form` (ipr, ko, vertskommune, vertskommune-nemnd, iks, as, sa, forening, annet)")
	r.org = fs.String("org", "", "organisation `number` (9 digits, checked with modulus 11)")
	r.host = fs.String("host", "", "host municipality, office municipality or head office (`number`)")
	r.start = fs.String("start", "", "start `date`")
	r.end = fs.String("end", "", "end `date`")
	r.notified = fs.String("governor-notified", "", "`date` the host told the county governor (§ 20-4)")
	r.notes = fs.String("notes", "", "free `text`")
	r.costKey = fs.String("cost-key", "", "agreed cost `key`, such as \"20 % lik + 80 % innbyggere\"")
	r.budget = fs.String("budget", "", "yearly cost to share, in `kroner`")
	r.budgetYear = fs.Int("budget-year", 0, "the `year` of the budget")
	r.notice = fs.Int("notice-months", -1, "agreed notice period for exit, in `months`")
	r.entity = fs.String("legal-entity", "", "whether it is a separate legal entity: `yes or no`")
	fs.Var(r.participants, "participant", "a participant: `NUMBER[:OWNERSHIP[:SEATS]]`, such as 3427:30:2 (repeat the flag)")
	fs.Var(r.tasks, "task", "a task: `ID[:AUTHORITY]` from the catalogue or free text (repeat; authority: ingen, interne_forhold, tilskuddsordninger, enkeltvedtak, forskrift, enkeltvedtak_og_forskrift)")
	fs.Var(r.clauses, "clause", "an agreement clause: `KEY=TEXT` (purpose, matters, authority, contributions, borrowing, reporting, transfer, settlement, exit, dissolution, archives, other)")
	if edit {
		fs.Var(r.removes, "remove-participant", "remove a participant (`number`)")
	}
	return r
}

// apply sets the fields given on the command line; set reports which flags
// were given. Participants given replace those of the same number (edit)
// or are the list (add).
func (r *recordFlags) apply(x *generalist.IMC, set map[string]bool) error {
	var err error
	if set["name"] {
		x.Name = *r.name
	}
	if set["form"] {
		if x.Form, err = generalist.ParseIMCForm(*r.form); err != nil {
			return usageError("--form: " + generalist.ErrorMessage(err))
		}
	}
	if set["org"] {
		x.OrgNumber = ""
		if *r.org != "" {
			if x.OrgNumber, err = generalist.ParseOrgNumber(*r.org); err != nil {
				return generalist.Errorf(generalist.EINVALID, "--org: %s", generalist.ErrorMessage(err))
			}
		}
	}
	if set["host"] {
		x.Host = *r.host
	}
	for _, d := range []struct {
		flag string
		v    *string
		dst  *generalist.CalendarDate
	}{{"start", r.start, &x.Start}, {"end", r.end, &x.End}, {"governor-notified", r.notified, &x.GovernorNotified}} {
		if !set[d.flag] {
			continue
		}
		*d.dst = ""
		if *d.v != "" {
			if *d.dst, err = generalist.ParseCalendarDate(*d.v); err != nil {
				return generalist.Errorf(generalist.EINVALID, "--%s: %s", d.flag, generalist.ErrorMessage(err))
			}
		}
	}
	if set["notes"] {
		x.Notes = *r.notes
	}
	if set["legal-entity"] {
		v, ok := yesNo[strings.ToLower(*r.entity)]
		switch {
		case *r.entity == "":
			x.LegalEntity = nil
		case !ok:
			return usageError("--legal-entity: yes or no")
		default:
			x.LegalEntity = &v
		}
	}
	if set["cost-key"] {
		x.Agreement.CostKey = nil
		if *r.costKey != "" {
			if x.Agreement.CostKey, err = generalist.ParseCostKey(*r.costKey); err != nil {
				return err
			}
		}
	}
	if set["budget"] {
		if x.Budget, err = generalist.ParseOre(*r.budget); err != nil {
			return generalist.Errorf(generalist.EINVALID, "--budget: %s", generalist.ErrorMessage(err))
		}
	}
	if set["budget-year"] {
		x.BudgetYear = *r.budgetYear
	}
	if set["notice-months"] {
		if *r.notice < 0 {
			x.Agreement.NoticeMonths = nil
		} else {
			n := *r.notice
			x.Agreement.NoticeMonths = &n
		}
	}
	for _, num := range *r.removes {
		i := slices.IndexFunc(x.Participants, func(p generalist.IMCParticipant) bool { return p.Number == num })
		if i < 0 {
			return generalist.Errorf(generalist.EINVALID, "--remove-participant %s: not a participant", num)
		}
		x.Participants = slices.Delete(x.Participants, i, i+1)
	}
	for _, spec := range *r.participants {
		p, err := parseParticipant(spec)
		if err != nil {
			return err
		}
		if i := slices.IndexFunc(x.Participants, func(q generalist.IMCParticipant) bool { return q.Number == p.Number }); i >= 0 {
			old := x.Participants[i]
			if p.Ownership == nil {
				p.Ownership = old.Ownership
			}
			if p.Seats == 0 {
				p.Seats = old.Seats
			}
			p.Liability, p.CostShare, p.Adopted, p.Decision = old.Liability, old.CostShare, old.Adopted, old.Decision
			x.Participants[i] = p
		} else {
			x.Participants = append(x.Participants, p)
		}
	}
	if len(*r.tasks) > 0 {
		x.Tasks = nil
		for _, spec := range *r.tasks {
			t := generalist.IMCTask{}
			body := spec
			if i := strings.LastIndex(spec, ":"); i >= 0 && generalist.Delegation(spec[i+1:]).Valid() {
				t.Authority, body = generalist.Delegation(spec[i+1:]), spec[:i]
			}
			if isTaskWord(body) {
				t.Task = body
			} else {
				t.Text = body
			}
			x.Tasks = append(x.Tasks, t)
		}
	}
	for _, spec := range *r.clauses {
		key, text, ok := strings.Cut(spec, "=")
		if !ok {
			return usageError(fmt.Sprintf("--clause %q: write KEY=TEXT", spec))
		}
		found := false
		for _, cl := range x.Agreement.Clauses() {
			if cl.Key == strings.TrimSpace(key) {
				*cl.Text, found = text, true
			}
		}
		if !found {
			return usageError(fmt.Sprintf("--clause %q: unknown clause %q", spec, key))
		}
	}
	return nil
}

// yesNo reads the answers --legal-entity takes.
var yesNo = map[string]bool{"yes": true, "ja": true, "true": true, "no": false, "nei": false, "false": false}

func isTaskWord(s string) bool {
	return s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyz0123456789_-") == ""
}

// parseParticipant parses NUMBER[:OWNERSHIP[:SEATS]].
func parseParticipant(spec string) (generalist.IMCParticipant, error) {
	parts := strings.Split(spec, ":")
	if len(parts) > 3 {
		return generalist.IMCParticipant{}, usageError(fmt.Sprintf("--participant %q: write NUMBER[:OWNERSHIP[:SEATS]]", spec))
	}
	p := generalist.IMCParticipant{Number: strings.TrimSpace(parts[0])}
	if len(parts) > 1 && parts[1] != "" {
		s, err := generalist.ParseShare(parts[1])
		if err != nil {
			return p, generalist.Errorf(generalist.EINVALID, "--participant %q: %s", spec, generalist.ErrorMessage(err))
		}
		p.Ownership = &s
	}
	if len(parts) > 2 && parts[2] != "" {
		n, err := strconv.Atoi(parts[2])
		if err != nil || n < 0 {
			return p, generalist.Errorf(generalist.EINVALID, "--participant %q: seats %q must be a whole number", spec, parts[2])
		}
		p.Seats = n
	}
	return p, nil
}

func setFlags(fs *flag.FlagSet) map[string]bool {
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	return set
}
