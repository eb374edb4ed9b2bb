package web

// layoutMessages are the texts of the shared page frame (menu, scroll
// regions of wide tables), added to messages at start.
var layoutMessages = map[string][2]string{
	"layout.menu":         {"Meny", "Menu"},
	"layout.menu.current": {"du er på", "you are on"},

	// The accessibility statement's count of pages, for one page.
	"a11y.page":        {"Gjelder én side.", "Concerns one page."},
	"a11y.page.narrow": {"Gjelder én side på smal skjerm (mobil).", "Concerns one page on a narrow screen (phone)."},

	// Names of the scroll regions around wide tables and charts: what a
	// screen reader says when the keyboard reaches one.
	"layout.table.municipalities":  {"Tabell over kommunene", "Table of the municipalities"},
	"layout.table.compare":         {"Tabell over kommunene som sammenlignes", "Table of the municipalities compared"},
	"layout.table.tasks":           {"Tabell over oppgavene", "Table of the tasks"},
	"layout.table.taskhistory":     {"Tabell over endringer i oppgavekatalogen", "Table of changes to the task catalogue"},
	"layout.table.regression":      {"Tabell over regresjonen", "Table of the regression"},
	"layout.table.groupmeans":      {"Tabell over gjennomsnitt per gruppe", "Table of the means by group"},
	"layout.table.groups":          {"Tabell over de foreslåtte gruppene", "Table of the proposed groups"},
	"layout.table.nordic":          {"Tabell over kommunene i Norden", "Table of the Nordic municipalities"},
	"layout.table.vulnerability":   {"Tabell over oppgaver der fagmiljøet er for lite", "Table of tasks where the professional environment is too small"},
	"layout.table.userindicators":  {"Tabell over importerte indikatorer", "Table of imported indicators"},
	"layout.table.imccosts":        {"Tabell over kostnadsfordelingen", "Table of the cost sharing"},
	"layout.table.imcparticipants": {"Tabell over deltakerne", "Table of the participants"},
	"layout.table.imctasks":        {"Tabell over oppgavene i samarbeidet", "Table of the cooperation's tasks"},
	"layout.table.imchistory":      {"Tabell over endringshistorikken", "Table of the change history"},
	"layout.table.importproblems":  {"Tabell over problemene i filen", "Table of the problems in the file"},
	"layout.table.importplan":      {"Tabell over det som vil bli importert", "Table of what will be imported"},
	"layout.table.importcolumns":   {"Tabell over kolonnene i malen", "Table of the template's columns"},
	"layout.table.imclaw":          {"Tabell over lovkravene", "Table of the legal requirements"},
	"layout.table.imclist":         {"Tabell over samarbeidene", "Table of the cooperations"},
	"layout.table.imcowner":        {"Tabell over kommunens samarbeid og eierskap", "Table of the municipality's cooperations and ownership"},
	"layout.table.imccheck":        {"Tabell over lovsjekken", "Table of the legal check"},
	"layout.table.inputqueue":      {"Tabell over innspill til behandling", "Table of input awaiting review"},
	"layout.table.datasets":        {"Tabell over datasettene", "Table of the data sets"},
	"layout.table.tokens":          {"Tabell over API-nøklene", "Table of the API tokens"},
	"layout.table.users":           {"Tabell over brukerne", "Table of the users"},
	"layout.table.audit":           {"Tabell over endringsloggen", "Table of the audit log"},
	"layout.exit.routes":           {"Regler for å tre ut", "Rules for leaving"},
	"layout.chart.series":          {"Diagram over folketallet over tid", "Chart of the population over time"},
	"layout.chart.ages":            {"Diagram over aldersfordelingen", "Chart of the age distribution"},
	"layout.chart.similar":         {"Diagram over kommuner av lignende størrelse", "Chart of municipalities of similar size"},
	"layout.chart.scatter":         {"Punktdiagram over indikatoren mot folketallet", "Scatter chart of the indicator against population"},
	"layout.chart.compare":         {"Diagram over folketallet i kommunene som sammenlignes", "Chart of the population of the municipalities compared"},
}

func init() { addMessages("the page frame", layoutMessages) }
