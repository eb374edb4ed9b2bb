package web

import "fmt"

// supportMessages are the texts of the support scheme for new cooperation
// (docs/support-scheme.md): the comparison's section, the plan editor's
// section and the keyed validation errors. Added to messages at start.
var supportMessages = map[string][2]string{
	"sup.title":         {"Støtteordning for nye samarbeid", "Support scheme for new cooperation"},
	"sup.lead":          {"Statens kostnad og hva hver kommune får, med ordningen slik den er satt i alternativet. Beløp og kriterier er et politisk valg i alternativet, ikke et faktum fra Generalist.", "The state's cost and what each municipality receives, with the scheme as the alternative sets it. Amounts and criteria are a policy choice made in the alternative, not a fact from Generalist."},
	"sup.rule":          {"Regel: et nytt samarbeid får tilskudd når samarbeidsformen og oppgaven er blant ordningens, og minst én deltaker oppfyller kriteriene for størrelse eller fagmiljø. Tilskudd per nytt samarbeid fordeles likt på deltakerne som oppfyller kriteriene; tilskudd per deltaker gis til hver av dem, hvert år i perioden. Samarbeid som allerede er registrert i dag, får ikke tilskudd.", "Rule: a new cooperation receives a grant when its form and task are among the scheme's and at least one participant meets the size or team criteria. The grant per new cooperation is shared equally by the participants that meet the criteria; the grant per participant goes to each of them, every year of the period. Cooperation already registered today receives nothing."},
	"sup.in":            {"%s, %d–%d", "%s, %d–%d"},
	"sup.scheme":        {"%s: %s av %s nye samarbeid oppfyller kriteriene; %s per år i %d–%d, til sammen %s.", "%s: %s of %s new cooperations meet the criteria; %s a year in %d–%d, %s in all."},
	"sup.scheme.n":      {"Ordning %d", "Scheme %d"},
	"sup.amounts":       {"Tilskudd: %s.", "Grant: %s."},
	"sup.percoop":       {"%s per nytt samarbeid per år", "%s per new cooperation a year"},
	"sup.perpart":       {"%s per deltaker per år", "%s per participant a year"},
	"sup.criteria":      {"Kriterier: %s.", "Criteria: %s."},
	"sup.crit.none":     {"Ingen kriterier: alle nye samarbeid og alle deltakere.", "No criteria: every new cooperation and every participant."},
	"sup.crit.forms":    {"samarbeidsform %s", "form %s"},
	"sup.crit.tasks":    {"oppgave %s", "task %s"},
	"sup.crit.pop":      {"deltakere under %s innbyggere", "participants under %s inhabitants"},
	"sup.crit.robust":   {"deltakere med eget team under robust fagmiljø", "participants whose own team is below a robust team"},
	"sup.or":            {" eller ", " or "},
	"sup.years.caption": {"Statens kostnad per år", "The state's cost per year"},
	"sup.col.year":      {"År", "Year"},
	"sup.col.cost":      {"Kostnad", "Cost"},
	"sup.total":         {"Til sammen", "In all"},
	"sup.muni.caption":  {"Hva hver kommune får", "What each municipality receives"},
	"sup.col.muni":      {"Kommune", "Municipality"},
	"sup.col.coops":     {"Samarbeid med tilskudd", "Cooperations with a grant"},
	"sup.col.first":     {"Første år", "First year"},
	"sup.col.all":       {"Hele perioden", "Whole period"},
	"sup.none":          {"Ingen nye samarbeid i alternativet oppfyller kriteriene, så ordningen koster ingenting.", "No new cooperation in the alternative meets the criteria, so the scheme costs nothing."},
	"sup.unknown":       {"%s nye samarbeid kan ikke vurderes mot kriteriene fordi data mangler; de er ikke regnet med i kostnaden, og deltakerne står med «ingen data».", "%s new cooperations cannot be judged against the criteria for lack of data; they are not counted in the cost, and their participants show «no data»."},

	"ed.js.sup":         {"Støtteordning for nye samarbeid", "Support scheme for new cooperation"},
	"ed.js.sup.hint":    {"Staten gir tilskudd i en overgangsperiode til nye samarbeid i scenarioet som oppfyller kriteriene. Beløp og kriterier er ditt politiske valg; Generalist foreslår ingen beløp. Tilskudd per samarbeid deles likt på deltakerne som oppfyller kriteriene.", "The state gives a grant for a transition period to the scenario's new cooperations that meet the criteria. Amounts and criteria are your policy choice; Generalist suggests no amount. A grant per cooperation is shared equally by the participants that meet the criteria."},
	"ed.js.sup.one":     {"Støtteordning %d", "Support scheme %d"},
	"ed.js.sup.add":     {"Legg til støtteordning", "Add a support scheme"},
	"ed.js.sup.name":    {"Navn på ordningen", "Name of the scheme"},
	"ed.js.sup.percoop": {"Tilskudd per nytt samarbeid (kroner per år)", "Grant per new cooperation (kroner a year)"},
	"ed.js.sup.perpart": {"Tilskudd per deltaker (kroner per år)", "Grant per participant (kroner a year)"},
	"ed.js.sup.years":   {"Overgangsperiode (år fra scenarioets år)", "Transition period (years from the scenario's year)"},
	"ed.js.sup.forms":   {"Bare disse samarbeidsformene (ingen valgt: alle)", "Only these forms (none ticked: all)"},
	"ed.js.sup.tasks":   {"Bare disse oppgavene (ingen valgt: alle)", "Only these tasks (none chosen: all)"},
	"ed.js.sup.pop":     {"Deltakere under dette innbyggertallet", "Participants under this population"},
	"ed.js.sup.robust":  {"Deltakere med eget team under robust fagmiljø for oppgaven", "Participants whose own team for the task is below a robust team"},
	"ed.js.sup.cost":    {"Statens kostnad per år", "The state's cost per year"},
	"ed.js.sup.total":   {"Til sammen", "In all"},
	"ed.js.sup.munis":   {"Hva hver kommune får (første år, hele perioden)", "What each municipality receives (first year, whole period)"},

	"err.support.negative.coop": {"Tilskuddet per samarbeid, %s, er negativt. Gi kroner per år, 0 eller mer.", "The grant per cooperation, %s, is negative. Give kroner a year, 0 or more."},
	"err.support.negative.part": {"Tilskuddet per deltaker, %s, er negativt. Gi kroner per år, 0 eller mer.", "The grant per participant, %s, is negative. Give kroner a year, 0 or more."},
	"err.support.noamount":      {"Gi et tilskudd per samarbeid eller per deltaker (kroner per år).", "Give a grant per cooperation or per participant (kroner a year)."},
	"err.support.toolarge":      {"Et tilskudd over 1 000 milliarder kroner per år er ikke en mulig ordning.", "A grant above 1,000 billion kroner a year is not a possible scheme."},
	"err.support.years":         {"Overgangsperioden på %s år må være fra 1 til %s år.", "The transition period of %s years must be from 1 to %s years."},
	"err.support.form":          {"Samarbeidsformen «%s» i kriteriene er ukjent. Velg en form fra lista.", "The form «%s» in the criteria is unknown. Choose a form from the list."},
	"err.support.task":          {"Oppgaven «%s» i kriteriene finnes ikke i oppgavekatalogen. Velg en oppgave fra lista.", "The task «%s» in the criteria is not in the task catalogue. Choose a task from the list."},
	"err.support.population":    {"Innbyggertallet %s i kriteriene kan ikke være negativt.", "The population %s in the criteria cannot be negative."},
}

func init() {
	for k, v := range supportMessages {
		if _, dup := messages[k]; dup {
			panic(fmt.Sprintf("web: message key %q of the support scheme is defined twice", k))
		}
		messages[k] = v
	}
}
