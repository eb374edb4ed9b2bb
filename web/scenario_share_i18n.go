package web

// scenarioFileMessages are the texts of a scenario's downloads and
// sharing (the comparison page) and of the plan import page.
var scenarioFileMessages = map[string][2]string{
	"sc.dl.title":         {"Last ned og del", "Download and share"},
	"sc.dl.lead":          {"Kommunene slik de blir i scenarioet, som kart og som tabell. Kartet åpnes i QGIS og andre kartverktøy, tabellen i Excel, R eller Python.", "The municipalities as they would be in the scenario, as a map and as a table. The map opens in QGIS and other map tools, the table in Excel, R or Python."},
	"sc.dl.map":           {"Last ned kart (GeoJSON)", "Download map (GeoJSON)"},
	"sc.dl.map.wgs":       {"lengde og bredde (EPSG:4326)", "longitude and latitude (EPSG:4326)"},
	"sc.dl.map.utm":       {"UTM sone 33N (EPSG:25833)", "UTM zone 33N (EPSG:25833)"},
	"sc.dl.map.note":      {"Én flate per kommune i scenarioet; sammenslåtte kommuner er slått sammen til én flate uten indre grenser. Hver flate har nummer, navn, medlemmer, innbyggere og scenarioets nøkkeltall for kommunen. Innbyggere uten data står tomme, ikke som 0.", "One area per municipality in the scenario; merged municipalities are joined into one area without inner boundaries. Each area has its number, name, members, inhabitants and the scenario's key figures for the municipality. Inhabitants without data are left empty, not 0."},
	"sc.dl.table":         {"Last ned tabell (CSV / Excel)", "Download table (CSV / Excel)"},
	"sc.dl.csv":           {"CSV (komma)", "CSV (comma)"},
	"sc.dl.excel":         {"Excel (norske innstillinger)", "Excel (Norwegian settings)"},
	"sc.dl.table.note":    {"Én rad per kommune i dagens struktur, med gruppen den hører til i scenarioet, samarbeid og oppgaver som flyttes. Tabellen kan importeres igjen som et nytt scenario.", "One row per municipality of today's structure, with its group in the scenario, cooperation and tasks moved. The table can be imported again as a new scenario."},
	"sc.share.link":       {"Fast lenke", "Permanent link"},
	"sc.share.published":  {"Publisert av %s %s: alle kan lese scenarioet, også uten å logge inn.", "Published by %s on %s: anyone can read the scenario, also without signing in."},
	"sc.share.private":    {"Ikke publisert: bare innloggede brukere kan åpne lenken.", "Not published: only signed-in users can open the link."},
	"sc.share.example":    {"Et eksempel som følger med Generalist: alle kan lese det.", "An example shipped with Generalist: anyone can read it."},
	"sc.share.publish":    {"Publiser, så alle kan lese", "Publish, so anyone can read"},
	"sc.share.unpublish":  {"Avpubliser, bare for innloggede", "Unpublish, signed-in users only"},
	"sc.share.public":     {"publisert", "published"},
	"sc.import.title":     {"Importer plan fra fil", "Import a plan from a file"},
	"sc.import.link":      {"Importer en plan fra fil (CSV eller GeoJSON)", "Import a plan from a file (CSV or GeoJSON)"},
	"sc.import.lead":      {"Lag et nytt scenario av en plan du har fra før: en tabell med kommunenummer og gruppe (CSV, for eksempel fra Excel) eller et kart med de samme egenskapene (GeoJSON, for eksempel fra QGIS). Kommuner med samme gruppe slås sammen, kommuner uten gruppe står alene. Planen sjekkes som alle scenarioer, og ingenting lagres før du bekrefter.", "Make a new scenario of a plan you already have: a table of municipality numbers and groups (CSV, from Excel for example) or a map with the same properties (GeoJSON, from QGIS for example). Municipalities with the same group are merged, municipalities without a group stay alone. The plan is checked like every scenario, and nothing is stored until you confirm."},
	"sc.import.file":      {"Fil (CSV eller GeoJSON)", "File (CSV or GeoJSON)"},
	"sc.import.file.help": {"CSV med kolonnene kommunenummer og gruppe, og gjerne gruppenavn og senter (nummeret til senterkommunen), slik tabellen fra «Last ned tabell» ser ut; semikolon, komma eller tabulator. Eller GeoJSON med de samme egenskapene per kommune. Høyst 4 MB.", "CSV with the columns kommunenummer and gruppe, and optionally gruppenavn and senter (the number of the centre municipality), as the table from «Download table» looks; semicolons, commas or tabs. Or GeoJSON with the same properties per municipality. At most 4 MB."},
	"sc.import.name":      {"Navn på scenarioet", "Name of the scenario"},
	"sc.import.desc":      {"Beskrivelse (valgfritt)", "Description (optional)"},
	"sc.import.structure": {"Kommunestruktur", "Municipality structure"},
	"sc.import.noname":    {"Gi scenarioet et navn.", "Give the scenario a name."},
	"sc.import.check":     {"Sjekk filen", "Check the file"},
	"sc.import.preview":   {"Forhåndsvisning", "Preview"},
	"sc.import.summary":   {"Filen %s er i orden: scenarioet «%s» får %d sammenslåinger på %d-strukturen, 1. januar %d. Ingenting er lagret ennå.", "The file %s is in order: the scenario «%s» gets %d mergers on the %d structure, 1 January %d. Nothing is stored yet."},
	"sc.import.confirm":   {"Lagre scenarioet", "Save the scenario"},
	"sc.import.cancel":    {"Avbryt", "Cancel"},
	"sc.import.refused":   {"Filen %s er avvist, og ingenting er lagret: %d problem(er) må rettes først. Rett filen og last den opp igjen.", "The file %s is refused and nothing is stored: %d problem(s) must be fixed first. Fix the file and upload it again."},
	"sc.import.problems":  {"Problemer i filen", "Problems in the file"},
	"sc.import.place":     {"Sted", "Place"},
	"sc.import.atline":    {"linje %d", "line %d"},
	"sc.import.atfeature": {"objekt %d", "feature %d"},
	"sc.import.col":       {"Kolonne eller egenskap", "Column or property"},
	"sc.import.problem":   {"Problem", "Problem"},
	"sc.import.note":      {"Linje er linjenummeret i filen, med overskriften som linje 1; objekt er nummeret på objektet i GeoJSON-filen, fra 1. Meldingene fra kontrollen er på engelsk.", "Line is the line number in the file, the header being line 1; feature is the number of the feature in the GeoJSON file, from 1."},
	"sc.import.merger":    {"Ny kommune", "New municipality"},
	"sc.import.members":   {"Kommuner", "Municipalities"},
	"sc.import.centre":    {"Senter", "Centre"},
	"sc.import.again":     {"Last opp en annen fil", "Upload another file"},
	"sc.import.choose":    {"Velg fil", "Choose a file"},
}

// scenarioFlash are the confirmations of publishing, unpublishing and
// importing a scenario.
var scenarioFlash = map[string][2]string{
	"flash.scenario.published":   {"Scenarioet er publisert. Alle kan nå lese det, også uten å logge inn.", "The scenario is published. Anyone can now read it, also without signing in."},
	"flash.scenario.unpublished": {"Scenarioet er ikke lenger publisert. Bare innloggede brukere kan åpne det.", "The scenario is no longer published. Only signed-in users can open it."},
	"flash.scenario.imported":    {"Planen er importert som et nytt scenario.", "The plan is imported as a new scenario."},
}

func init() {
	for k, v := range scenarioFlash {
		flashMessages[k] = v
	}
	addMessages("the scenario files", scenarioFileMessages, scenarioFlash)
}
