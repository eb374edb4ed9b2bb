package generalist

import (
	"encoding/json"
	"strings"
	"testing"
)

func sharePtr(s Share) *Share { return &s }

// validIMC is a host arrangement of three municipalities that passes
// Validate; tests break one thing at a time.
func validIMC() *IMC {
	return &IMC{
		Name: "Barnevern på Helgeland (eksempel)", Form: FormHostAdmin, Host: "1820",
		Participants: []IMCParticipant{{Number: "1820"}, {Number: "1822"}, {Number: "1818"}},
		Tasks:        []IMCTask{{Task: "barnevern", Authority: DelegatedDecisions}},
		Start:        "2024-01-01",
	}
}

func validKO() *IMC {
	return &IMC{
		Name: "Revisjon kommunalt oppgavefellesskap", Form: FormKO, Host: "3427",
		Participants: []IMCParticipant{{Number: "3427", Ownership: sharePtr(6000)}, {Number: "3426", Ownership: sharePtr(4000)}},
		Start:        "2020-01-01",
	}
}

func TestIMCValidate(t *testing.T) {
	if err := validIMC().Validate(); err != nil {
		t.Fatalf("validIMC().Validate() = %v", err)
	}
	if err := validKO().Validate(); err != nil {
		t.Fatalf("validKO().Validate() = %v", err)
	}
	for _, tt := range []struct {
		name   string
		base   func() *IMC
		break_ func(c *IMC)
		want   string
	}{
		{"NoName", validIMC, func(c *IMC) { c.Name = " " }, "needs a name"},
		{"BadForm", validIMC, func(c *IMC) { c.Form = "samkommune" }, `form "samkommune"`},
		{"BadOrgNumber", validIMC, func(c *IMC) { c.OrgNumber = "974760674" }, "check digit is wrong"},
		{"OneParticipant", validIMC, func(c *IMC) { c.Participants = c.Participants[:1] }, "at least two participants"},
		{"BadNumber", validIMC, func(c *IMC) { c.Participants[1].Number = "182" }, `number "182"`},
		{"Duplicate", validIMC, func(c *IMC) { c.Participants[2].Number = "1822" }, "participant 1822: appears twice"},
		{"HostNotParticipant", validIMC, func(c *IMC) { c.Host = "1824" }, "the host 1824 is not a participant"},
		{"NoHost", validIMC, func(c *IMC) { c.Host = "" }, "needs its host municipality"},
		{"OwnershipInHost", validIMC, func(c *IMC) { c.Participants[0].Ownership = sharePtr(10000) }, "has no ownership shares"},
		{"SharesNot100", validKO, func(c *IMC) { c.Participants[1].Ownership = sharePtr(3999) }, "sum to 99,99 %, not 100 %"},
		{"SharesMissing", validKO, func(c *IMC) { c.Participants[1].Ownership = nil }, "1 of 2 participants have a ownership share"},
		{"ShareZero", validKO, func(c *IMC) { c.Participants[1].Ownership = sharePtr(0) }, "more than 0"},
		{"LiabilityNot100", validKO, func(c *IMC) {
			c.Participants[0].Liability = sharePtr(5000)
			c.Participants[1].Liability = sharePtr(4000)
		}, "liability shares sum to 90 %"},
		{"CostNot100", validIMC, func(c *IMC) {
			for i := range c.Participants {
				c.Participants[i].CostShare = sharePtr(3000)
			}
		}, "cost shares sum to 90 %"},
		{"NoStart", validIMC, func(c *IMC) { c.Start = "" }, "start date is required"},
		{"BadStart", validIMC, func(c *IMC) { c.Start = "2024-02-30" }, `date "2024-02-30"`},
		{"EndBeforeStart", validIMC, func(c *IMC) { c.End = "2023-12-31" }, "end date 2023-12-31 is before the start date 2024-01-01"},
		{"TaskEmpty", validIMC, func(c *IMC) { c.Tasks = append(c.Tasks, IMCTask{}) }, "task 2: give a task"},
		{"TaskTwice", validIMC, func(c *IMC) { c.Tasks = append(c.Tasks, IMCTask{Task: "barnevern"}) }, "task barnevern appears twice"},
		{"BadAuthority", validIMC, func(c *IMC) { c.Tasks[0].Authority = "alt" }, `authority "alt"`},
		{"BadNotice", validIMC, func(c *IMC) { n := -1; c.Agreement.NoticeMonths = &n }, "notice_months -1"},
		{"BadCostKey", validIMC, func(c *IMC) { c.Agreement.CostKey = CostKey{{BasisEqual, 2000}} }, "weights sum to 20 %"},
		{"BadStep", validIMC, func(c *IMC) { c.Process = []IMCStep{{Step: "avtale", Status: "kanskje"}} }, `status "kanskje"`},
		{"StepTwice", validIMC, func(c *IMC) {
			c.Process = []IMCStep{{Step: "avtale", Status: StepDone}, {Step: "avtale", Status: StepDone}}
		}, "step avtale appears twice"},
		{"DocumentTitle", validIMC, func(c *IMC) { c.Documents = []IMCDocument{{Ref: "x"}} }, "document 1: the title is required"},
		{"HeadOffice", func() *IMC {
			c := validKO()
			c.Form = FormIKS
			c.Host = "46"
			return c
		}, func(*IMC) {}, "head office (host)"},
		{"BudgetYear", validIMC, func(c *IMC) { c.Budget = 100 }, "needs its year"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := tt.base()
			tt.break_(c)
			err := c.Validate()
			if ErrorCode(err) != EINVALID || !strings.Contains(ErrorMessage(err), tt.want) {
				t.Errorf("Validate() = %v, want EINVALID containing %q", err, tt.want)
			}
		})
	}
}

