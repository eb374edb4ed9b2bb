package web

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"generalist"
)

// editorMessages are the plan editor's texts, added to messages at start.
// Keys under "ed.js." go to editor.js in the page (without the prefix);
// %s and %d there are filled in order by the script.
var editorMessages = map[string][2]string{
	"ed.title":          {"Planlegger for scenarioer", "Scenario planner"},
	"ed.lead":           {"Bygg et alternativ til dagens kommunesystem: slå sammen kommuner, legg til samarbeid, flytt oppgaver eller endre normer. Tallene beregnes på nytt etter hver endring.", "Build an alternative to today's municipal system: merge municipalities, add cooperation, move tasks or change norms. The figures are recalculated after each change."},
	"ed.open.notfound":  {"Fant ikke scenarioet du ba om. Lagrede scenarioer vises bare for innloggede brukere. Editoren starter med et tomt scenario.", "The scenario you asked for was not found. Saved scenarios are shown to signed-in users only. The editor starts with an empty scenario."},
	"ed.open.structure": {"Scenarioet «%s» bygger på kommunestrukturen fra %d. Planleggeren arbeider på 2024-strukturen, så scenarioet kan ikke åpnes her; se det i sammenligningen i stedet.", "The scenario «%s» is built on the %d municipal structure. The planner works on the 2024 structure, so it cannot be opened here; see it in the comparison instead."},
	"ed.copyof":         {"Kopi av %s", "Copy of %s"},
	"ed.scenario":       {"Scenario", "Scenario"},
	"ed.name":           {"Navn på scenarioet", "Name of the scenario"},
	"ed.desc":           {"Beskrivelse (valgfri)", "Description (optional)"},
	"ed.base":           {"Grunnlag: kommunestrukturen fra 2024, befolkning 1. januar %d.", "Base: the 2024 municipal structure, population on 1 January %d."},
	"ed.undo":           {"Angre", "Undo"},
	"ed.save":           {"Lagre", "Save"},
	"ed.savecopy":       {"Lagre som kopi", "Save as a copy"},
	"ed.download":       {"Last ned scenarioet som fil", "Download the scenario as a file"},
	"ed.save.how":       {"For å lagre scenarioet må du være logget inn som analytiker. Du kan likevel bygge og beregne, og laste ned scenarioet som fil.", "To save the scenario you must be signed in as an analyst. You can still build and evaluate it, and download it as a file."},
	"ed.save.signin":    {"Logg inn", "Sign in"},
	"ed.open":           {"Åpne et scenario", "Open a scenario"},
	"ed.open.button":    {"Åpne", "Open"},
	"ed.open.stored":    {"Lagrede scenarioer", "Saved scenarios"},
	"ed.open.examples":  {"Eksempler (åpnes som kopi)", "Examples (opened as a copy)"},
	"ed.open.hint":      {"Endringer som ikke er lagret, går tapt når du åpner et annet scenario.", "Changes that are not saved are lost when you open another scenario."},
	"ed.map":            {"Kart", "Map"},
	"ed.skipmap":        {"Hopp over kartet til kommunelista", "Skip the map to the list of municipalities"},
	"ed.county":         {"Vis fylke", "Show county"},
	"ed.county.all":     {"Hele landet", "The whole country"},
	"ed.map.hint":       {"Velg et fylke for å zoome inn, så blir alle kommunene store nok til å klikke på. Klikk på en kommune (eller gå til den med tabulator og trykk Enter) for å legge den til i den aktive sammenslåingen, eller ta den ut igjen.", "Choose a county to zoom in, so every municipality is large enough to click. Click a municipality (or tab to it and press Enter) to add it to the active merger, or take it out again."},
	"ed.list":           {"Kommuner", "Municipalities"},
	"ed.search":         {"Søk etter kommune (navn eller nummer)", "Find a municipality (name or number)"},
	"ed.mergers":        {"Sammenslåinger", "Mergers"},
	"ed.mergers.hint":   {"Kommunene du velger i kartet eller lista, legges i den aktive sammenslåingen.", "The municipalities you choose on the map or in the list go into the active merger."},
	"ed.newgroup":       {"Ny sammenslåing", "New merger"},
	"ed.figures":        {"Tall for scenarioet", "The scenario's figures"},
	"ed.today":          {"I dag", "Today"},
	"ed.thescenario":    {"Scenarioet", "Scenario"},
	"ed.vulnerable":     {"Oppgave–kommune-par under robust fagmiljø", "Task–municipality pairs below a robust team"},
	"ed.median":         {"Median innbyggertall", "Median inhabitants"},
	"ed.figures.note":   {"Innbyggertall fra SSB (tabell 07459); fagmiljø fra oppgavekatalogens bemanningsmodeller; avstand i luftlinje fra tyngdepunktet i hver tidligere kommune til tyngdepunktet i senterkommunen, bare for innbyggerne i kommuner som slås sammen.", "Population from Statistics Norway (table 07459); teams from the task catalogue's staffing models; distance as a straight line from the centroid of each former municipality to that of the centre municipality, only for the inhabitants of municipalities that merge."},
	"ed.rules":          {"Andre virkemidler", "Other levers"},
	"ed.rules.hint":     {"Samarbeid, oppgavedifferensiering, pålagt samarbeid, forsøk, fylkeskommunal avlastning og normer. Hver regel gjelder én oppgave. Nederst velger du hva som skjer med fylkeskommunen.", "Cooperation, task differentiation, mandated cooperation, trials, county relief and norms. Each rule concerns one task. At the bottom you choose what happens to the county authority."},
	"ed.tech":           {"Teknisk", "Technical"},
	"ed.json":           {"Scenarioet som JSON (for programmer og kommandolinje)", "The scenario as JSON (for programs and the command line)"},
	"ed.nojs":           {"Planleggeren trenger JavaScript for å bygge scenarioet. Uten JavaScript kan du se kartet og dagens tall.", "The planner needs JavaScript to build the scenario. Without JavaScript you can see the map and today's figures."},
	"ed.err.body":       {"Scenarioet kunne ikke leses. Last siden inn på nytt og prøv igjen.", "The scenario could not be read. Reload the page and try again."},
	"ed.err.structure":  {"Planleggeren regner bare på 2024-strukturen.", "The planner evaluates the 2024 structure only."},
	"ed.err.year":       {"Det finnes ikke befolkningsdata for scenarioets år. Last siden inn på nytt.", "There is no population data for the scenario's year. Reload the page."},

	"ed.js.newgroup":           {"Ny kommune %d", "New municipality %d"},
	"ed.js.group":              {"Sammenslåing %d: %s", "Merger %d: %s"},
	"ed.js.groupname":          {"Navn på den nye kommunen", "Name of the new municipality"},
	"ed.js.centre":             {"Administrasjonssenter (kommunen senteret ligger i)", "Administrative centre (the municipality it lies in)"},
	"ed.js.activegroup":        {"Aktiv: nye kommuner legges hit", "Active: new municipalities go here"},
	"ed.js.makeactive":         {"Legg nye kommuner hit", "Add new municipalities here"},
	"ed.js.nowactive":          {"Kommunene du velger, legges nå i %s.", "The municipalities you choose now go into %s."},
	"ed.js.needtwo":            {"Legg til minst to kommuner, i kartet eller i kommunelista. Sammenslåingen regnes med først når den har to.", "Add at least two municipalities, on the map or in the list. The merger counts once it has two."},
	"ed.js.noncontiguous":      {"Sammenslåingen kan bestå av adskilte deler (kommuner som ikke grenser til hverandre)", "The merger may consist of separate parts (municipalities that do not border each other)"},
	"ed.js.deletegroup":        {"Slett sammenslåingen", "Delete the merger"},
	"ed.js.deleted":            {"Sammenslåingen er slettet. «Angre» henter den tilbake.", "The merger is deleted. «Undo» brings it back."},
	"ed.js.remove":             {"Fjern", "Remove"},
	"ed.js.removeof":           {"Fjern %s", "Remove %s"},
	"ed.js.moveof":             {"Flytt %s til en annen sammenslåing", "Move %s to another merger"},
	"ed.js.moveto.choose":      {"Flytt til …", "Move to …"},
	"ed.js.moveto.group":       {"Sammenslåing %d: %s", "Merger %d: %s"},
	"ed.js.moveto.new":         {"En ny sammenslåing", "A new merger"},
	"ed.js.added":              {"%s er lagt til i %s.", "%s is added to %s."},
	"ed.js.removed":            {"%s er tatt ut av %s.", "%s is taken out of %s."},
	"ed.js.ingroup":            {"i %s", "in %s"},
	"ed.js.addto":              {"Legg til i %s", "Add to %s"},
	"ed.js.removefrom":         {"Ta ut av %s", "Take out of %s"},
	"ed.js.moveto":             {"Flytt til %s", "Move to %s"},
	"ed.js.listhint":           {"Skriv et navn eller nummer, eller velg et fylke over kartet, for å liste kommuner.", "Type a name or number, or choose a county above the map, to list municipalities."},
	"ed.js.nomatch":            {"Ingen kommune passer. Prøv en del av navnet eller kommunenummeret.", "No municipality matches. Try part of the name or the number."},
	"ed.js.showing":            {"Viser %d av %d kommuner. Skriv mer for å snevre inn.", "Showing %d of %d municipalities. Type more to narrow it down."},
	"ed.js.matches.one":        {"1 kommune.", "1 municipality."},
	"ed.js.matches":            {"%d kommuner.", "%d municipalities."},
	"ed.js.maploading":         {"Henter kartet …", "Loading the map …"},
	"ed.js.mapshown":           {"Kartet viser %s.", "The map shows %s."},
	"ed.js.maperror":           {"Kartet kunne ikke hentes. Bruk kommunelista, eller prøv igjen.", "The map could not be loaded. Use the list, or try again."},
	"ed.js.undo":               {"Angre", "Undo"},
	"ed.js.undo.n":             {"Angre (%d)", "Undo (%d)"},
	"ed.js.undone":             {"Siste endring er angret.", "The last change is undone."},
	"ed.js.ready":              {"Tallene viser dagens system. De beregnes på nytt når du endrer scenarioet.", "The figures show today's system. They are recalculated when you change the scenario."},
	"ed.js.evaluating":         {"Beregner … tallene under er fra før endringen.", "Calculating … the figures below are from before the change."},
	"ed.js.updated":            {"Tallene er oppdatert.", "The figures are up to date."},
	"ed.js.updated.warnings":   {"Tallene er oppdatert. Se merknadene ved reglene.", "The figures are up to date. See the notes at the rules."},
	"ed.js.haserrors":          {"Scenarioet har feil som må rettes før tallene kan beregnes. Feilene står ved delen de gjelder.", "The scenario has errors that must be fixed before the figures can be calculated. Each error is shown next to the part it concerns."},
	"ed.js.busy.wait":          {"Tjeneren er opptatt; prøver igjen om %d sekunder. Tallene under er fra før endringen.", "The server is busy; trying again in %d seconds. The figures below are from before the change."},
	"ed.js.busy.again":         {"Tjeneren er fortsatt opptatt, så tallene er ikke beregnet. Gjør en endring eller angre for å prøve igjen.", "The server is still busy, so the figures are not calculated. Make a change or undo to try again."},
	"ed.js.failed":             {"Tallene kunne ikke beregnes. Prøv igjen om litt.", "The figures could not be calculated. Try again in a moment."},
	"ed.js.unreachable":        {"Får ikke kontakt med tjeneren, så tallene er ikke beregnet. Sjekk nettforbindelsen og gjør en endring for å prøve igjen.", "Cannot reach the server, so the figures are not calculated. Check the connection and make a change to try again."},
	"ed.js.error":              {"Feil", "Error"},
	"ed.js.warning":            {"Merknad", "Note"},
	"ed.js.saving":             {"Lagrer …", "Saving …"},
	"ed.js.saved":              {"Lagret «%s» (versjon %d).", "Saved «%s» (version %d)."},
	"ed.js.savecopy":           {"Lagre som kopi", "Save as a copy"},
	"ed.js.copyname":           {"%s (kopi)", "%s (copy)"},
	"ed.js.download":           {"Last ned endringene dine som fil", "Download your changes as a file"},
	"ed.js.save.fixfirst":      {"Rett feilene i scenarioet før du lagrer. Feilene står ved delen de gjelder.", "Fix the scenario's errors before saving. Each error is shown next to the part it concerns."},
	"ed.js.save.forbidden":     {"Lagringen ble avvist: du er ikke logget inn som analytiker, eller økten er utløpt. Logg inn på nytt i en ny fane og lagre igjen; endringene dine er beholdt her.", "The save was refused: you are not signed in as an analyst, or the session has expired. Sign in again in a new tab and save again; your changes are kept here."},
	"ed.js.save.invalid":       {"Lagringen ble avvist fordi scenarioet har feil. Rett feilene som vises, og lagre igjen; endringene dine er beholdt.", "The save was refused because the scenario has errors. Fix the errors shown and save again; your changes are kept."},
	"ed.js.save.failed":        {"Lagringen mislyktes. Endringene dine er beholdt her; prøv igjen om litt, eller last dem ned som fil.", "The save failed. Your changes are kept here; try again in a moment, or download them as a file."},
	"ed.js.conflict":           {"Noen andre har lagret scenarioet mens du arbeidet, så lagringen ble avvist.", "Someone else saved the scenario while you worked, so the save was refused."},
	"ed.js.conflict.kept":      {"Endringene dine er beholdt her. Lagre dem som en kopi, last dem ned, eller last inn den andre versjonen (da forsvinner endringene dine).", "Your changes are kept here. Save them as a copy, download them, or load the other version (your changes are then lost)."},
	"ed.js.conflict.reload":    {"Last inn den andre versjonen", "Load the other version"},
	"ed.js.link.compare":       {"Sammenlign med dagens system", "Compare with today's system"},
	"ed.js.link.report":        {"Last ned rapporten (HTML)", "Download the report (HTML)"},
	"ed.js.link.md":            {"Rapporten som Markdown", "The report as Markdown"},
	"ed.js.link.csv":           {"Tallene som CSV", "The figures as CSV"},
	"ed.js.task":               {"Oppgave", "Task"},
	"ed.js.form":               {"Samarbeidsform", "Legal form"},
	"ed.js.members":            {"Deltakere", "Participants"},
	"ed.js.host":               {"Vertskommune (valgfri)", "Host municipality (optional)"},
	"ed.js.host.required":      {"Vertskommune", "Host municipality"},
	"ed.js.host.none":          {"Ingen", "None"},
	"ed.js.to":                 {"Hvem overtar oppgaven", "Who takes the task"},
	"ed.js.to.fylkeskommune":   {"fylkeskommunen", "the county"},
	"ed.js.to.vertskommune":    {"en vertskommune", "a host municipality"},
	"ed.js.to.staten":          {"staten", "the state"},
	"ed.js.counties":           {"Fylker (ingen valgt: alle fylker)", "Counties (none chosen: every county)"},
	"ed.js.crit":               {"Hvilke kommuner regelen gjelder", "Which municipalities the rule applies to"},
	"ed.js.crit.pop":           {"Færre innbyggere enn", "Fewer inhabitants than"},
	"ed.js.crit.centrality":    {"Sentralitetsklasse (1 mest sentral, 6 minst)", "Centrality class (1 most central, 6 least)"},
	"ed.js.crit.robust":        {"Der kommunens eget team for oppgaven er under robust fagmiljø", "Where the municipality's own team for the task is below a robust team"},
	"ed.js.crit.named":         {"Forsøk: bare disse kommunene", "Trial: only these municipalities"},
	"ed.js.crit.hint":          {"En kommune må oppfylle alle kriteriene som er fylt inn. Navngir du kommuner uten andre kriterier, er regelen et forsøk for dem.", "A municipality must meet every criterion filled in. Naming municipalities without other criteria makes the rule a trial for them."},
	"ed.js.picker.placeholder": {"Skriv navn eller nummer", "Type a name or number"},
	"ed.js.picker.add":         {"Legg til", "Add"},
	"ed.js.picker.choose":      {"Velg", "Choose"},
	"ed.js.picker.unknown":     {"Fant ingen kommune «%s». Skriv navnet som i lista, eller det firesifrede kommunenummeret.", "No municipality «%s». Type the name as in the list, or the four-digit number."},
	"ed.js.picker.empty":       {"Skriv navnet eller nummeret på en kommune først.", "Type a municipality's name or number first."},
	"ed.js.picker.already":     {"%s er allerede med.", "%s is already included."},
	"ed.js.num.bad":            {"Skriv et tall, for eksempel 5,5.", "Type a number, for example 5.5."},
	"ed.js.num.integer":        {"Skriv et helt tall, for eksempel 3000.", "Type a whole number, for example 3000."},
	"ed.js.rule.remove":        {"Fjern regelen", "Remove the rule"},
	"ed.js.today.value":        {"I dag: %s", "Today: %s"},
	"ed.js.coop":               {"Samarbeid per oppgave", "Cooperation per task"},
	"ed.js.coop.hint":          {"Navngitte kommuner løser en oppgave sammen i en samarbeidsform etter kommuneloven § 17-1.", "Named municipalities carry out a task together in a form under kommuneloven § 17-1."},
	"ed.js.coop.one":           {"Samarbeid %d", "Cooperation %d"},
	"ed.js.coop.add":           {"Legg til samarbeid", "Add a cooperation"},
	"ed.js.diff":               {"Oppgavedifferensiering og forsøk", "Task differentiation and trials"},
	"ed.js.diff.hint":          {"En oppgave flyttes fra kommunene som oppfyller kriteriene, til fylkeskommunen, en vertskommune eller staten.", "A task moves from the municipalities that meet the criteria to the county, a host municipality or the state."},
	"ed.js.diff.one":           {"Differensiering %d", "Differentiation %d"},
	"ed.js.diff.add":           {"Legg til differensiering eller forsøk", "Add a differentiation or trial"},
	"ed.js.mand":               {"Pålagt samarbeid", "Mandated cooperation"},
	"ed.js.mand.hint":          {"Kommunene som oppfyller kriteriene, må samarbeide om oppgaven; modellen velger partnerne (nærmeste kommune med robust team blir vertskommune).", "The municipalities that meet the criteria must cooperate on the task; the model picks the partners (the nearest municipality with a robust team hosts)."},
	"ed.js.mand.one":           {"Pålagt samarbeid %d", "Mandated cooperation %d"},
	"ed.js.mand.add":           {"Legg til pålagt samarbeid", "Add a mandated cooperation"},
	"ed.js.relief":             {"Fylkeskommunen avlaster", "County relief"},
	"ed.js.relief.hint":        {"Fylkeskommunen tar oppgaven for kommunene der eget team er under robust fagmiljø.", "The county takes the task for the municipalities whose own team is below a robust team."},
	"ed.js.relief.one":         {"Avlastning %d", "Relief %d"},
	"ed.js.relief.add":         {"Legg til avlastning", "Add a county relief"},
	"ed.js.norm":               {"Normendringer (statlig styring)", "Norm changes (state governance)"},
	"ed.js.norm.hint":          {"En nasjonal norm for en oppgave endres. Skriv i notatet hvorfor, eller at det er en antakelse.", "A national norm for a task changes. Say in the note why, or that it is an assumption."},
	"ed.js.norm.one":           {"Normendring %d", "Norm change %d"},
	"ed.js.norm.add":           {"Legg til normendring", "Add a norm change"},
	"ed.js.norm.fte":           {"Årsverk per 1 000 innbyggere", "FTEs per 1,000 inhabitants"},
	"ed.js.norm.min":           {"Minste robuste fagmiljø (årsverk)", "Minimum robust team (FTEs)"},
	"ed.js.norm.note":          {"Notat", "Note"},
	"ed.js.norm.note.hint":     {"For eksempel «Antakelse: minst sju årsverk».", "For example «Assumption: at least seven FTEs»."},

	"ed.form.interkommunalt_politisk_rad":          {"interkommunalt politisk råd", "inter-municipal political council"},
	"ed.form.kommunalt_oppgavefellesskap":          {"kommunalt oppgavefellesskap", "municipal joint task body"},
	"ed.form.vertskommune_administrativt":          {"administrativt vertskommunesamarbeid", "administrative host municipality"},
	"ed.form.vertskommune_felles_folkevalgt_nemnd": {"vertskommunesamarbeid med felles folkevalgt nemnd", "host municipality with a joint elected board"},
	"ed.form.interkommunalt_selskap":               {"interkommunalt selskap (IKS)", "inter-municipal company (IKS)"},
	"ed.form.aksjeselskap":                         {"aksjeselskap", "limited company"},
	"ed.form.samvirkeforetak":                      {"samvirkeforetak", "cooperative"},
	"ed.form.forening":                             {"forening", "association"},
	"ed.form.annet":                                {"annen rettslig adgang", "another lawful arrangement"},
	"ed.form.samkommune":                           {"samkommune (krever lovendring)", "samkommune (needs a change of law)"},
	"ed.form.vertskommune_med_fylkeskommune":       {"vertskommune med fylkeskommunen (krever lovendring)", "host with the county (needs a change of law)"},
}

