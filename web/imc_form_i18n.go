package web

// imcFormMessages word the refusals of the cooperation form (new and
// edit alike): each names the field, as its label reads on the form, and
// what is wrong with what was typed. They are keyed errors (see
// errorMessages): the form's own (imcform.go's record) and the registry's
// checks (generalist.IMC.Validate, imc.Validate). Added to messages at
// start.
var imcFormMessages = map[string][2]string{
	"err.imcform.form":    {"Velg en samarbeidsform fra lista.", "Choose a legal form from the list."},
	"err.imcform.entity":  {"%[1]v: velg ja, nei eller ingenting.", "%[1]v: choose yes, no or nothing."},
	"err.imcform.date":    {"%[1]v: «%[2]v» er ikke en dato. Skriv datoen som 31.01.2026 eller 2026-01-31, en dag mellom år 1800 og 2200.", "%[1]v: «%[2]v» is not a date. Write it as 2026-01-31 or 31.01.2026, a day between the years 1800 and 2200."},
	"err.imcform.whole":   {"%[1]v: «%[2]v» er ikke et helt tall. Skriv for eksempel 6.", "%[1]v: «%[2]v» is not a whole number. Write for example 6."},
	"err.imcform.year":    {"%[1]v: «%[2]v» er ikke et årstall. Skriv for eksempel 2026.", "%[1]v: «%[2]v» is not a year. Write for example 2026."},
	"err.imcform.value":   {"%[1]v: «%[2]v» kan ikke brukes. Rett feltet og send skjemaet igjen; det du skrev, står fortsatt i skjemaet.", "%[1]v: «%[2]v» cannot be used. Correct the field and send the form again; what you wrote is still in the form."},
	"err.imcform.pnumber": {"Deltaker %[1]v: fyll inn kommunenummeret eller fylkesnummeret.", "Participant %[1]v: fill in the municipality or county number."},
	"err.imcform.pwhole":  {"Deltaker %[1]v (%[2]v), %[3]v: «%[4]v» er ikke et helt tall. Skriv for eksempel 3.", "Participant %[1]v (%[2]v), %[3]v: «%[4]v» is not a whole number. Write for example 3."},
	"err.imcform.pdate":   {"Deltaker %[1]v (%[2]v), %[3]v: «%[4]v» er ikke en dato. Skriv datoen som 31.01.2026 eller 2026-01-31.", "Participant %[1]v (%[2]v), %[3]v: «%[4]v» is not a date. Write it as 2026-01-31 or 31.01.2026."},
	"err.imcform.pvalue":  {"Deltaker %[1]v (%[2]v), %[3]v: «%[4]v» kan ikke brukes. Skriv en andel i prosent, for eksempel 33,33.", "Participant %[1]v (%[2]v), %[3]v: «%[4]v» cannot be used. Write a share in percent, for example 33.33."},

	// The registry's own checks, for the form and the import alike.
	"err.imc.notes":       {"Merknader: teksten har flere enn %[2]v tegn. Kort den ned.", "Notes: the text has more than %[2]v characters. Shorten it."},
	"err.imc.sourcelen":   {"Kilde: teksten har flere enn %[2]v tegn. Kort den ned.", "Source: the text has more than %[2]v characters. Shorten it."},
	"err.imc.sourceline":  {"Kilde: skriv kilden på én linje, uten tabulator eller linjeskift.", "Source: write the source on one line, without tabs or line breaks."},
	"err.imc.clauselen":   {"Et avtalepunkt har flere enn %[2]v tegn. Kort det ned.", "An agreement clause has more than %[2]v characters. Shorten it."},
	"err.imc.notice":      {"Oppsigelsesfrist: %[1]v måneder kan ikke brukes. Skriv et helt antall måneder fra 0 til 120.", "Notice period: %[1]v months cannot be used. Write a whole number of months from 0 to 120."},
	"err.imc.unknowntask": {"Oppgave %[2]v: «%[3]v» finnes ikke i oppgavekatalogen. Velg en oppgave fra lista, eller beskriv oppgaven med tekst.", "Task %[2]v: «%[3]v» is not in the task catalogue. Choose a task from the list, or describe the task in text."},
}

func init() { addMessages("the cooperation form", imcFormMessages) }
