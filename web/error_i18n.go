package web

import (
	"errors"
	"fmt"
	"strings"

	"generalist"
	"generalist/internal/nbfmt"
)

// errorMessages word the domain's errors on pages, added to messages at
// start. A *generalist.Error with a Key is worded from the text of that
// key, its Args filled in (numbers in the page's format, a
// generalist.Term translated); so the texts use %v, never %d or %f, and
// may pick their arguments with %[n]v. An error without a key gets the
// plain sentence of its code (err.code.*), and its English message goes
// behind "Teknisk".
var errorMessages = map[string][2]string{
	"err.code.not_found":    {"Fant ikke siden eller kommunen du ba om.", "The page or municipality you asked for was not found."},
	"err.code.invalid":      {"Noe i det du sendte inn eller valgte i adressen, kan ikke brukes. Gå tilbake og prøv igjen, eller start fra forsiden.", "Something you sent or chose in the address cannot be used. Go back and try again, or start from the home page."},
	"err.code.conflict":     {"Endringen strider mot det som allerede er lagret, så ingenting er endret. Last siden inn på nytt og prøv igjen.", "The change contradicts what is already stored, so nothing was changed. Reload the page and try again."},
	"err.code.unauthorized": {"Du må logge inn for å se dette.", "You need to sign in to see this."},
	"err.code.forbidden":    {"Brukeren din har ikke tilgang til dette.", "Your user does not have access to this."},
	"err.code.internal":     {"Noe gikk galt hos oss. Prøv igjen om litt; feilen er logget.", "Something went wrong on our side. Try again in a while; the error has been logged."},
	"err.csrf":              {"Skjemaet er for gammelt eller kommer fra et annet nettsted. Last siden inn på nytt og send det igjen.", "The form is too old or comes from another site. Reload the page and send it again."},
	"err.tech":              {"Teknisk", "Technical"},
	"err.tech.lead":         {"Feilmeldingen slik programmet skrev den (på engelsk):", "The error as the program wrote it:"},

	// Places, structures and years in the address.
	"err.municipality.notin": {"Kommune %[1]v finnes ikke i %[2]v-strukturen. Velg en kommune fra kommunelista.", "Municipality %[1]v is not in the %[2]v structure. Choose a municipality from the list of municipalities."},
	"err.structure.nodata":   {"Det finnes ingen befolkningstall for %[1]v-strukturen. Velg 2024- eller 2020-strukturen.", "There are no population figures for the %[1]v structure. Choose the 2024 or 2020 structure."},
	"err.scenario.notfound":  {"Fant ikke scenarioet «%[1]v». Velg et scenario fra lista over scenarioer.", "The scenario «%[1]v» was not found. Choose one from the list of scenarios."},

	// The structure search (optimize.Infeasible).
	"err.search.infeasible": {"Ingen inndeling oppfyller kriteriene: noen kommuner kan ikke samles i en gruppe som når terskelen (kommunenummer %[1]v). Senk terskelen, øk største avstand, eller tillat grupper over fylkesgrenser og sjøforbindelser.", "No grouping meets the criteria: some municipalities cannot be put in a group that reaches the floor (municipality numbers %[1]v). Lower the floor, raise the largest distance, or allow groups across county borders and sea links."},
	"err.search.notfound":   {"Søket fant ingen inndeling som oppfyller kriteriene, selv om en slik kan finnes (kommunenummer %[1]v). Prøv en annen startverdi, senk terskelen eller øk største avstand.", "The search found no grouping that meets the criteria, though one may exist (municipality numbers %[1]v). Try another starting value, lower the floor or raise the largest distance."},

	"err.search.infeasible.all": {"Ingen inndeling oppfyller kriteriene. Senk terskelen, øk største avstand, eller tillat grupper over fylkesgrenser og sjøforbindelser.", "No grouping meets the criteria. Lower the floor, raise the largest distance, or allow groups across county borders and sea links."},
	"err.search.notfound.all":   {"Søket fant ingen inndeling som oppfyller kriteriene, selv om en slik kan finnes. Prøv en annen startverdi, senk terskelen eller øk største avstand.", "The search found no grouping that meets the criteria, though one may exist. Try another starting value, lower the floor or raise the largest distance."},

	// Changes to a task's staffing parameters (/oppgaver).
	"err.param.task":       {"Oppgaven finnes ikke i oppgavekatalogen. Velg en oppgave fra lista.", "The task is not in the task catalogue. Choose a task from the list."},
	"err.param.nostaffing": {"Oppgaven har ingen bemanningsmodell, så det er ingenting å endre. Velg en annen oppgave.", "The task has no staffing model, so there is nothing to change. Choose another task."},
	"err.param.field":      {"Velg hvilket tall som skal endres.", "Choose which figure to change."},
	"err.param.range":      {"%[3]v kan ikke brukes som «%[2]v». Skriv 0 eller et tall fra %[4]v til %[5]v.", "%[3]v cannot be used as «%[2]v». Write 0 or a number from %[4]v to %[5]v."},
	"err.param.note":       {"Skriv hva den nye verdien for «%[2]v» bygger på.", "Say what the new value of «%[2]v» rests on."},
	"err.param.author":     {"Endringen må ha en forfatter; logg inn på nytt.", "The change needs an author; sign in again."},
	"err.param.long":       {"Begrunnelsen er for lang; den kan ha høyst 2 000 tegn.", "The note is too long; it may have at most 2,000 characters."},
	"err.param.number":     {"«%[1]v» er ikke et tall. Skriv for eksempel 2,5, eller la feltet stå tomt for å gå tilbake til den leverte verdien.", "«%[1]v» is not a number. Write for example 2.5, or leave the field empty to return to the shipped value."},

	// The cooperation registry's form (/samarbeid/ny and editing).
	"err.imc.stale":           {"Samarbeidet «%[1]v» er endret siden du åpnet det (nå versjon %[2]v, du åpnet versjon %[3]v). Ingenting er lagret.", "The cooperation «%[1]v» was changed since you opened it (now version %[2]v, you opened version %[3]v). Nothing was saved."},
	"err.imc.stalestore":      {"Samarbeidet «%[2]v» ble endret av %[3]v og er nå versjon %[5]v, men endringen din gjaldt versjon %[6]v. Ingenting er lagret.", "The cooperation «%[2]v» was changed by %[3]v and is now version %[5]v, but your change was to version %[6]v. Nothing was saved."},
	"err.imc.nametaken":       {"Et samarbeid med navnet «%[1]v» er allerede registrert. Velg et annet navn. Ingenting er lagret.", "A cooperation named «%[1]v» is already registered. Choose another name. Nothing was saved."},
	"err.imc.name":            {"Gi samarbeidet et navn.", "Give the cooperation a name."},
	"err.imc.namelen":         {"Navnet kan ha høyst 300 tegn.", "The name may have at most 300 characters."},
	"err.imc.participants":    {"Et interkommunalt samarbeid trenger minst to deltakere; skjemaet har %[2]v. Legg til deltakere.", "An inter-municipal cooperation needs at least two participants; the form has %[2]v. Add participants."},
	"err.imc.maxparticipants": {"Et samarbeid kan ha høyst %[2]v deltakere.", "A cooperation may have at most %[2]v participants."},
	"err.imc.twice":           {"Deltaker %[2]v står to ganger. Fjern den ene.", "Participant %[2]v is listed twice. Remove one."},
	"err.imc.noownership":     {"Et %[2]v har ingen eierandeler. La feltene for eierandel stå tomme.", "A %[2]v has no ownership shares. Leave the ownership fields empty."},
	"err.imc.noliability":     {"Et %[2]v har ingen ansvarsandeler. La feltene for ansvarsandel stå tomme.", "A %[2]v has no liability shares. Leave the liability fields empty."},
	"err.imc.seats":           {"Antall plasser for deltaker %[3]v må være fra 0 til 100.", "The seats of participant %[3]v must be from 0 to 100."},
	"err.imc.sharecount":      {"%[2]v av %[3]v deltakere har en andel for %[4]v. Gi alle deltakerne en andel, eller ingen.", "%[2]v of %[3]v participants have a %[4]v share. Give every participant one, or none."},
	"err.imc.sharesum":        {"Andelene for %[2]v summerer til %[4]v %%, ikke 100 %%. Rett andelene så summen blir 100.", "The %[2]v shares sum to %[4]v %%, not 100 %%. Correct them so that they sum to 100."},
	"err.imc.share.ownership": {"eierskap", "ownership"},
	"err.imc.share.liability": {"ansvar", "liability"},
	"err.imc.share.cost":      {"kostnader", "cost"},
	"err.imc.host":            {"Velg vertskommunen blant deltakerne.", "Choose the host municipality among the participants."},
	"err.imc.hostmember":      {"Vertskommunen %[2]v er ikke blant deltakerne. Legg den til, eller velg en annen vertskommune.", "The host %[2]v is not among the participants. Add it, or choose another host."},
	"err.imc.start":           {"Fyll inn datoen samarbeidet starter.", "Fill in the date the cooperation starts."},
	"err.imc.endbefore":       {"Sluttdatoen %[2]v er før startdatoen %[3]v.", "The end date %[2]v is before the start date %[3]v."},
	"err.imc.budget":          {"Budsjettet kan ikke være negativt.", "The budget cannot be negative."},
	"err.imc.budgetyear":      {"Oppgi hvilket år budsjettet gjelder.", "Give the year the budget is for."},
	"err.imc.task":            {"Velg en oppgave fra oppgavekatalogen, eller beskriv oppgaven med tekst.", "Choose a task from the task catalogue, or describe the task in text."},

	// The input form (innspill).
	"err.input.field":          {"sjekk det du har skrevet eller valgt her.", "check what you wrote or chose here."},
	"err.input.required":       {"må fylles ut.", "must be filled in."},
	"err.input.minlen":         {"skriv minst %[2]v tegn.", "write at least %[2]v characters."},
	"err.input.maxlen":         {"%[2]v tegn er mer enn grensen på %[3]v.", "%[2]v characters is more than the limit of %[3]v."},
	"err.input.utf8":           {"teksten kan ikke leses; skriv den inn på nytt.", "the text cannot be read; type it again."},
	"err.input.control":        {"inneholder et usynlig kontrolltegn; skriv ren tekst.", "contains an invisible control character; write plain text."},
	"err.input.html":           {"HTML-kode (%[2]v) godtas ikke; skriv ren tekst med en tom linje mellom avsnittene.", "HTML markup (%[2]v) is not accepted; write plain text, with a blank line between paragraphs."},
	"err.input.email":          {"«%[1]v» er ikke en e-postadresse som navn@example.no.", "«%[1]v» is not an e-mail address like navn@example.no."},
	"err.input.emaillen":       {"e-postadressen er lengre enn %[1]v tegn.", "the e-mail address is longer than %[1]v characters."},
	"err.input.consent":        {"innspillet kan bare lagres når du samtykker til teksten over.", "the input can only be stored with your consent to the text above."},
	"err.input.publish":        {"oppgi navn eller organisasjon for å publisere det, eller la boksen stå tom.", "give a name or an organisation to publish, or leave the box unticked."},
	"err.input.tagsmax":        {"velg høyst %[1]v emneord.", "choose at most %[1]v tags."},
	"err.input.tag":            {"emneordet «%[1]v» er ukjent; velg fra lista.", "the tag «%[1]v» is unknown; choose from the list."},
	"err.input.pdf.empty":      {"fila er tom.", "the file is empty."},
	"err.input.pdf.size":       {"fila er større enn grensen på 5 MB.", "the file is larger than the limit of 5 MB."},
	"err.input.pdf.notpdf":     {"fila er ikke en PDF-fil; bare PDF-vedlegg tas imot.", "the file is not a PDF file; only PDF attachments are accepted."},
	"err.input.pdf.incomplete": {"PDF-fila er ufullstendig; lagre den på nytt og prøv igjen.", "the PDF file is incomplete; save it again and try again."},
	"err.input.pdf.active":     {"PDF-fila inneholder skript, handlinger eller innebygde filer; send en PDF uten slikt innhold.", "the PDF contains scripts, actions or embedded files; send a PDF without them."},
	"err.input.duplicate":      {"den samme teksten er sendt inn før, så den lagres ikke to ganger.", "the same text has been sent before, so it is not stored twice."},
	"err.input.county":         {"kommunen ligger ikke i det valgte fylket; velg bare kommunen, eller et annet fylke.", "the municipality is not in the chosen county; choose only the municipality, or another county."},
}

