package web

import (
	"generalist"
)

// countyMessages are the texts of the county authority's future: its task
// catalogue on /oppgaver and the county lever's consequences on the
// comparison page, and the wording of the lever's problems. They are
// added to messages at start, with one text per consequence the engine
// cannot compute (generalist.CountyLimits, "county.limit.<id>").
var countyMessages = map[string][2]string{
	"county.tasks":          {"Fylkeskommunens oppgaver", "The county authority's tasks"},
	"county.tasks.lead":     {"De viktigste lovpålagte oppgavene til fylkeskommunen, med rolle og lovgrunnlag. Katalogen har ingen tall for kostnader eller bemanning. Lovgrunnlag merket «ikke verifisert» er ikke bekreftet mot lovteksten og må ikke leses som lov.", "The main statutory tasks of the county authority (fylkeskommunen), with role and legal basis. The catalogue has no figures for costs or staffing. A legal basis marked «not verified» is not confirmed against the law text and must not be read as law."},
	"county.tasks.oslo":     {"I Oslo har kommunen fylkeskommunens oppgaver.", "In Oslo the municipality has the county authority's tasks."},
	"county.tasks.count":    {"%[1]v oppgaver: lovgrunnlaget er bekreftet for %[2]v, delvis for %[3]v og ikke for %[4]v.", "%[1]v tasks: the legal basis is confirmed for %[2]v, partly for %[3]v and not for %[4]v."},
	"county.tasks.caption":  {"Fylkeskommunens oppgaver med lovgrunnlag", "The county authority's tasks with their legal basis"},
	"county.tasks.table":    {"Tabell over fylkeskommunens oppgaver", "Table of the county authority's tasks"},
	"county.task":           {"Oppgave", "Task"},
	"county.sources":        {"Kilder", "Sources"},
	"county.note":           {"Merknad", "Note"},
	"county.served":         {"Betjener", "Serves"},
	"county.unverified":     {"ikke verifisert", "not verified"},
	"county.partly":         {"ikke verifisert (deler av lovgrunnlaget)", "not verified (part of the legal basis)"},
	"county.tasks.json":     {"Katalogen som maskinlesbar fil:", "The catalogue as a machine-readable file:"},
	"county.tasks.jsonlink": {"fylkeskommunens oppgaver (JSON)", "the county authority's tasks (JSON)"},

	"sector.utdanning":  {"Utdanning", "Education"},
	"sector.samferdsel": {"Samferdsel", "Transport"},
	"sector.plan":       {"Planlegging", "Planning"},
	"sector.næring":     {"Næring", "Business"},
	"sector.miljø":      {"Miljø", "Environment"},
	"sector.styring":    {"Styring", "Governance"},

	"county.cmp":               {"Fylkeskommunen", "The county authority"},
	"county.cmp.lead":          {"Hva alternativene gjør med fylkeskommunen: hvilke oppgaver som flyttes og til hvem, hvor mange organer som bærer dem, og hvor mange innbyggere hvert organ betjener. Til slutt det Generalist ikke kan regne ut.", "What the alternatives do to the county authority: which tasks move and to whom, how many bodies carry them, and how many inhabitants each body serves. Last, what Generalist cannot compute."},
	"county.cmp.today":         {"I dag bærer %[1]v fylker fylkeskommunens oppgaver (i Oslo kommunen). Det minste har %[2]v innbyggere, medianen er %[3]v.", "Today %[1]v counties carry the county authority's tasks (in Oslo the municipality). The smallest has %[2]v inhabitants, the median %[3]v."},
	"county.cmp.abolished":     {"Fylkeskommunen legges ned.", "The county authority is abolished."},
	"county.cmp.kept":          {"Fylkeskommunen består og beholder %[1]v av %[2]v oppgaver.", "The county authority stays and keeps %[1]v of %[2]v tasks."},
	"county.cmp.keptonly":      {"Fylkeskommunen består med alle sine oppgaver.", "The county authority stays with all its tasks."},
	"county.cmp.ended":         {"Opphører med fylkeskommunen:", "Ends with the county authority:"},
	"county.cmp.bodies":        {"Etter endringen bærer %[1]v organer fylkeskommunale oppgaver.", "After the change, %[1]v bodies carry county tasks."},
	"county.cmp.moves":         {"Oppgaver som flyttes", "Tasks moved"},
	"county.cmp.to":            {"Går til", "Goes to"},
	"county.cmp.basis":         {"Lovgrunnlag", "Legal basis"},
	"county.cmp.verified":      {"bekreftet", "confirmed"},
	"county.cmp.receivers":     {"Hvem som tar oppgavene", "Who takes the tasks"},
	"county.cmp.receiver":      {"Mottaker", "Receiver"},
	"county.cmp.ntasks":        {"Oppgaver", "Tasks"},
	"county.cmp.nbodies":       {"Organer", "Bodies"},
	"county.cmp.smallest":      {"Minste organ (innbyggere)", "Smallest body (inhabitants)"},
	"county.cmp.median":        {"Median (innbyggere)", "Median (inhabitants)"},
	"county.cmp.under":         {"Organer under 5 000 innbyggere", "Bodies under 5,000 inhabitants"},
	"county.cmp.alone":         {"%[1]v kommuner er ikke i noen region og tar oppgavene alene.", "%[1]v municipalities are in no region and take the tasks alone."},
	"county.cmp.regions":       {"%[1]v regioner har til sammen %[2]v innbyggere: den minste, %[3]s, har %[4]v, den største, %[5]s, har %[6]v, og medianen er %[7]v.", "%[1]v regions have %[2]v inhabitants in all: the smallest, %[3]s, has %[4]v, the largest, %[5]s, has %[6]v, and the median is %[7]v."},
	"county.cmp.region1":       {"Regionen %[1]s har %[2]v innbyggere.", "The region %[1]s has %[2]v inhabitants."},
	"county.cmp.regionsnodata": {"%[1]v regioner: ingen data for innbyggerne i alle regionene.", "%[1]v regions: no data for the inhabitants of every region."},
	"county.cmp.servedhead":    {"Innbyggerne oppgavene er for", "The inhabitants the tasks are for"},
	"county.cmp.served":        {"%[1]s (%[2]s år): %[3]v organer; det minste har %[4]v i målgruppen, medianen er %[5]v, i alt %[6]v.", "%[1]s (aged %[2]s): %[3]v bodies; the smallest has %[4]v in the target group, the median %[5]v, in total %[6]v."},
	"county.cmp.servedone":     {"%[1]s (%[2]s år): ett organ med %[3]v i målgruppen.", "%[1]s (aged %[2]s): one body with %[3]v in the target group."},
	"county.cmp.takes":         {"Kommunale oppgaver fylkeskommunen tar", "Municipal tasks the county authority takes"},
	"county.cmp.from":          {"Fra", "From"},
	"county.cmp.takeall":       {"fra alle kommunene", "from every municipality"},
	"county.cmp.takeweak":      {"fra kommuner under robust minimum eller etter kriterier", "from municipalities below the robust minimum or by criteria"},
	"county.cmp.municip":       {"Kommuner", "Municipalities"},
	"county.cmp.inhab":         {"Innbyggere", "Inhabitants"},
	"county.cmp.cannot":        {"Dette kan Generalist ikke regne ut", "What Generalist cannot compute"},
	"county.cmp.none":          {"Ingen av alternativene endrer fylkeskommunen.", "None of the alternatives changes the county authority."},
	"county.cmp.table":         {"Tabell over oppgavene som flyttes", "Table of the tasks moved"},
	"county.cmp.rtable":        {"Tabell over mottakerne", "Table of the receivers"},
	"county.cmp.ttable":        {"Tabell over kommunale oppgaver fylkeskommunen tar", "Table of the municipal tasks the county takes"},

	"ed.js.relief.all": {"Fra alle kommunene i fylket, ikke bare de under robust fagmiljø", "From every municipality of the county, not only those below a robust team"},

	"county.to.staten":    {"Staten", "The state"},
	"county.to.kommunene": {"Kommunene", "The municipalities"},
	"county.to.regioner":  {"Regioner av kommuner", "Regions of municipalities"},

	"err.tasks.level":          {"Nivået «%[1]v» finnes ikke. Velg municipality (kommunenes oppgaver) eller county (fylkeskommunens oppgaver).", "The level «%[1]v» does not exist. Choose municipality (the municipalities' tasks) or county (the county authority's tasks)."},
	"err.county.nothing":       {"Fylkesspaken endrer ingenting: velg å legge ned fylkeskommunen, eller flytt oppgaver.", "The county lever changes nothing: abolish the county authority, or move tasks."},
	"err.county.receiver":      {"Mottakeren «%[1]v» finnes ikke. Velg staten, kommunene eller regioner.", "The receiver «%[1]v» does not exist. Choose staten, kommunene or regioner."},
	"err.county.notask":        {"Oppgi hvilken fylkeskommunal oppgave som skal flyttes.", "Give the county task to move."},
	"err.county.twice":         {"Oppgaven %[1]v flyttes mer enn én gang. Flytt hver oppgave bare én gang.", "The task %[1]v is moved more than once. Move each task once."},
	"err.county.noregions":     {"Oppgaver skal til regioner, men ingen regioner er oppgitt. Velg gruppene av kommuner som skal være regioner.", "Tasks move to regions, but no regions are given. Choose the groups of municipalities that are to be the regions."},
	"err.county.unusedregions": {"Regioner er oppgitt, men ingen oppgave flyttes til regioner.", "Regions are given, but no task moves to regions."},
	"err.county.regionname":    {"En region trenger et navn.", "A region needs a name."},
	"err.county.regionempty":   {"En region trenger minst én kommune.", "A region needs at least one municipality."},
	"err.county.number":        {"«%[1]v» er ikke et kommunenummer med fire sifre.", "«%[1]v» is not a municipality number of four digits."},
	"err.county.notin":         {"Kommune %[1]v finnes ikke i %[2]v-strukturen.", "Municipality %[1]v is not in the %[2]v structure."},
	"err.county.tworegions":    {"Kommune %[1]v er også med i regionen %[2]v. En kommune kan bare høre til én region.", "Municipality %[1]v is also in the region %[2]v. A municipality belongs to one region."},
	"err.county.nocatalogue":   {"Katalogen over fylkeskommunens oppgaver er ikke lastet, så fylkesspaken kan ikke regnes ut.", "The county task catalogue is not loaded, so the county lever cannot be evaluated."},
	"err.county.unknowntask":   {"Oppgaven «%[1]v» finnes ikke i katalogen over fylkeskommunens oppgaver.", "The task «%[1]v» is not in the county task catalogue."},
	"err.county.left":          {"Når fylkeskommunen legges ned, mangler %[1]v oppgaver en mottaker (%[2]v). Flytt dem, eller velg en mottaker for resten.", "With the county abolished, %[1]v tasks have no receiver (%[2]v). Move them, or choose a receiver for the rest."},
}

func init() {
	for _, l := range generalist.CountyLimits {
		countyMessages["county.limit."+l.ID] = [2]string{l.NB, l.EN}
	}
	addMessages("the county pages", countyMessages)
}
