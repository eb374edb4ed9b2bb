package web

// editorCountyMessages are the texts of the plan editor's county section
// (editor_county.js; the "ed.js." keys reach the script through the
// editor's boot). They are added to messages at start.
var editorCountyMessages = map[string][2]string{
	"ed.county.region": {"Region %[1]v", "Region %[1]v"},

	"ed.js.county":                  {"Fylkeskommunen", "The county authority"},
	"ed.js.county.hint":             {"Velg hva som skjer med fylkeskommunen: den består som i dag, den styrkes ved å ta kommunale oppgaver, den gir fra seg enkelte oppgaver, eller den legges ned og oppgavene får nye eiere.", "Choose what happens to the county authority: it stays as today, it is strengthened by taking municipal tasks, it gives up some tasks, or it is abolished and its tasks get new owners."},
	"ed.js.county.mode":             {"Hva skjer med fylkeskommunen?", "What happens to the county authority?"},
	"ed.js.county.keep":             {"Består som i dag", "Stays as today"},
	"ed.js.county.strengthen":       {"Styrkes: tar kommunale oppgaver", "Strengthened: takes municipal tasks"},
	"ed.js.county.move":             {"Består, men gir fra seg enkelte oppgaver", "Stays, but gives up some tasks"},
	"ed.js.county.abolish":          {"Legges ned", "Abolished"},
	"ed.js.county.state.abolish":    {"legges ned", "abolished"},
	"ed.js.county.state.move":       {"gir fra seg oppgaver", "gives up tasks"},
	"ed.js.county.state.strengthen": {"styrkes", "strengthened"},
	"ed.js.county.strengthen.hint":  {"Velg under «Fylkeskommunen avlaster» over hvilke kommunale oppgaver fylkeskommunen tar, og fra hvilke kommuner.", "Choose under «County relief» above which municipal tasks the county authority takes, and from which municipalities."},
	"ed.js.county.tasks":            {"Hvem tar fylkeskommunens oppgaver?", "Who takes the county authority's tasks?"},
	"ed.js.county.default":          {"Alle oppgavene er satt til staten til du velger en annen mottaker. Det er et utgangspunkt, ikke en anbefaling.", "Every task is set to the state until you choose another receiver. It is a starting point, not a recommendation."},
	"ed.js.county.movehint":         {"Velg en mottaker for oppgavene som skal flyttes. De andre beholder fylkeskommunen.", "Choose a receiver for the tasks to move. The county authority keeps the others."},
	"ed.js.county.all":              {"Gi alle oppgavene til", "Give every task to"},
	"ed.js.county.all.choose":       {"Velg mottaker …", "Choose a receiver …"},
	"ed.js.county.stays":            {"Beholdes av fylkeskommunen", "Kept by the county authority"},
	"ed.js.county.to.staten":        {"Staten", "The state"},
	"ed.js.county.to.kommunene":     {"Kommunene", "The municipalities"},
	"ed.js.county.to.regioner":      {"Regioner av kommuner", "Regions of municipalities"},
	"ed.js.county.unverified":       {"lovgrunnlaget er ikke verifisert", "legal basis not verified"},
	"ed.js.county.ends":             {"Opphører med fylkeskommunen: %s.", "Ends with the county authority: %s."},
	"ed.js.county.regions":          {"Regionene", "The regions"},
	"ed.js.county.regions.from":     {"Bruk regionene fra et lagret scenario", "Use the regions of a saved scenario"},
	"ed.js.county.regions.none":     {"Ingen regioner valgt", "No regions chosen"},
	"ed.js.county.regions.own":      {"Regionene som står i scenarioet (%d)", "The regions in the scenario (%d)"},
	"ed.js.county.regions.option":   {"%s (%d regioner)", "%s (%d regions)"},
	"ed.js.county.regions.hint":     {"Hver gruppe av kommuner som har vertskommunesamarbeid sammen i scenarioet blir én region. Kommuner som ikke er med i noen region, tar oppgavene alene.", "Each group of municipalities that cooperates with a host municipality in the scenario becomes one region. Municipalities in no region take the tasks alone."},
	"ed.js.county.regions.nosource": {"Ingen lagrede scenarioer har regioner ennå. Finn faste samarbeidsregioner i søket og lagre dem som scenario.", "No saved scenario has regions yet. Find fixed cooperation regions in the search and save them as a scenario."},
	"ed.js.county.regions.search":   {"Finn faste samarbeidsregioner", "Find fixed cooperation regions"},
	"ed.js.county.regions.count":    {"%d regioner med til sammen %d kommuner. %d kommuner er ikke med i noen region og tar oppgavene alene.", "%d regions with %d municipalities in all. %d municipalities are in no region and take the tasks alone."},
	"ed.js.county.regions.show":     {"Vis regionene", "Show the regions"},
}

func init() { addMessages("the editor's county section", editorCountyMessages) }
