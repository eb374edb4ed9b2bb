package web

// homeMessages are the texts of the home page, added to messages at start.
var homeMessages = map[string][2]string{
	"home.lead":       {"I generalistkommunesystemet har alle kommuner – fra Oslo til Utsira – de samme lovpålagte oppgavene, det samme finansieringssystemet (inntektssystemet) og den samme lovgivningen for organisering, styring og statlig kontroll, uavhengig av størrelse. Generalist kartlegger systemet på ekte data og viser konsekvensene av alternativene.", "In Norway's generalist municipality system every municipality – from Oslo to Utsira – has the same statutory tasks, the same financing through the income system and the same legal frame for organisation, governance and state control, whatever its size. Generalist maps the system on real data and shows the consequences of the alternatives."},
	"home.glossary":   {"Ordene er forklart i ordlisten.", "The words are explained in the glossary."},
	"home.same.tasks": {"Alle kommuner får de samme lovpålagte oppgavene.", "All municipalities are given the same statutory tasks by law."},
	"home.same.money": {"Ett inntektssystem: rammetilskudd med utgifts- og inntektsutjevning.", "One income system: a block grant (rammetilskudd) with expenditure and income equalisation."},
	"home.same.law":   {"Samme lovverk: kommuneloven for organisering, styring og statlig kontroll.", "One legal frame: kommuneloven for organisation, governance and state control."},
}

func init() { addMessages("the home page", homeMessages) }