// editorProblems translate the scenario checks' problems (package
// generalist and sim write them in English for the API and the CLI) for
// the editor. Each pattern matches one message; its groups are filled
// into the text in order, each presented by its kind: m a municipality,
// t a task, f a form, r a rule of the scenario, n a number, s as it is.
var editorProblems = []struct {
	re    *regexp.Regexp
	kinds string
	text  [2]string
}{
	{regexp.MustCompile(`^a scenario needs a name$`), "",
		[2]string{"Gi scenarioet et navn.", "Give the scenario a name."}},
	{regexp.MustCompile(`^(-?\d+) is not a year with population data$`), "s",
		[2]string{"%s er ikke et år med befolkningsdata. Last siden inn på nytt.", "%s is not a year with population data. Reload the page."}},
	{regexp.MustCompile(`^the scenario is on the (\d+) structure, 1\.1\.(\d+); the data given is for the (\d+) structure, 1\.1\.(\d+)$`), "ssss",
		[2]string{"Scenarioet gjelder %s-strukturen per 1.1.%s, men dataene er for %s-strukturen per 1.1.%s. Last siden inn på nytt.", "The scenario is on the %s structure, 1.1.%s, but the data are for the %s structure, 1.1.%s. Reload the page."}},
	{regexp.MustCompile(`^a merger needs at least two municipalities$`), "",
		[2]string{"En sammenslåing trenger minst to kommuner. Legg til en kommune til, eller slett sammenslåingen.", "A merger needs at least two municipalities. Add another, or delete the merger."}},
	{regexp.MustCompile(`^kommune (\S+) is also in (.+)$`), "mr",
		[2]string{"%s er også med i %s. En kommune kan bare være med i én sammenslåing: fjern den fra en av dem.", "%s is also in %s. A municipality can be in one merger only: remove it from one of them."}},
	{regexp.MustCompile(`^the centre (\S+) is not a member$`), "m",
		[2]string{"Senteret %s er ikke med i sammenslåingen. Velg administrasjonssenter blant medlemmene.", "The centre %s is not a member. Choose the administrative centre among the members."}},
	{regexp.MustCompile(`^kommune (\S+) is not in the (\d+) structure$`), "ms",
		[2]string{"Kommune %s finnes ikke i %s-strukturen. Fjern den.", "Municipality %s is not in the %s structure. Remove it."}},
	{regexp.MustCompile(`^kommune (\S+) is split by (.+) and no longer exists in the scenario$`), "mr",
		[2]string{"%s deles av %s og finnes ikke lenger i scenarioet. Fjern den her.", "%s is split by %s and no longer exists in the scenario. Remove it here."}},
	{regexp.MustCompile(`^the members do not form a contiguous area on the adjacency graph \(sea links count\); set allow_non_contiguous to accept it$`), "",
		[2]string{"Kommunene grenser ikke til hverandre (heller ikke over sjøen). Legg til kommunene som ligger mellom, fjern den som ligger utenfor, eller kryss av for at sammenslåingen kan bestå av adskilte deler.", "The municipalities do not border each other (not even across the sea). Add the municipalities in between, remove the one outside, or tick that the merger may consist of separate parts."}},
	{regexp.MustCompile(`^the members do not form a contiguous area on the adjacency graph \(sea links count\); allowed by the scenario$`), "",
		[2]string{"Kommunene grenser ikke til hverandre; scenarioet tillater at sammenslåingen består av adskilte deler.", "The municipalities do not border each other; the scenario allows the merger to consist of separate parts."}},
	{regexp.MustCompile(`^task ".*" is not in the task catalogue$`), "",
		[2]string{"Oppgaven finnes ikke i oppgavekatalogen. Velg en oppgave fra lista.", "The task is not in the task catalogue. Choose a task from the list."}},
	{regexp.MustCompile(`^unknown form ".*"$`), "",
		[2]string{"Samarbeidsformen er ukjent. Velg en form fra lista.", "The legal form is unknown. Choose a form from the list."}},
	{regexp.MustCompile(`^the form (\S+) requires a change of law$`), "f",
		[2]string{"Samarbeidsformen %s krever lovendring.", "The form %s requires a change of law."}},
	{regexp.MustCompile(`^task (\S+) involves enkeltvedtak or forskrift; only the host-municipality model (?:\(kommuneloven ch\. 20\) may exercise that authority|may carry it), not (\S+)$`), "tf",
		[2]string{"Oppgaven %s innebærer enkeltvedtak eller forskrift, og den myndigheten kan bare et vertskommunesamarbeid (kommuneloven kapittel 20) utøve, ikke %s. Velg et vertskommunesamarbeid.", "The task %s involves individual decisions or regulations, which only a host-municipality cooperation (kommuneloven chapter 20) may exercise, not %s. Choose a host-municipality cooperation."}},
	{regexp.MustCompile(`^a cooperation needs at least two members$`), "",
		[2]string{"Et samarbeid trenger minst to kommuner. Legg til deltakere.", "A cooperation needs at least two members. Add participants."}},
	{regexp.MustCompile(`^the host (\S+) is not a member$`), "m",
		[2]string{"Vertskommunen %s er ikke med i samarbeidet. Velg vertskommune blant deltakerne.", "The host %s is not a participant. Choose the host among the participants."}},
	{regexp.MustCompile(`^a host-municipality cooperation needs a host$`), "",
		[2]string{"Et vertskommunesamarbeid trenger en vertskommune. Velg den blant deltakerne.", "A host-municipality cooperation needs a host. Choose it among the participants."}},
	{regexp.MustCompile(`^receiver ".*" must be fylkeskommune, vertskommune or staten$`), "",
		[2]string{"Velg hvem som overtar oppgaven: fylkeskommunen, en vertskommune eller staten.", "Choose who takes the task: the county, a host municipality or the state."}},
	{regexp.MustCompile(`^kommune (\S+) and task (\S+) are already covered by (.+)$`), "mtr",
		[2]string{"%s har allerede oppgaven %s i %s. En kommune kan bare være med i én regel per oppgave: fjern den fra en av reglene.", "%s already has the task %s in %s. A municipality can be in one rule per task: remove it from one of them."}},
	{regexp.MustCompile(`^centrality class (-?\d+) must be 1–6$`), "s",
		[2]string{"Sentralitetsklasse %s finnes ikke; velg mellom 1 og 6.", "Centrality class %s does not exist; choose from 1 to 6."}},
	{regexp.MustCompile(`^population_below (-?\d+) is negative$`), "n",
		[2]string{"Innbyggertallet %s kan ikke være negativt.", "The population %s cannot be negative."}},
	{regexp.MustCompile(`^the rule has no criteria; `), "",
		[2]string{"Regelen har ingen kriterier og ville gjelde alle kommuner. Gi et innbyggertall, en sentralitetsklasse, kryss av for «under robust fagmiljø», eller navngi kommunene (forsøk).", "The rule has no criteria and would apply to every municipality. Give a population, a centrality class, tick «below a robust team», or name the municipalities (a trial)."}},
	{regexp.MustCompile(`^county (\S+) is not in the (\d+) structure$`), "ss",
		[2]string{"Fylke %s finnes ikke i %s-strukturen. Velg fylker fra lista.", "County %s is not in the %s structure. Choose counties from the list."}},
	{regexp.MustCompile(`^task (\S+) has no staffing model whose norm could change$`), "t",
		[2]string{"Oppgaven %s har ingen bemanningsmodell, så det finnes ingen norm å endre. Velg en annen oppgave.", "The task %s has no staffing model, so there is no norm to change. Choose another task."}},
	{regexp.MustCompile(`^give fte_per_1000 or min_team$`), "",
		keepGroups([2]string{"Fyll inn årsverk per 1 000 innbyggere, minste robuste fagmiljø, eller begge.", "Fill in FTEs per 1,000 inhabitants, the minimum robust team, or both."})},
	{regexp.MustCompile(`^(fte_per_1000|min_team) (\S+) is not a valid norm: give 0 or from (\S+) to (\S+)$`), "pnnn",
		[2]string{"%s %s er ikke en gyldig norm. Gi 0 eller et tall fra %s til %s.", "%s %s is not a valid norm. Give 0 or a number from %s to %s."}},
	{regexp.MustCompile(`^task (\S+) already has a norm change in (.+)$`), "tr",
		[2]string{"Oppgaven %s har allerede en normendring i %s. Samle endringene i én.", "The task %s already has a norm change in %s. Keep one change per task."}},
}

