package web

import "fmt"

// jobsMessages are the texts of the job pages (/jobber, /jobber/{id}) and
// of the search page's form that queues a job, added to messages at
// start.
var jobsMessages = map[string][2]string{
	"jobs.title":              {"Bakgrunnsjobber", "Background jobs"},
	"jobs.lead":               {"Lange beregninger – store ensembler, grundige struktursøk, evaluering og rapporter for mange alternativer – kjører som jobber i bakgrunnen. De fortsetter om du lukker siden, og resultatet tas vare på.", "Long computations – large ensembles, thorough structure searches, evaluation and reports for many alternatives – run as jobs in the background. They go on if you close the page, and the result is kept."},
	"jobs.none":               {"Du har ingen jobber ennå. Start en fra struktursøket.", "You have no jobs yet. Start one from the structure search."},
	"jobs.tosearch":           {"Til struktursøket", "To the structure search"},
	"jobs.table":              {"Jobbene dine", "Your jobs"},
	"jobs.col.job":            {"Jobb", "Job"},
	"jobs.col.state":          {"Status", "Status"},
	"jobs.col.progress":       {"Fremdrift", "Progress"},
	"jobs.col.owner":          {"Startet av", "Started by"},
	"jobs.col.created":        {"Startet", "Started"},
	"jobs.kind.search":        {"Struktursøk", "Structure search"},
	"jobs.kind.ensemble":      {"Ensemble", "Ensemble"},
	"jobs.kind.evaluate":      {"Evaluering av alternativer", "Evaluation of alternatives"},
	"jobs.kind.report":        {"Rapport", "Report"},
	"jobs.state.queued":       {"i kø", "queued"},
	"jobs.state.running":      {"kjører", "running"},
	"jobs.state.done":         {"ferdig", "done"},
	"jobs.state.failed":       {"mislyktes", "failed"},
	"jobs.state.cancelled":    {"avbrutt", "cancelled"},
	"jobs.steps.steps":        {"%s av %s steg", "%s of %s steps"},
	"jobs.steps.restarts":     {"%s av %s søk", "%s of %s searches"},
	"jobs.steps.scenarios":    {"%s av %s alternativer", "%s of %s alternatives"},
	"jobs.started":            {"Startet %s", "Started %s"},
	"jobs.by":                 {"av %s.", "by %s."},
	"jobs.failed":             {"Jobben mislyktes. Årsaken står under «Teknisk»; endre innstillingene i struktursøket og start en ny jobb.", "The job failed. The reason is under «Technical»; change the settings in the structure search and start a new job."},
	"jobs.retrying":           {"Forrige kjøring stanset underveis; jobben kjøres på nytt fra begynnelsen.", "The last run stopped midway; the job is run again from the start."},
	"jobs.technical":          {"Teknisk", "Technical"},
	"jobs.source":             {"Kilde:", "Source:"},
	"jobs.yes":                {"ja", "yes"},
	"jobs.no":                 {"nei", "no"},
	"jobs.param.lock":         {"Må være i samme gruppe", "Must share a group"},
	"jobs.param.forbid":       {"Kan ikke være i samme gruppe", "May not share a group"},
	"jobs.param.parts":        {"Antall grupper", "Number of groups"},
	"jobs.param.tolerance":    {"Største overskridelse av den ideelle gruppestørrelsen (andel)", "Largest excess over the ideal group size (share)"},
	"jobs.param.ceiling":      {"Øvre grense for en gruppe", "Upper limit of a group"},
	"jobs.param.unbalanced":   {"Uten øvre grense", "Without an upper limit"},
	"jobs.param.variant":      {"Forslagsmetode", "Proposal method"},
	"jobs.param.burn_in":      {"Steg som holdes utenfor i starten av hver kjede", "Steps left out at the start of each chain"},
	"jobs.param.sample_every": {"Lagre hver n-te plan", "Keep every n-th plan"},
	"jobs.param.chains":       {"Antall kjeder", "Number of chains"},
	"jobs.param.restarts":     {"Antall uavhengige søk", "Number of independent searches"},
	"jobs.param.effort":       {"Innsats (ganger det vanlige)", "Effort (times the usual)"},
	"jobs.param.scenarios":    {"Alternativer", "Alternatives"},
	"jobs.param.title":        {"Tittel", "Title"},
	"jobs.param.format":       {"Format", "Format"},
	"jobs.param.examples":     {"Med eksempelsamarbeidene", "With the example cooperations"},
	"jobs.running.lead":       {"Jobben kjører i bakgrunnen; du kan lukke siden og komme tilbake. Siden oppdaterer seg selv når nettleseren kjører skript.", "The job runs in the background; you can close the page and come back. The page updates itself when the browser runs scripts."},
	"jobs.reload":             {"Oppdater siden", "Reload the page"},
	"jobs.cancel":             {"Avbryt jobben", "Cancel the job"},
	"jobs.attempts":           {"Jobben er startet %d ganger: en kjøring som stanser underveis (for eksempel fordi serveren startes på nytt), kjøres på nytt fra begynnelsen med samme tilfeldige frø og gir samme resultat.", "The job has been started %d times: a run that stops midway (for instance because the server restarts) is run again from the start with the same random seed and gives the same result."},
	"jobs.result":             {"Resultat", "Result"},
	"jobs.search.summary":     {"%d grupper når gulvet på %s %s: %d sammenslåinger, %d kommuner blir alene.", "%d groups reach the floor of %s %s: %d mergers, %d municipalities stay alone."},
	"jobs.search.table":       {"Sammenslåingene", "The mergers"},
	"jobs.search.members":     {"Kommuner som slås sammen", "Municipalities merged"},
	"jobs.ens.summary":        {"%s steg over planer med %d grupper i %d kjeder; %s av stegene endret planen.", "%s steps over plans of %d groups in %d chains; %s of the steps changed the plan."},
	"jobs.ens.ceiling":        {"Ingen gruppe over %s %s.", "No group above %s %s."},
	"jobs.ens.unbalanced":     {"Uten øvre grense for gruppene: kjedene driver mot én stor gruppe.", "No upper limit on the groups: the chains drift towards one large group."},
	"jobs.ens.tooshort":       {"Kjøringen ser for kort ut: kjedene er ikke enige om fordelingene. Kjør flere steg før du leser mye ut av tallene.", "The run looks too short: the chains do not agree on the distributions. Run more steps before reading much into the figures."},
	"jobs.ens.table":          {"Fordelingene i ensemblet", "The ensemble's distributions"},
	"jobs.ens.stat":           {"Størrelse", "Measure"},
	"jobs.ens.min":            {"Minst", "Least"},
	"jobs.ens.median":         {"Median", "Median"},
	"jobs.ens.max":            {"Størst", "Most"},
	"jobs.scenarios.summary":  {"%d alternativer er beregnet.", "%d alternatives were computed."},
	"jobs.json":               {"Hele resultatet som data (JSON)", "The whole result as data (JSON)"},
	"jobs.params":             {"Innstillinger", "Settings"},
	"jobs.all":                {"Alle jobbene dine", "All your jobs"},

	"jobs.form.title": {"Kjør som bakgrunnsjobb", "Run as a background job"},
	"jobs.form.lead":  {"Et stort ensemble tar fra minutter til timer. Som bakgrunnsjobb kjører det videre mens du gjør annet, med fremdrift og mulighet til å avbryte, og resultatet tas vare på.", "A large ensemble takes minutes to hours. As a background job it runs on while you do other things, with progress and a way to cancel, and the result is kept."},
	"jobs.form.steps": {"Antall steg i ensemblet", "Number of ensemble steps"},
	"jobs.form.run":   {"Start ensemblet som jobb", "Start the ensemble as a job"},
	"jobs.form.list":  {"Se jobbene dine", "See your jobs"},
}

func init() {
	for k, v := range jobsMessages {
		if _, dup := messages[k]; dup {
			panic(fmt.Sprintf("web: message key %q of the job pages is defined twice", k))
		}
		messages[k] = v
	}
}