func TestParseOrgNumber(t *testing.T) {
	for _, tt := range []struct{ in, want, err string }{
		{"974760673", "974760673", ""},
		{"974 760 673", "974760673", ""},
		{"NO 923 609 016 MVA", "923609016", ""},
		{"974760674", "", "check digit"},
		{"97476067", "", "9 digits, not 8"},
		{"97476067x", "", "not a digit"},
		{"", "", "9 digits, not 0"},
		// Remainder 1 gives check digit 10: no valid number.
		{"100000018", "", "check digit"},
	} {
		got, err := ParseOrgNumber(tt.in)
		if tt.err == "" {
			if err != nil || string(got) != tt.want {
				t.Errorf("ParseOrgNumber(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
			}
			if got.String() != tt.want[:3]+" "+tt.want[3:6]+" "+tt.want[6:] {
				t.Errorf("String() = %q", got.String())
			}
			continue
		}
		if err == nil || ErrorCode(err) != EINVALID || !strings.Contains(err.Error(), tt.err) {
			t.Errorf("ParseOrgNumber(%q) = %q, %v; want error containing %q", tt.in, got, err, tt.err)
		}
	}
}

func TestShareAndOre(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want Share
		ok   bool
	}{{"33,33", 3333, true}, {"33.33 %", 3333, true}, {"100", 10000, true}, {"0,5", 50, true}, {"100,01", 0, false}, {"1,234", 0, false}, {"-1", 0, false}, {"", 0, false}, {"1,2,3", 0, false}} {
		got, err := ParseShare(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParseShare(%q) = %v, %v; want %v (ok %v)", tt.in, got, err, tt.want, tt.ok)
		}
	}
	if s := Share(3333).String(); s != "33,33 %" {
		t.Errorf("String = %q", s)
	}
	if s := Share(2000).String(); s != "20 %" {
		t.Errorf("String = %q", s)
	}
	if s := Share(2050).String(); s != "20,5 %" {
		t.Errorf("String = %q", s)
	}
	for _, tt := range []struct {
		in   string
		want Ore
		ok   bool
	}{
		{"1 250 000", 125000000, true}, {"1250000,50", 125000050, true}, {"kr 1 250 000.5", 125000050, true},
		{"1 250 000 kr", 125000000, true}, {"12 345,-", 1234500, true}, {"0", 0, true},
		{"1.250.000", 0, false}, {"1,250", 0, false}, {"-5", 0, false}, {"abc", 0, false}, {"99999999999999999999", 0, false},
	} {
		got, err := ParseOre(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParseOre(%q) = %v, %v; want %v (ok %v)", tt.in, got, err, tt.want, tt.ok)
		}
	}
	if s := Ore(125000050).String(); s != "1 250 000,50 kr" {
		t.Errorf("Ore.String = %q", s)
	}
	b, _ := json.Marshal(struct {
		A Ore
		B Share
	}{125000050, 3333})
	if string(b) != `{"A":1250000.5,"B":33.33}` {
		t.Errorf("JSON = %s", b)
	}
	var back struct {
		A Ore
		B Share
	}
	if err := json.Unmarshal(b, &back); err != nil || back.A != 125000050 || back.B != 3333 {
		t.Errorf("JSON round trip = %+v, %v", back, err)
	}
	if err := json.Unmarshal([]byte(`{"B":33.333}`), &back); err == nil {
		t.Error("a share with three decimals was accepted")
	}
}

func TestParseCostKey(t *testing.T) {
	for _, tt := range []struct{ in, want, err string }{
		{"lik", "100 % lik", ""},
		{"20 % lik + 80 % innbyggere", "20 % lik + 80 % innbyggere", ""},
		{"20:lik,80:innbyggere", "20 % lik + 80 % innbyggere", ""},
		{"equal=20;inhabitants=80", "20 % lik + 80 % innbyggere", ""},
		{"12,5 % bruk + 87,5 % fast", "12,5 % bruk + 87,5 % fast", ""},
		{"lik + innbyggere", "", "give the weight"},
		{"20 % lik + 70 % innbyggere", "", "sum to 90 %"},
		{"50 % lik + 50 % likt", "", "appears twice"},
		{"100 % antall", "", `basis "antall"`},
		{"", "", "empty"},
		{"20 lik 30", "", "one basis and one weight"},
		{"20 % lik + 80 % innbyggere!", "", "not allowed"},
	} {
		k, err := ParseCostKey(tt.in)
		if tt.err == "" {
			if err != nil || k.String() != tt.want {
				t.Errorf("ParseCostKey(%q) = %q, %v; want %q", tt.in, k, err, tt.want)
			}
			continue
		}
		if ErrorCode(err) != EINVALID || !strings.Contains(ErrorMessage(err), tt.err) {
			t.Errorf("ParseCostKey(%q) = %v; want error containing %q", tt.in, err, tt.err)
		}
	}
}