// editorOther is the text of a problem no pattern knows: in bokmål a
// plain request to check that part (never the English message), in
// English the message itself.
var editorOther = [2]string{"Denne delen av scenarioet kan ikke beregnes slik den står. Kontroller valgene her, eller fjern regelen.", "This part of the scenario cannot be evaluated as it stands: %s."}

// editorSections names the parts of a scenario, for rules named in a
// problem ("mergers[2] (Dalane)").
var editorSections = map[string][2]string{
	"mergers":         {"sammenslåingen «%[2]s»", "the merger «%[2]s»"},
	"cooperations":    {"samarbeid nr. %[1]d (%[2]s)", "cooperation no. %[1]d (%[2]s)"},
	"differentiation": {"oppgavedifferensiering nr. %[1]d (%[2]s)", "task differentiation no. %[1]d (%[2]s)"},
	"mandated":        {"pålagt samarbeid nr. %[1]d (%[2]s)", "mandated cooperation no. %[1]d (%[2]s)"},
	"county_relief":   {"fylkesavlastning nr. %[1]d (%[2]s)", "county relief no. %[1]d (%[2]s)"},
	"norms":           {"normendring nr. %[1]d (%[2]s)", "norm change no. %[1]d (%[2]s)"},
	"splits":          {"deling nr. %[1]d%.0[2]s", "split no. %[1]d%.0[2]s"},
}

