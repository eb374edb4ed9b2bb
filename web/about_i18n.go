package web

import "fmt"

// aboutMessages are the texts of /om and /tilgjengelighet and of the
// footer links to them, added to messages at start.
var aboutMessages = map[string][2]string{
	"footer.about": {"Om tjenesten", "About the service"},
	"footer.a11y":  {"Tilgjengelighetserklæring", "Accessibility statement"},

	"about.title":             {"Om Generalist", "About Generalist"},
	"about.lead":              {"Generalist er et åpent beslutningsstøtteverktøy for generalistkommunesystemet. Det kartlegger kommunene på offentlige data, måler kapasiteten deres mot oppgavene og sammenligner alternativene – sammenslåing, interkommunalt samarbeid, oppgavedifferensiering, pålagt samarbeid, statlig styring og fylkeskommunens rolle – side om side. Verktøyet viser konsekvensene av valgene; det anbefaler ikke et svar.", "Generalist is an open decision-support tool for the generalist municipality system. It maps the municipalities on public data, measures their capacity against their tasks and compares the alternatives – mergers, inter-municipal cooperation, task differentiation, mandated cooperation, state governance and the county's role – side by side. It shows the consequences of the choices; it does not recommend an answer."},
	"about.operator":          {"Hvem driver tjenesten", "Who runs the service"},
	"about.operator.is":       {"Denne installasjonen drives av %s.", "This installation is run by %s."},
	"about.operator.none":     {"Den som driver denne installasjonen, har ikke oppgitt navnet sitt.", "Whoever runs this installation has not given their name."},
	"about.contact.is":        {"Kontakt: %s.", "Contact: %s."},
	"about.contact.input":     {"Du kan også sende spørsmål, feil og forslag som", "You can also send questions, errors and suggestions as"},
	"about.contact.inputlink": {"innspill", "input"},
	"about.sources":           {"Kilder og lisenser", "Sources and licences"},
	"about.sources.lead":      {"Alle tall kommer fra disse offentlige kildene eller fra forutsetninger som er navngitt og kan endres der tallene vises:", "Every figure comes from these public sources or from assumptions that are named, and can be changed, where the figures are shown:"},
	"about.licences":          {"Lisenser: Statistisk sentralbyrå (NLOD 2.0 / CC BY 4.0), Kartverket (CC BY 4.0), Kommunal- og distriktsdepartementet (NLOD 2.0), Statistics Finland (CC BY 4.0). Gjenbruk krever at kilden oppgis.", "Licences: Statistics Norway (NLOD 2.0 / CC BY 4.0), Kartverket (CC BY 4.0), the Ministry of Local Government and Regional Development (NLOD 2.0), Statistics Finland (CC BY 4.0). Reuse requires attribution."},
	"about.loaded":            {"Dataene ble sist lastet inn %s.", "The data were last loaded on %s."},
	"about.version":           {"Versjon", "Version"},
	"about.version.is":        {"Programversjon %s", "Software version %s"},
	"about.version.time":      {"fra %s.", "of %s."},
	"about.version.modified":  {"Bygget med lokale endringer som ikke er registrert.", "Built with local changes that are not recorded."},
	"about.version.none":      {"Programversjonen er ikke kjent: programmet ble bygget uten versjonsinformasjon.", "The software version is not known: the program was built without version information."},
	"about.catalogue":         {"Oppgavekatalog versjon %s.", "Task catalogue version %s."},
	"about.a11y":              {"Universell utforming", "Accessibility"},
	"about.technical":         {"Teknisk", "Technical"},
	"about.datasets":          {"Datafiler som er lastet inn", "Data files loaded"},
	"about.dataset.file":      {"Fil", "File"},
	"about.dataset.rows":      {"Rader", "Rows"},
	"about.dataset.sha":       {"Sjekksum (SHA-256, begynnelsen)", "Checksum (SHA-256, start)"},

	"a11y.title":                            {"Tilgjengelighetserklæring", "Accessibility statement"},
	"a11y.lead":                             {"Offentlige virksomheter skal følge kravene til universell utforming av nettsteder (WCAG 2.1 nivå A og AA) og ha en tilgjengelighetserklæring. Denne siden sier hva som er kjent om hvor godt Generalist oppfyller kravene.", "Public bodies must meet the requirements for universal design of websites (WCAG 2.1 levels A and AA) and publish an accessibility statement. This page says what is known about how well Generalist meets the requirements."},
	"a11y.publish":                          {"Den offisielle erklæringen publiseres av virksomheten som driver tjenesten, i Digitaliseringsdirektoratets løsning uustatus.no; denne siden er grunnlaget for den.", "The official statement is published by the body that runs the service, in the Norwegian Digitalisation Agency's service uustatus.no; this page is its basis."},
	"a11y.status":                           {"Status", "Status"},
	"a11y.status.partial":                   {"Generalist oppfyller kravene delvis. Avvikene som er kjent, står nedenfor og blir rettet.", "Generalist partly meets the requirements. The known deviations are listed below and are being fixed."},
	"a11y.status.noknown":                   {"Verken den automatiske testen eller gjennomgangen av sidene har funnet avvik.", "Neither the automatic test nor the review of the pages has found any deviation."},
	"a11y.known":                            {"Kjente avvik", "Known deviations"},
	"a11y.known.lead":                       {"Disse avvikene er kjent. Listen fra den automatiske testen oppdateres hver gang sidene endres, og testen stopper enhver endring som gir nye avvik.", "These deviations are known. The list from the automatic test is updated whenever the pages change, and the test stops any change that adds a deviation."},
	"a11y.criterion":                        {"WCAG-suksesskriterium %s", "WCAG success criterion %s"},
	"a11y.pages":                            {"Gjelder %d sider.", "Concerns %d pages."},
	"a11y.pages.narrow":                     {"Gjelder %d sider på smal skjerm (mobil).", "Concerns %d pages on a narrow screen (phone)."},
	"a11y.which":                            {"Hvilke sider", "Which pages"},
	"a11y.rule.horizontal-scroll":           {"Siden må rulles sideveis fordi innholdet er bredere enn skjermen", "The page must be scrolled sideways because its content is wider than the screen"},
	"a11y.rule.scrollable-region-focusable": {"Et område som kan rulles (for eksempel en bred tabell), kan ikke nås med tastaturet", "An area that scrolls (such as a wide table) cannot be reached with the keyboard"},
	"a11y.rule.color-contrast":              {"For lav kontrast mellom tekst og bakgrunn", "Too little contrast between text and background"},
	"a11y.rule.other":                       {"Andre avvik som den automatiske testen har funnet", "Other deviations found by the automatic test"},
	"a11y.tested":                           {"Slik er sidene testet", "How the pages are tested"},
	"a11y.tested.text":                      {"Alle offentlige sider testes automatisk med axe-core i nettleseren Chromium, på bokmål og engelsk, med skjermbredde 1 400 og 390 piksler, hver gang programmet endres. I tillegg gjennomgås skjermbilder av sidene manuelt. Sider som krever innlogging, er ennå ikke med i den automatiske testen.", "Every public page is tested automatically with axe-core in the Chromium browser, in bokmål and English, at screen widths of 1,400 and 390 pixels, whenever the program changes. Screenshots of the pages are also reviewed by hand. Pages that need sign-in are not yet part of the automatic test."},
	"a11y.updated":                          {"Listen over kjente avvik ble sist oppdatert %s.", "The list of known deviations was last updated on %s."},
	"a11y.feedback":                         {"Tilbakemelding", "Feedback"},
	"a11y.feedback.contact":                 {"Meld fra om feil og mangler til %s.", "Report errors and shortcomings to %s."},
	"a11y.feedback.input":                   {"Du kan også melde fra som", "You can also report them as"},
	"a11y.complain":                         {"Får du ikke svar, eller er du ikke fornøyd med svaret, kan du varsle", "If you get no answer, or are not satisfied with the answer, you can notify"},
	"a11y.uutilsynet":                       {"Tilsynet for universell utforming av ikt (Uutilsynet)", "the Norwegian Authority for Universal Design of ICT (Uutilsynet)"},
}

func init() {
	for k, v := range aboutMessages {
		if _, dup := messages[k]; dup {
			panic(fmt.Sprintf("web: message key %q of the about pages is defined twice", k))
		}
		messages[k] = v
	}
}
