package web

// imcMunicipalityMessages are the texts of a municipality's cooperation
// page (/kommune/N/samarbeid) when it lists the example cooperations,
// added to messages at start.
var imcMunicipalityMessages = map[string][2]string{
	"imc.muni.col.host":        {"Vertskommune eller kontor", "Host or office"},
	"imc.muni.role.host":       {"vertskommune", "host municipality"},
	"imc.muni.role.office":     {"kontorkommune", "office municipality"},
	"imc.muni.role.headoffice": {"hovedkontor", "head office"},
	"imc.muni.examples.on": {"Eksempelsamarbeidene er tatt med. De er oppdiktede avtaler mellom virkelige kommuner, merket «eksempel», og ikke reelle registreringer.",
		"The example cooperations are included. They are made-up agreements between real municipalities, marked «example», and not real registrations."},
	"imc.muni.examples.off": {"Vis bare registrerte samarbeid", "Show registered cooperations only"},
	"imc.muni.none.examples": {"Kommunen deltar ikke i noe registrert samarbeid eller eksempelsamarbeid på denne datoen. Velg en annen dato, eller se hele samarbeidsregisteret.",
		"The municipality takes part in no registered or example cooperation on this date. Choose another date, or see the whole cooperation registry."},
}

func init() { addMessages("a municipality's cooperations", imcMunicipalityMessages) }