var (
	whereRe    = regexp.MustCompile(`^([a-z_]+)(?:\[(\d+)\])?(?: \((.*)\))?$`)
	normFields = map[string][2]string{"fte_per_1000": keepGroups([2]string{"Årsverk per 1 000 innbyggere", "FTEs per 1,000 inhabitants"}), "min_team": {"Minste robuste fagmiljø", "The minimum robust team"}}
)

// placeProblem places a problem in the scenario and writes it in lang.
func placeProblem(p generalist.Problem, lang string, names editorNames) editorProblem {
	out := editorProblem{Section: p.Where, Index: -1, Warning: p.Warning}
	if m := whereRe.FindStringSubmatch(p.Where); m != nil {
		out.Section = m[1]
		if m[2] != "" {
			out.Index, _ = strconv.Atoi(m[2])
		}
	}
	countyPlace(&out)
	if txt, ok := keyedText(lang, &generalist.Error{Code: generalist.EINVALID, Message: p.Message, Key: p.Key, Args: p.Args}); ok {
		out.Text = txt // worded from its key (support.go)
		return out
	}
	out.Text = problemText(p.Message, lang, names)
	return out
}

func problemText(message, lang string, names editorNames) string {
	li := 0
	if lang == "en" {
		li = 1
	}
	for _, pt := range editorProblems {
		m := pt.re.FindStringSubmatch(message)
		if m == nil {
			continue
		}
		args := make([]any, len(pt.kinds))
		for i := range len(pt.kinds) {
			args[i] = problemArg(pt.kinds[i], m[i+1], lang, names)
		}
		return fmt.Sprintf(pt.text[li], args...)
	}
	if li == 1 {
		return fmt.Sprintf(editorOther[1], message)
	}
	return editorOther[0]
}

func problemArg(kind byte, v, lang string, names editorNames) string {
	li := 0
	if lang == "en" {
		li = 1
	}
	switch kind {
	case 'm':
		if n, ok := names.municipality[v]; ok {
			return n
		}
		return v
	case 't':
		if n, ok := names.task[v]; ok {
			return "«" + n + "»"
		}
		return "«" + v + "»"
	case 'f':
		return "«" + formName(generalist.IMCForm(v), lang) + "»"
	case 'p':
		return normFields[v][li]
	case 'n':
		if li == 0 {
			return strings.ReplaceAll(v, ".", ",")
		}
		return v
	case 'r':
		m := whereRe.FindStringSubmatch(v)
		if m == nil {
			return v
		}
		sec, ok := editorSections[m[1]]
		if !ok {
			return v
		}
		i, _ := strconv.Atoi(m[2])
		label := m[3]
		if n, ok := names.task[label]; ok && m[1] != "mergers" {
			label = n
		}
		return fmt.Sprintf(sec[li], i+1, label)
	}
	return v
}

func init() { addMessages("the plan editor", editorMessages) }
