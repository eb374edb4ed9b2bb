package web

// badInputMessages word the refusals of malformed requests: an address
// whose query cannot be read, and the regions search's criteria. Added to
// messages at start.
var badInputMessages = map[string][2]string{
	"err.query.unreadable": {"Adressen kan ikke leses: delen etter spørsmålstegnet er skadet eller har altfor mange valg. Gå tilbake og prøv igjen, eller start fra forsiden.",
		"The address cannot be read: the part after the question mark is damaged or has far too many choices. Go back and try again, or start from the home page."},
	// A date in the address or a date field (dateParam): %[2]v is what
	// was written.
	"err.query.date": {"«%[2]v» er ikke en dato. Skriv for eksempel 31.1.2026 (en dag fra år 1800 til 2200).", "«%[2]v» is not a date. Write for example 2026-01-31 or 31.1.2026 (a day from the year 1800 to 2200)."},

	// The regions search (/sok?mode=regions, app.SearchGroups).
	"err.grp.notask":    {"Velg minst én oppgave.", "Choose at least one task."},
	"err.grp.twice":     {"Oppgaven «%[1]v» er valgt to ganger. Velg hver oppgave bare én gang.", "The task «%[1]v» is chosen twice. Choose each task once."},
	"err.grp.task":      {"Oppgaven «%[1]v» finnes ikke, eller den har ingen bemanningsmodell. Velg oppgavene fra lista.", "The task «%[1]v» does not exist or has no staffing model. Choose the tasks from the list."},
	"err.grp.manytasks": {"Velg høyst %[1]v oppgaver; adressen har %[2]v.", "Choose at most %[1]v tasks; the address has %[2]v."},
	"err.grp.maxkm":     {"Største avstand «%[1]v» kan ikke brukes. Skriv et tall fra 0 til 5 000 km, eller la feltet stå tomt for ingen grense.", "The largest distance «%[1]v» cannot be used. Write a number from 0 to 5,000 km, or leave the field empty for no limit."},
	"err.grp.county":    {"Fylket «%[1]v» finnes ikke. Velg et fylke fra lista.", "The county «%[1]v» does not exist. Choose a county from the list."},
	"err.grp.nocounty":  {"Ingen kommune i %[2]v-strukturen ligger i fylke %[1]v. Velg et fylke fra lista.", "No municipality of the %[2]v structure is in county %[1]v. Choose a county from the list."},
	"err.grp.noages":    {"Det finnes ingen befolkningstall etter alder for %[1]v %[2]v dette året, og de trengs for å regne fagmiljøet. Velg 2024-strukturen eller et annet år.", "There are no population figures by age for %[1]v %[2]v this year, and they are needed to compute the professional environment. Choose the 2024 structure or another year."},
}

func init() { addMessages("the bad input refusals", badInputMessages) }