// errorText words err for a page in lang. text is what the reader sees:
// the keyed text when err has a key in the catalogue, otherwise the plain
// sentence of its code. tech is the English message for the "Teknisk"
// disclosure, or "" when text already says it all.
func errorText(lang string, err error) (text, tech string) {
	if t, ok := keyedText(lang, err); ok {
		return t, ""
	}
	code := generalist.ErrorCode(err)
	text = msg(lang, "err.code."+code)
	if _, ok := messages["err.code."+code]; !ok {
		text = msg(lang, "err.code."+generalist.EINVALID)
	}
	if code == generalist.EINTERNAL {
		return text, ""
	}
	return text, generalist.ErrorMessage(err)
}

// keyedText words err from its key, if it has one the catalogue knows.
func keyedText(lang string, err error) (string, bool) {
	key, args := generalist.ErrorKey(err)
	if key == "" {
		return "", false
	}
	if _, ok := messages[key]; !ok {
		return "", false
	}
	format := msg(lang, key)
	if !strings.Contains(format, "%") {
		return format, true
	}
	return fmt.Sprintf(format, errorArgs(lang, args)...), true
}

// errorArgs presents an error's parameters in lang: numbers in the
// page's format, terms translated.
func errorArgs(lang string, args []any) []any {
	nf := nbfmt.For(lang)
	out := make([]any, len(args))
	for i, a := range args {
		switch v := a.(type) {
		case generalist.Term:
			out[i] = msg(lang, v.Key)
			if _, ok := messages[v.Key]; !ok {
				out[i] = v.EN
			}
		case int:
			out[i] = plainInt(nf, int64(v))
		case int64:
			out[i] = plainInt(nf, v)
		case float64:
			out[i] = nf.Decimal(v, -1)
		case error:
			var e *generalist.Error
			if errors.As(v, &e) {
				out[i], _ = keyedText(lang, v)
			}
			if out[i] == nil || out[i] == "" {
				out[i] = v.Error()
			}
		default:
			out[i] = a
		}
	}
	return out
}

// plainInt formats n in lang, but leaves years and other four-digit
// numbers ungrouped (2024, not 2 024).
func plainInt(nf nbfmt.Locale, n int64) string {
	if n >= 1000 && n < 10000 || n > -10000 && n <= -1000 {
		return fmt.Sprint(n)
	}
	return nf.Int(n)
}

func init() { addMessages("the errors", errorMessages) }