func TestCostKeyDescribe(t *testing.T) {
	for in, want := range map[string]string{
		"lik": "likt per deltaker", "fast": "etter eierandel",
		"20 % lik + 80 % innbyggere":             "20 % likt per deltaker og 80 % etter innbyggertall",
		"10 % lik + 40 % bruk + 50 % innbyggere": "10 % likt per deltaker, 40 % etter bruk og 50 % etter innbyggertall",
	} {
		k, err := ParseCostKey(in)
		if err != nil || k.Describe() != want {
			t.Errorf("ParseCostKey(%q).Describe() = %q, %v; want %q", in, k.Describe(), err, want)
		}
	}
}

func TestCalendarDate(t *testing.T) {
	for _, tt := range []struct{ in, want string }{{"2026-01-31", "2026-01-31"}, {"31.01.2026", "2026-01-31"}, {"1.2.2026", "2026-02-01"}} {
		if got, err := ParseCalendarDate(tt.in); err != nil || string(got) != tt.want {
			t.Errorf("ParseCalendarDate(%q) = %q, %v", tt.in, got, err)
		}
	}
	for _, bad := range []string{"2026-02-30", "2026-13-01", "31/01/2026", "", "1799-01-01"} {
		if _, err := ParseCalendarDate(bad); ErrorCode(err) != EINVALID {
			t.Errorf("ParseCalendarDate(%q) = %v, want EINVALID", bad, err)
		}
	}
	for _, tt := range []struct {
		d    CalendarDate
		n    int
		want CalendarDate
	}{{"2026-01-31", 1, "2026-02-28"}, {"2024-01-31", 1, "2024-02-29"}, {"2026-03-15", 12, "2027-03-15"}, {"2026-08-31", 6, "2027-02-28"}, {"2026-12-31", 6, "2027-06-30"}} {
		if got := tt.d.AddMonths(tt.n); got != tt.want {
			t.Errorf("%s.AddMonths(%d) = %s, want %s", tt.d, tt.n, got, tt.want)
		}
	}
	if s := CalendarDate("2026-01-01").Long(); s != "1. januar 2026" {
		t.Errorf("Long = %q", s)
	}
}

func TestParseIMCForm(t *testing.T) {
	for alias, want := range map[string]IMCForm{"ipr": FormIPR, "KO": FormKO, "vertskommune": FormHostAdmin, "vertskommune-nemnd": FormHostBoard,
		"iks": FormIKS, "interkommunalt_selskap": FormIKS} {
		if got, err := ParseIMCForm(alias); err != nil || got != want {
			t.Errorf("ParseIMCForm(%q) = %q, %v; want %q", alias, got, err, want)
		}
	}
	if _, err := ParseIMCForm("samkommune"); ErrorCode(err) != EINVALID {
		t.Errorf("ParseIMCForm(samkommune) = %v, want EINVALID", err)
	}
	for _, f := range IMCForms {
		if got, _ := ParseIMCForm(f.Alias()); got != f {
			t.Errorf("alias %q of %s does not parse back", f.Alias(), f)
		}
	}
}

func TestDiffIMC(t *testing.T) {
	a := validKO()
	b := validKO()
	b.Participants[0].Ownership = sharePtr(5000)
	b.Participants[1].Ownership = sharePtr(5000)
	b.Agreement.Exit = "Ett års varsel."
	b.Participants[0].Name = "Tynset" // filled in by the store, not a change
	got := DiffIMC(a, b)
	want := []FieldChange{
		{Field: "agreement.exit", To: "Ett års varsel."},
		{Field: "participants[3426].ownership", From: "40", To: "50"},
		{Field: "participants[3427].ownership", From: "60", To: "50"},
	}
	if len(got) != len(want) {
		t.Fatalf("DiffIMC = %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("DiffIMC[%d] = %+v, want %+v", i, got[i], want[i])
		}
	}
	if d := DiffIMC(a, a); len(d) != 0 {
		t.Errorf("DiffIMC(a, a) = %+v, want none", d)
	}
	if d := DiffIMC(nil, a); len(d) == 0 {
		t.Error("DiffIMC(nil, a) is empty")
	}
}

func TestArrangements(t *testing.T) {
	c := validIMC()
	c.Participants = append(c.Participants, IMCParticipant{Number: "18"})
	c.Tasks = append(c.Tasks, IMCTask{Text: "Fritekst"})
	got := c.Arrangements()
	if len(got) != 1 || got[0].Task != "barnevern" || len(got[0].Members) != 3 || got[0].Host != "1820" {
		t.Errorf("Arrangements = %+v", got)
	}
}
