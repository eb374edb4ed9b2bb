package web

// tasksMessages are the task catalogue page's texts (/oppgaver), added to
// messages at start: the sectors' names, for the catalogue's sector keys.
var tasksMessages = map[string][2]string{
	"sector.barnevern":         {"Barnevern", "Child welfare"},
	"sector.brann_beredskap":   {"Brann og beredskap", "Fire and emergency preparedness"},
	"sector.folkehelse":        {"Folkehelse", "Public health"},
	"sector.helse":             {"Helse", "Health"},
	"sector.integrering":       {"Integrering", "Integration"},
	"sector.kultur":            {"Kultur", "Culture"},
	"sector.landbruk":          {"Landbruk", "Agriculture"},
	"sector.miljo_teknisk":     {"Miljø og tekniske tjenester", "Environment and technical services"},
	"sector.omsorg":            {"Omsorg", "Care"},
	"sector.oppvekst":          {"Oppvekst", "Childhood and education"},
	"sector.plan_bygg_geodata": {"Plan, bygg og geodata", "Planning, building and geodata"},
	"sector.sosial":            {"Sosiale tjenester", "Social services"},
	"sector.styring_demokrati": {"Styring og demokrati", "Governance and democracy"},
}

func init() { addMessages("the task page", tasksMessages) }
