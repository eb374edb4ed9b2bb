package web

import "fmt"

// capacityMessages are the capacity page's texts (the two forms of every
// figure, what they rest on, the model against observed figures), added
// to messages at start.
var capacityMessages = map[string][2]string{
	"layout.table.captasks":    {"Tabell over kommuner under robust fagmiljø per oppgave", "Table of municipalities below a robust professional environment by task"},
	"layout.table.capobserved": {"Tabell over modellen mot observerte tall", "Table of the model against observed figures"},
	"layout.table.capheat":     {"Varmekart over hver kommunes fagmiljø per oppgave", "Heat map of each municipality's professional environment by task"},

	"cap.glossary": {"Ordene årsverk, målgruppe og robust fagmiljø er forklart i ordlisten.", "The words FTE, target group and robust professional environment are explained in the glossary."},
	"cap.cell":     {"%s av %s årsverk", "%s of %s FTEs"},
	"cap.lead": {"Hvor mange kommuner som har et forventet team under minste robuste fagmiljø i hver oppgave, regnet på to måter: hver kommune alene, og med dagens registrerte interkommunale samarbeid.",
		"How many municipalities have an expected team below the smallest robust professional environment in each task, counted two ways: each municipality alone, and with today's registered inter-municipal cooperation."},
	"cap.examples":      {"Regn med eksempelsamarbeidene", "Count the example cooperations"},
	"cap.examples.hint": {"Eksemplene viser hvordan registeret virker, med virkelige kommuner og oppdiktede avtaler. De er ikke dagens system.", "The examples show how the registry works, with real municipalities and made-up agreements. They are not today's system."},
	"cap.basis":         {"Hva tallene bygger på", "What the figures rest on"},
	"cap.basis.model": {"Forventede årsverk = årsverk per 1 000 innbyggere i målgruppen × målgruppen / 1 000; et team er robust når det når minste robuste fagmiljø. Begge tallene står ved hver oppgave i tabellen. Tall merket «antakelse» er ikke hentet fra lov eller forskrift, og en analytiker kan endre dem på",
		"Expected FTEs = FTEs per 1,000 inhabitants served × inhabitants served / 1,000; a team is robust when it reaches the smallest robust professional environment. Both numbers are given beside each task in the table. Numbers marked «assumption» are not from law or regulation, and an analyst can change them on"},
	"cap.basis.tasks": {"oppgavesiden", "the tasks page"},
	"cap.basis.applied": {"«Med dagens registrerte samarbeid» regner %d interkommunale samarbeid i samarbeidsregisteret, i drift per %s, som ett fagmiljø for oppgavene de gjelder: medlemmenes forventede årsverk legges sammen, og alle medlemmene er robuste når fellesteamet er det.",
		"«With today's registered cooperation» counts %d inter-municipal cooperations in the cooperation registry, running on %s, as one team for the tasks they cover: the members' expected FTEs are added up, and every member is robust when the joint team is."},
	"cap.basis.empty": {"Samarbeidsregisteret har ingen registrerte samarbeid i drift per %s, så dagens samarbeid er ukjent for alle oppgavene.",
		"The cooperation registry has no registered cooperation running on %s, so today's cooperation is unknown for every task."},
	"cap.basis.structure": {"Samarbeidsregisteret føres på 2024-strukturen. På %d-strukturen er dagens samarbeid ukjent, og bare tallene for kommunene alene vises.",
		"The cooperation registry is kept on the 2024 structure. On the %d structure today's cooperation is unknown, and only the figures for municipalities alone are shown."},
	"cap.basis.examples.on":  {"Eksempelsamarbeidene er regnet med fordi du valgte det; de er ikke ekte avtaler.", "The example cooperations are counted because you chose so; they are not real agreements."},
	"cap.basis.examples.off": {"%d eksempelsamarbeid i registeret er ikke regnet med.", "%d example cooperations in the registry are not counted."},
	"cap.unknown.note": {"«Ukjent» betyr at samarbeidsregisteret ikke har noe registrert samarbeid for oppgaven: om kommunene løser den sammen med andre i dag, er ikke kjent – det betyr ikke at ingen gjør det. En analytiker kan legge inn dagens samarbeid fra kildene som finnes (statsforvalterens oversikter, kartlegginger, Enhetsregisteret) i",
		"«Unknown» means the cooperation registry has no registered cooperation for the task: whether municipalities run it together with others today is not known – it does not mean none do. An analyst can bring today's cooperation in from the sources there are (the county governors' overviews, surveys, the register of legal entities) in"},
	"cap.unknown.link": {"samarbeidsregisteret ved å importere en fil", "the cooperation registry by importing a file"},
	"cap.unknown":      {"ukjent", "unknown"},
	"cap.sourced":      {"kilde", "source"},
	"cap.col.basis":    {"Bygger på: årsverk per 1 000 i målgruppen og minste robuste fagmiljø", "Rests on: FTEs per 1,000 served and the smallest robust team"},
	"cap.col.alone":    {"Under robust nivå, alene", "Below robust, alone"},
	"cap.col.with":     {"Under robust nivå, med dagens registrerte samarbeid", "Below robust, with today's registered cooperation"},
	"cap.col.coverage": {"Kommuner med registrert samarbeid om oppgaven", "Municipalities with a registered cooperation in the task"},
	"cap.fte":          {"%s per 1 000", "%s per 1,000"},
	"cap.min":          {"minst %s årsverk", "at least %s FTE"},
	"cap.inh":          {"%s innbyggere", "%s inhabitants"},
	"cap.pertask":      {"Per oppgave, 1. januar %d", "Per task, 1 January %d"},
	"cap.heat":         {"Oppgaver × kommuner", "Tasks × municipalities"},
	"cap.heat.half":    {"minst halvparten av robust team", "at least half the robust team"},
	"cap.heat.under":   {"under halvparten", "under half"},
	"cap.heat.caption": {"%d kommuner, flest mangler først", "%d municipalities, most shortfalls first"},
	"cap.heat.first":   {"De %d kommunene med flest mangler, av %d", "The %d municipalities with the most shortfalls, of %d"},
	"cap.heat.all":     {"Vis alle %d kommunene", "Show all %d municipalities"},
	"cap.heat.county":  {"(en stor tabell), eller velg et fylke over.", "(a large table), or choose a county above."},
	"cap.heat.alone":   {"Cellene viser kommunen alene: forventede årsverk mot minste robuste fagmiljø.", "The cells show the municipality alone: expected FTEs against the smallest robust team."},

	"cmp.outside": {"Andel av oppgaveårsverkene i samarbeid eller utenfor kommunens egen organisasjon", "Share of task FTEs in cooperation or outside the municipality's own organisation"},
	"cmp.today.applied": {"Dagens system bygger på samarbeidsregisteret: %d registrerte samarbeid per %s regnes som dagens samarbeid, og alle alternativene starter fra dem.",
		"Today's system rests on the cooperation registry: %d registered cooperations on %s count as today's cooperation, and every alternative starts from them."},
	"cmp.today.empty": {"Samarbeidsregisteret har ingen registrerte samarbeid per %s. Dagens andel i samarbeid er derfor ukjent, ikke 0, og alternativene regner bare med sitt eget samarbeid.",
		"The cooperation registry has no registered cooperation on %s. Today's share in cooperation is therefore unknown, not 0, and the alternatives count only their own cooperation."},
	"cmp.today.structure": {"Samarbeidsregisteret føres på 2024-strukturen; på %d-strukturen er dagens samarbeid ukjent, og alternativene regner bare med sitt eget samarbeid.",
		"The cooperation registry is kept on the 2024 structure; on the %d structure today's cooperation is unknown, and the alternatives count only their own cooperation."},
	"cmp.basis.model": {"Forventede årsverk = årsverk per 1 000 innbyggere i målgruppen × målgruppen / 1 000; et team er robust når det når minste robuste fagmiljø. Bemanningstallene for hver oppgave står med kilde eller merket som antakelse i rapportens forutsetninger og på",
		"Expected FTEs = FTEs per 1,000 inhabitants served × inhabitants served / 1,000; a team is robust when it reaches the smallest robust professional environment. Each task's staffing numbers, with their source or marked as an assumption, are in the report's assumptions and on"},
	"cmp.under":        {"under %s", "under %s"},
	"cmp.atleast":      {"minst %s", "at least %s"},
	"cmp.examples.on":  {"Regn uten eksempelsamarbeidene", "Count without the example cooperations"},
	"cmp.examples.off": {"Regn med eksempelsamarbeidene", "Count the example cooperations"},

	"cap.obs": {"Modellen mot observerte tall", "The model against observed figures"},
	"cap.obs.lead": {"Publiserte tellinger av små barneverntjenester, satt mot hvor mange kommuner modellen gir et forventet team under samme terskel. Forskjellen viser hvor langt modellen er fra det som er observert, men tallene måler ikke helt det samme (se merknadene).",
		"Published counts of small child welfare services, set against how many municipalities the model gives an expected team below the same threshold. The difference shows how far the model is from what was observed, but the figures do not measure quite the same thing (see the notes)."},
	"cap.obs.what":      {"Observert", "Observed"},
	"cap.obs.count":     {"Antall observert", "Observed count"},
	"cap.obs.model":     {"Modellen: kommuner", "Model: municipalities"},
	"cap.obs.diff":      {"Forskjell (modell − observert)", "Difference (model − observed)"},
	"cap.obs.base":      {"Modellen regnet på", "Model computed on"},
	"cap.obs.basevalue": {"%d-strukturen, folketall 1.1.%d", "the %d structure, population 1 January %d"},
	"cap.obs.nearest":   {"nærmeste år med aldersfordeling i dataene; %d finnes ikke", "nearest year with the age split in the data; %d is not there"},
	"cap.obs.under":     {"forventet team under %s årsverk", "expected team below %s FTE"},
	"cap.obs.atmost":    {"forventet team på %s årsverk eller mindre", "expected team of %s FTE or less"},
	"cap.obs.unknown":   {"%d kommuner uten data", "%d municipalities without data"},
	"cap.obs.note.fte": {"Modellen regner årsverk ut fra folketallet (%s årsverk per 1 000 innbyggere i målgruppen, %s); kildene teller ansatte, og en ansatt er ikke alltid et helt årsverk.",
		"The model counts FTEs from population (%s FTEs per 1,000 inhabitants served, %s); the sources count employees, and an employee is not always a full FTE."},
	"cap.obs.note.alone": {"Modellen regner hver kommune som om den driver tjenesten alene. Der kilden utelater kommuner som samarbeider eller er slått sammen, skal modellen derfor gi flere enn kilden.",
		"The model counts each municipality as if it ran the service alone. Where the source leaves out municipalities that cooperate or have merged, the model should therefore give more than the source."},
	"cap.obs.note.services": {"Der kilden teller tjenester, kan én tjeneste dekke flere kommuner; modellen teller kommuner.", "Where the source counts services, one service may cover several municipalities; the model counts municipalities."},
	"cap.obs.excludes":      {"utelater kommuner som samarbeider eller er slått sammen", "leaves out municipalities that cooperate or have merged"},
	"cap.obs.quote":         {"kildens ord: «%s»", "the source's words: «%s»"},
}

func init() {
	for k, v := range capacityMessages {
		if _, dup := messages[k]; dup {
			panic(fmt.Sprintf("web: message key %q of the capacity page is defined twice", k))
		}
		messages[k] = v
	}
}
