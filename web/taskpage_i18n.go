package web

// taskPageMessages are the texts of the task catalogue page (/oppgaver),
// added to messages at start; the sector names are in tasks_i18n.go.
var taskPageMessages = map[string][2]string{
	"tp.lead":          {"De lovpålagte oppgavene alle kommuner har, uansett størrelse, med lovgrunnlag og bemanningsmodellen som brukes til å måle kapasitet. Katalogversjon %s.", "The statutory tasks every municipality has, whatever its size, with their legal basis and the staffing model used to measure capacity. Catalogue version %s."},
	"tp.nbonly":        {"Lovgrunnlagene og kildene i oppgavekatalogen er skrevet på bokmål.", "The legal bases (the names of Norwegian acts and regulations) and the sources of the task catalogue are given in Norwegian, as they are published."},
	"tp.years":         {"%s år", "aged %s"},
	"tp.none":          {"ingen", "none"},
	"tp.repo":          {"åpent kodelager på GitHub", "a public code repository on GitHub"},
	"tp.repo.law":      {"lovteksten (kopi fra Lovdata i et åpent kodelager)", "the law text (a copy from Lovdata in a public code repository)"},
	"tp.history":       {"Endringer i bemanningstallene", "Changes to the staffing figures"},
	"tp.when":          {"Når", "When"},
	"tp.who":           {"Hvem", "Who"},
	"tp.field":         {"Tall", "Figure"},
	"tp.value":         {"Verdi", "Value"},
	"tp.why":           {"Begrunnelse", "Why"},
	"tp.shipped":       {"levert verdi", "shipped value"},
	"tp.nochanges":     {"Ingen endringer: de leverte verdiene gjelder.", "No changes: the shipped values apply."},
	"tp.form":          {"Endre et bemanningstall", "Change a staffing figure"},
	"tp.newvalue":      {"Ny verdi (tom: levert verdi)", "New value (empty: shipped value)"},
	"tp.note":          {"Hva verdien bygger på", "What the value rests on"},
	"tp.save":          {"Lagre endring", "Save change"},
	"tp.tech":          {"Teknisk", "Technical"},
	"tp.tech.json":     {"Oppgavekatalogen finnes også som JSON for programmer:", "The task catalogue is also available as JSON for programs:"},
	"tp.tech.jsonlink": {"oppgavekatalogen som JSON", "the task catalogue as JSON"},
	"tp.glossary":      {"Ordene årsverk, målgruppe og robust fagmiljø er forklart i", "The words FTE, target group and robust professional environment are explained in"},
	"tp.glossarylink":  {"ordlisten", "the glossary"},
}

func init() { addMessages("the task page", taskPageMessages) }
