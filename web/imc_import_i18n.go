package web

import "fmt"

// imcImportMessages are the texts of the registry's import page and of a
// registration's source, added to messages at start.
var imcImportMessages = map[string][2]string{
	"imc.source":                         {"Kilde", "Source"},
	"imc.source.none":                    {"ikke oppgitt", "not given"},
	"imc.source.help":                    {"Hvor opplysningene kommer fra, for eksempel «Statsforvalteren i Nordland, oversikt over interkommunale samarbeid 2024» eller «Samarbeidsavtale vedtatt juni 2023».", "Where the registration comes from, such as «Statsforvalteren i Nordland, oversikt over interkommunale samarbeid 2024» or «Samarbeidsavtale vedtatt juni 2023»."},
	"imc.import":                         {"Importer samarbeid fra fil", "Import cooperations from a file"},
	"imc.import.lead":                    {"Legg inn samarbeid som allerede finnes, fra kildene du har: statsforvalterens oversikter, spørreundersøkelser, Enhetsregisteret eller avtalene selv. Filen sjekkes like strengt som registerets skjema. Du ser først hva som vil skje, og ingenting lagres før du bekrefter. Er noe galt, avvises hele filen og registeret er uendret. Registrerte samarbeid som er i drift 1. januar, regnes som dagens system i kapasitetsberegningene; eksemplene gjør det ikke.", "Enter cooperations that already exist, from the sources you have: the county governor's overviews, surveys, Enhetsregisteret or the agreements themselves. The file is checked as strictly as the registry's own form. You first see what will happen, and nothing is stored until you confirm. If anything is wrong, the whole file is refused and the registry is unchanged. Registered cooperations running on 1 January count as today's system in the capacity figures; the examples do not."},
	"imc.import.file":                    {"Fil (CSV eller JSON)", "File (CSV or JSON)"},
	"imc.import.file.help":               {"CSV etter malen under (semikolon, komma eller tabulator; lagret som CSV UTF-8), eller JSON slik registeret eksporterer. Høyst 4 MB.", "CSV following the template below (semicolons, commas or tabs; saved as CSV UTF-8), or JSON as the registry exports it. At most 4 MB."},
	"imc.import.source":                  {"Kilde for hele filen", "Source for the whole file"},
	"imc.import.source.help":             {"Brukes for hvert samarbeid som ikke har egen kilde i kolonnen kilde. For eksempel «Statsforvalteren i Nordland, oversikt over interkommunale samarbeid 2024», «Spørreundersøkelse KS 2025» eller «Enhetsregisteret 2026-11-30».", "Used for every cooperation without its own source in the column kilde. For example «Statsforvalteren i Nordland, oversikt over interkommunale samarbeid 2024», «Spørreundersøkelse KS 2025» or «Enhetsregisteret 2026-11-30»."},
	"imc.import.replace":                 {"Erstatt registrerte versjoner", "Replace registered versions"},
	"imc.import.replace.help":            {"Et samarbeid med samme navn som et registrert lagres som neste versjon av det; historikken viser hva som ble endret. Uten dette avvises filen når et navn er registrert fra før.", "A cooperation with the name of a registered one is stored as its next version; the history shows what changed. Without this the file is refused when a name is registered already."},
	"imc.import.choose":                  {"Velg fil", "Choose a file"},
	"imc.import.again":                   {"Last opp en annen fil", "Upload another file"},
	"imc.import.check":                   {"Sjekk filen", "Check the file"},
	"imc.import.nofile":                  {"Velg en fil å importere.", "Choose a file to import."},
	"imc.import.preview":                 {"Forhåndsvisning", "Preview"},
	"imc.import.summary":                 {"Filen %s er i orden: %d samarbeid blir registrert, %d oppdatert og %d er uendret. Ingenting er lagret ennå.", "The file %s is in order: %d cooperations will be registered, %d updated and %d are unchanged. Nothing is stored yet."},
	"imc.import.skipped":                 {"%d samarbeid som filen merker som eksempel, blir utelatt: eksempler registreres bare fra eksemplene Generalist leveres med.", "%d cooperations the file marks as examples are left out: examples are registered only from those shipped with Generalist."},
	"imc.import.action":                  {"Hva skjer", "What happens"},
	"imc.import.action.create":           {"registreres", "registered"},
	"imc.import.action.update":           {"ny versjon", "new version"},
	"imc.import.action.unchanged":        {"uendret", "unchanged"},
	"imc.import.action.skipped_example":  {"utelates (eksempel)", "left out (example)"},
	"imc.import.confirm":                 {"Importer %d samarbeid", "Import %d cooperations"},
	"imc.import.cancel":                  {"Avbryt", "Cancel"},
	"imc.import.nothing":                 {"Det er ingenting å importere: alt i filen er registrert slik det står.", "There is nothing to import: everything in the file is registered as it is."},
	"imc.import.done":                    {"Filen %s er importert: %d samarbeid registrert, %d oppdatert, %d uendret.", "The file %s is imported: %d cooperations registered, %d updated, %d unchanged."},
	"imc.import.tolist":                  {"Til registeret", "To the registry"},
	"imc.import.refused":                 {"Filen %s er avvist, og ingenting er lagret: %d problem(er) må rettes først. Rett filen og last den opp igjen.", "The file %s is refused and nothing is stored: %d problem(s) must be fixed first. Fix the file and upload it again."},
	"imc.import.problems":                {"Problemer i filen", "Problems in the file"},
	"imc.import.problems.note":           {"Linje er linjenummeret i filen (overskriften er linje 1 hvis ingen kommentarlinjer står foran). Meldingene fra kontrollen av hvert felt er på engelsk.", "Line is the line number in the file (the header is line 1 unless comment lines come first)."},
	"imc.import.line":                    {"Linje", "Line"},
	"imc.import.column":                  {"Kolonne", "Column"},
	"imc.import.cooperation":             {"Samarbeid", "Cooperation"},
	"imc.import.problem":                 {"Problem", "Problem"},
	"imc.import.p.source":                {"Kilde mangler. Skriv hvor opplysningene kommer fra i kolonnen kilde, for eksempel «Statsforvalteren i Nordland, oversikt over interkommunale samarbeid 2024», eller oppgi en kilde for hele filen.", "The source is missing. Write where the registration comes from in the column kilde, such as «Statsforvalteren i Nordland, oversikt over interkommunale samarbeid 2024», or give a source for the whole file."},
	"imc.import.p.example":               {"Eksemplene som følger med Generalist, kan ikke registreres fra en fil.", "The examples shipped with Generalist cannot be registered from a file."},
	"imc.import.p.examplename":           {"Navnet er navnet på et av eksemplene som følger med Generalist. Et eksempel kan ikke registreres eller erstattes fra en fil; gi samarbeidet sitt eget navn.", "The name is that of one of the examples shipped with Generalist. An example cannot be registered or replaced from a file; give the cooperation its own name."},
	"imc.import.p.registered":            {"Et samarbeid med dette navnet er registrert fra før. Velg «Erstatt registrerte versjoner» for å lagre filens versjon som neste versjon.", "A cooperation of this name is registered already. Choose «Replace registered versions» to store the file's version as its next version."},
	"imc.import.template":                {"Malen", "The template"},
	"imc.import.template.lead":           {"Skriv én rad per deltakerkommune, og gjenta samarbeidets navn på hver rad; de andre feltene trenger bare stå på den første raden. Påkrevd: navn, form, deltaker, start og kilde (eller en kilde for hele filen), og vert for vertskommunesamarbeid. Datoer skrives 2024-01-01 eller 1.1.2024. Linjer som begynner med # leses ikke. Registerets egen CSV-eksport kan også importeres; den har flere kolonner.", "Write one row per participating municipality, repeating the cooperation's name on each; the other fields need only be on the first row. Required: navn, form, deltaker, start and kilde (or a source for the whole file), and vert for host arrangements. Dates are written 2024-01-01 or 1.1.2024. Lines beginning with # are not read. The registry's own CSV export can be imported too; it has more columns."},
	"imc.import.template.download":       {"Last ned malen (CSV)", "Download the template (CSV)"},
	"imc.import.column.what":             {"Hva den inneholder", "What it holds"},
	"imc.import.col.navn":                {"Samarbeidets navn, likt på alle radene til samarbeidet.", "The cooperation's name, the same on all its rows."},
	"imc.import.col.form":                {"Samarbeidsformen: ipr, ko, vertskommune, vertskommune-nemnd, iks, as, sa, forening eller annet.", "The legal form: ipr, ko, vertskommune, vertskommune-nemnd, iks, as, sa, forening or annet."},
	"imc.import.col.deltaker":            {"Kommunenummeret (4 siffer) eller fylkesnummeret (2 siffer) i 2024-strukturen, én deltaker per rad.", "The municipality number (4 digits) or county number (2 digits) of the 2024 structure, one participant per row."},
	"imc.import.col.deltakernavn":        {"Kommunens navn, bare til hjelp for den som fyller ut; navnet hentes fra nummeret.", "The municipality's name, only as a help to whoever fills in the file; the name comes from the number."},
	"imc.import.col.vert":                {"Vertskommunen, kontorkommunen eller kommunen med hovedkontoret (kommunenummer).", "The host, office or head-office municipality (municipality number)."},
	"imc.import.col.oppgaver":            {"Oppgavene, skilt med |: en oppgave fra oppgavekatalogen (for eksempel barnevern, legevakt, revisjon) eller fritekst, eventuelt med :myndighet bak (for eksempel barnevern:enkeltvedtak).", "The tasks, separated by |: a task of the catalogue (such as barnevern, legevakt, revisjon) or free text, optionally followed by :authority (such as barnevern:enkeltvedtak)."},
	"imc.import.col.start":               {"Når samarbeidet startet. Er datoen ukjent, skriv datoen på kilden som viser det i drift, og «startdato ukjent» i merknad.", "When the cooperation started. If unknown, write the date of the source that shows it running, and «startdato ukjent» in merknad."},
	"imc.import.col.slutt":               {"Når samarbeidet opphørte; tom hvis det er i drift.", "When the cooperation ended; empty if it is running."},
	"imc.import.col.organisasjonsnummer": {"Organisasjonsnummeret i Enhetsregisteret, om det finnes (9 siffer).", "The organisation number in Enhetsregisteret, if any (9 digits)."},
	"imc.import.col.eierandel":           {"Deltakerens eierandel i prosent; gis den, må alle deltakerne ha en, og summen være 100.", "The participant's ownership share in percent; if given, every participant needs one and they must sum to 100."},
	"imc.import.col.kilde":               {"Hvor opplysningene kommer fra (utgiver, dokument og år eller dato).", "Where the registration comes from (publisher, document and year or date)."},
	"imc.import.col.merknad":             {"Fritekst om samarbeidet.", "Free text about the cooperation."},
	"imc.import.examples":                {"Malen har tre eksempler på linjer som begynner med #. De blir aldri importert; slett dem eller la dem stå. Eksemplene som følger med Generalist, kan ikke importeres eller erstattes fra en fil, og en rad merket som eksempel utelates.", "The template has three examples on lines beginning with #. They are never imported; delete them or leave them. The examples shipped with Generalist cannot be imported or replaced from a file, and a row marked as an example is left out."},
}

func init() {
	for k, v := range imcImportMessages {
		if _, dup := messages[k]; dup {
			panic(fmt.Sprintf("web: message key %q of the cooperation import is defined twice", k))
		}
		messages[k] = v
	}
}
