package web

// profileMessages are the profile's texts for its links onward (the
// neighbours, the cooperations, the economy) and its vulnerability
// profile in both forms, added to messages at start.
var profileMessages = map[string][2]string{
	"prof.links":           {"Gå videre", "Go on"},
	"prof.working1666":     {"Innbyggere 16–66 år per innbygger 80+ (fra aldersgrupper)", "Inhabitants aged 16–66 per inhabitant aged 80+ (from age groups)"},
	"prof.pressure.basis":  {"Demografisk press er her antall innbyggere i yrkesaktiv alder, 20–66 år, per innbygger som er 80 år eller eldre, regnet fra ettårig alder (SSB, tabell 07459); ingen framskriving.", "Demographic pressure is here the number of inhabitants of working age, 20–66, per inhabitant aged 80 or over, computed from single-year ages (SSB, table 07459); no projection."},
	"prof.pressure.groups": {"For dette året finnes ikke ettårig alder. Derfor står også forholdet regnet fra SSBs aldersgrupper, 16–22 og 23–66 år mot 80 år og eldre; det tar med 16–19-åringene og er derfor ikke samme mål som 20–66 år.", "There are no single-year ages for this year. So the ratio computed from SSB's age groups, 16–22 and 23–66 against 80 and over, is shown as well; it counts those aged 16–19 too and is therefore not the same measure as 20–66."},
	"prof.compare":         {"Sammenlign med nabokommunene", "Compare with the neighbouring municipalities"},
	"prof.imc":             {"Samarbeid", "Cooperation"},
	"prof.imc.count":       {"%s deltar i %d registrerte interkommunale samarbeid i drift per %s.", "%s takes part in %d registered inter-municipal cooperations running on %s."},
	"prof.imc.examples":    {"%d av dem er eksempler, ikke reelle avtaler.", "%d of them are examples, not real agreements."},
	"prof.imc.none":        {"Samarbeidsregisteret har ingen samarbeid i drift per %s som %s deltar i. Det betyr ikke at kommunen ikke samarbeider – bare at ingen har registrert det.", "The cooperation registry has no cooperation running on %s that %s takes part in. That does not mean the municipality does not cooperate – only that no one has registered it."},
	"prof.imc.link":        {"Kommunens samarbeid og eierskap", "The municipality's cooperations and ownership"},
	"prof.econ":            {"Økonomi, budsjettår %d", "Economy, budget year %d"},
	"prof.econ.title":      {"Økonomi", "Economy"},
	"prof.econ.link":       {"Hele regnestykket på økonomisiden", "The full statement on the economy page"},
	"prof.econ.missing":    {"Dataene har ikke skatt, inntektsutjevning og rammetilskudd for %s: tabellene som følger med, er et utvalg av kommuner. En analytiker kan importere hele tabellene på", "The data have no tax, income equalisation and block grant for %s: the tables that come with the system are a sample of municipalities. An analyst can import the full tables on"},
	"prof.econ.page":       {"økonomisiden", "the economy page"},
	"prof.econ.free":       {"Frie inntekter per innbygger", "Free income per inhabitant"},
	"prof.econ.equal":      {"Inntektsutjevning per innbygger", "Income equalisation per inhabitant"},
	"prof.cap.alone":       {"Oppgaver der forventet team er under minste robuste fagmiljø hvis kommunen løser alt alene: %d av %d.", "Tasks whose expected team is below the smallest robust professional environment if the municipality runs everything alone: %d of %d."},
	"prof.cap.with":        {"Med dagens registrerte samarbeid: %d.", "With today's registered cooperation: %d."},
	"prof.cap.with.some":   {"Med dagens registrerte samarbeid: %d, og ukjent for %d oppgaver der registeret ikke har noe.", "With today's registered cooperation: %d, and unknown for %d tasks for which the registry has nothing."},
	"prof.cap.with.none":   {"Med dagens registrerte samarbeid: ukjent, fordi samarbeidsregisteret ikke har noe for disse oppgavene.", "With today's registered cooperation: unknown, because the cooperation registry has nothing for these tasks."},
	"prof.cap.robust":      {"Forventet team når minste robuste fagmiljø i alle %d oppgavene, også alene.", "The expected team reaches the smallest robust professional environment in all %d tasks, even alone."},
	"prof.cap.nodata":      {"Folketallet eller aldersfordelingen mangler, så kapasiteten kan ikke regnes ut: ingen data.", "The population or its age split is missing, so the capacity cannot be computed: no data."},
	"prof.col.alone":       {"Alene (årsverk)", "Alone (FTEs)"},
	"prof.col.note":        {"«0,3 av 1,0» betyr et forventet team på 0,3 årsverk mot et minste robuste fagmiljø på 1,0 årsverk.", "«0.3 of 1.0» means an expected team of 0.3 FTEs against a smallest robust team of 1.0 FTEs."},
	"prof.of":              {"%s av %s", "%s of %s"},
	"prof.col.with":        {"Med dagens samarbeid", "With today's cooperation"},
	"prof.col.basis":       {"Bygger på", "Rests on"},
	"prof.with.robust":     {"robust sammen med %d andre kommuner: felles team %s av %s årsverk", "robust together with %d other municipalities: joint team %s of %s FTEs"},
	"prof.with.short":      {"under også sammen med %d andre kommuner: felles team %s av %s årsverk", "below even together with %d other municipalities: joint team %s of %s FTEs"},
	"prof.with.alone":      {"ikke i registrert samarbeid om oppgaven – som alene", "no registered cooperation in the task – as alone"},
	"prof.with.poolnodata": {"i registrert samarbeid, men folketallet til en deltaker mangler: ukjent", "in a registered cooperation, but a member's population is missing: unknown"},
	"prof.short":           {"mangler %s", "short by %s"},
}

func init() { addMessages("the profile", profileMessages) }
