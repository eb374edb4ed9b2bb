package web

import "fmt"

// groupsMessages are the texts of the fixed cooperation regions on /sok
// (search_groups.tmpl, groups_page.go), added to messages at start. The
// reasons a municipality is left out are worded here from the reason's
// kind (grp.reason.*), never taken from the engine's English.
var groupsMessages = map[string][2]string{
	"grp.title":        {"Faste samarbeidsregioner", "Fixed cooperation regions"},
	"grp.mode":         {"Type søk", "Kind of search"},
	"grp.mode.groups":  {"Grupper som når en terskel", "Groups that reach a floor"},
	"grp.mode.regions": {"Faste samarbeidsregioner", "Fixed cooperation regions"},
	"grp.intro": {"Faste partnere i stedet for skiftende samarbeid: sammenhengende regioner av kommuner der hver region har nok innbyggere til et robust fagmiljø i alle de valgte oppgavene samtidig. Søket finner så mange regioner som det kan. Vertskommunen er den mest folkerike kommunen i regionen, og avstanden måles fra den.",
		"Fixed partners instead of shifting cooperation: contiguous regions of municipalities, each with enough inhabitants for a robust professional environment in every chosen task at once. The search finds as many regions as it can. The host municipality is the region's most populous member, and the distance is measured from it."},
	"grp.tasks":           {"Oppgaver regionene skal løse sammen", "Tasks the regions must staff together"},
	"grp.tasks.hint":      {"Oppgavene med en bemanningsmodell i oppgavekatalogen. Velg minst én.", "The tasks with a staffing model in the task catalogue. Choose at least one."},
	"grp.maxkm":           {"Største avstand til vertskommunen (km)", "Largest distance to the host municipality (km)"},
	"grp.maxkm.hint":      {"Tomt: ingen grense.", "Empty: no limit."},
	"grp.options":         {"Valg", "Options"},
	"grp.withincounty":    {"Hver region innenfor ett fylke", "Each region within one county"},
	"grp.keep":            {"Hold dagens registrerte samarbeid om disse oppgavene samlet", "Keep today's registered cooperation on these tasks together"},
	"grp.exempt":          {"Hold utenfor kommuner som ikke kan nå kravene, i stedet for å stoppe søket", "Leave out municipalities that cannot meet the criteria, instead of stopping the search"},
	"grp.run":             {"Finn regioner", "Find regions"},
	"grp.summary":         {"%d regioner", "%d regions"},
	"grp.floors":          {"Minste robuste fagmiljø per oppgave, fra oppgavekatalogen: %s.", "The robust minimum team per task, from the task catalogue: %s."},
	"grp.floor":           {"%s %s årsverk", "%s %s FTEs"},
	"grp.bound":           {"Ingen inndeling av kommunene som ikke er bevist utenfor rekkevidde, kan ha mer enn %[1]d regioner. Denne øvre grensen er regnet ut uten avstandskravet, så den kan love mer enn noen inndeling klarer. Søket fant %[2]d regioner, %[3]s %% under grensen.", "No division of the municipalities not proven out of reach can have more than %[1]d regions. This upper bound is computed without the distance limit, so it may promise more than any division can reach. The search found %[2]d regions, %[3]s %% below the bound."},
	"grp.registered.none": {"Registeret har ingen registrerte samarbeid med en kommune i søket, så det er ikke talt hvor mange samarbeid som går på tvers av regionene.", "The registry has no registered cooperation with a municipality in the search, so how many cooperations cross the regions is not counted."},
	"grp.registered":      {"I dag finnes %[1]d registrerte samarbeid med minst én kommune i søket; %[2]d av dem har medlemmer i mer enn én av de foreslåtte regionene.", "Today %[1]d registered cooperations have at least one municipality in the search; %[2]d of them have members in more than one of the proposed regions."},
	"grp.locked":          {"%[1]d registrerte samarbeid om de valgte oppgavene er holdt samlet; %[2]d kunne ikke holdes samlet (en kommune er holdt utenfor eller er ikke med i søket, eller kommunene grenser ikke til hverandre).", "%[1]d registered cooperations on the chosen tasks are kept together; %[2]d could not be (a member is left out or not in the search, or the members do not border each other)."},
	"grp.table":           {"Regionene", "The regions"},
	"grp.col.host":        {"Vertskommune", "Host municipality"},
	"grp.col.members":     {"Kommuner", "Municipalities"},
	"grp.col.pop":         {"Innbyggere", "Inhabitants"},
	"grp.col.km":          {"Lengste avstand (km)", "Largest distance (km)"},
	"grp.table.note":      {"Tallene under hver oppgave er regionens forventede årsverk; lengste avstand er fra en kommune i regionen til vertskommunen.", "The figures under each task are the region's expected FTEs; the largest distance is from a member to the host municipality."},
	"grp.alone":           {"klarer alle oppgavene alene", "staffs every task alone"},
	"grp.exempt.h":        {"Kommuner holdt utenfor (%d)", "Municipalities left out (%d)"},
	"grp.exempt.lead":     {"%[1]d av dem kan bevislig ikke nå kravene: det er i seg selv et funn. For de andre %[2]d fant søket ingen plass; det er søkets grense, ikke bevist at det er umulig.", "%[1]d of them provably cannot meet the criteria: that is a finding in itself. For the other %[2]d the search found no place; that is the search's limit, not a proof that it is impossible."},
	"grp.exempt.table":    {"Kommuner holdt utenfor og hvorfor", "Municipalities left out and why"},
	"grp.col.muni":        {"Kommune", "Municipality"},
	"grp.col.reason":      {"Hvorfor", "Why"},
	"grp.col.proven":      {"Bevist", "Proven"},
	"grp.proven.yes":      {"ja", "yes"},
	"grp.proven.no":       {"nei, søkets grense", "no, the search's limit"},
	"grp.reason.distance": {"Når ikke minste robuste fagmiljø for %[1]s med kommuner innen %[2]s km fra et regionsenter.", "Cannot reach the robust minimum team of %[1]s with municipalities within %[2]s km of a region's centre."},
	"grp.reason.together": {"Når minste robuste fagmiljø for hver oppgave for seg, men ikke alle samtidig, med kommuner innen %[2]s km fra et regionsenter.", "Reaches each task's robust minimum team on its own, but not all at once, with municipalities within %[2]s km of a region's centre."},
	"grp.reason.isolated": {"Når ikke minste robuste fagmiljø for %[1]s med kommunene den kan danne region med (de andre er avskåret av fylket eller sjøen).", "Cannot reach the robust minimum team of %[1]s with the municipalities it can form a region with (the others are cut off by the county or the sea)."},
	"grp.reason.total":    {"Alle kommunene i søket når til sammen ikke minste robuste fagmiljø for %[1]s.", "All the municipalities searched together do not reach the robust minimum team of %[1]s."},
	"grp.reason.search":   {"Søket fant ingen region til kommunen som når alle kravene. Det er ikke bevist at ingen finnes: kommunene rundt er brukt i andre regioner.", "The search found no region for the municipality that meets every criterion. It is not proven that none exists: the municipalities around it are used in other regions."},
	"grp.map.alone":       {"klarer alle oppgavene alene", "staffs every task alone"},
	"grp.map.region":      {"region med vertskommune %s, %d kommuner", "region hosted by %s, %d municipalities"},
	"grp.map.exempt":      {"holdt utenfor", "left out"},
	"grp.map.outside":     {"ikke med i søket", "not in the search"},
	"grp.mapcaption":      {"Hver farge er en region; naboregioner har ulik farge. Lys grå: kommunen klarer alle oppgavene alene. Hvit: holdt utenfor (se listen). Skravert: ikke med i søket.", "Each colour is a region; neighbouring regions differ. Light grey: the municipality staffs every task alone. White: left out (see the list). Hatched: not in the search."},
	"grp.save":            {"Lagre som scenario", "Save as a scenario"},
	"grp.save.name":       {"Navn på scenarioet", "Name of the scenario"},
	"grp.save.defname":    {"Faste samarbeidsregioner: %s (%d-strukturen, %d)", "Fixed cooperation regions: %s (%d structure, %d)"},
	"grp.save.note": {"Hver region med to eller flere kommuner løser de valgte oppgavene som administrativt vertskommunesamarbeid (kommuneloven § 20-2) med den mest folkerike kommunen som vertskommune. Kommuner som er alene eller holdt utenfor, beholder dagens ordning. Deretter sammenlignes scenarioet med dagens system.",
		"Each region of two or more municipalities runs the chosen tasks as an administrative host-municipality cooperation (kommuneloven § 20-2) hosted by its most populous member. Municipalities alone or left out keep today's arrangement. The scenario is then compared with today's system."},
	"grp.save.none": {"Ingen region samler flere kommuner, så det er ikke noe scenario å lagre.", "No region joins several municipalities, so there is no scenario to save."},
	"grp.signin":    {"En analytiker kan lagre regionene som scenario og sammenligne dem med dagens system.", "An analyst can save the regions as a scenario and compare them with today's system."},
	"grp.caveat": {"Regionene viser konsekvensene av kriteriene, ikke en anbefaling. Fagmiljøet regnes ut fra innbyggertallet og parametrene i oppgavekatalogen (hver kommune for seg, uansett dagens samarbeid); avstanden er luftlinje mellom kommunenes midtpunkt. Samme kriterier gir samme resultat.",
		"The regions show the consequences of the criteria, not a recommendation. The professional environment is computed from the population and the task catalogue's parameters (each municipality on its own, whatever today's cooperation); the distance is a straight line between the municipalities' centres. The same criteria give the same result."},
}

func init() {
	for k, v := range groupsMessages {
		if _, dup := messages[k]; dup {
			panic(fmt.Sprintf("web: message key %q of the cooperation regions is defined twice", k))
		}
		messages[k] = v
	}
}
