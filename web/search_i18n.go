package web

// searchMessages are the texts of the ensemble part of the structure
// search page (search_ensemble.tmpl), added to messages at start. Plain
// words first; the technical names (ReCom, R-hat, ESS) only under
// "Teknisk".
var searchMessages = map[string][2]string{
	// The column of the groups' weights: what the floor counts.
	"search.col.inhabitants": {"Innbyggere", "Inhabitants"},
	"search.col.fte":         {"Forventede årsverk (%s)", "Expected FTEs (%s)"},

	// An infeasible search names the municipalities concerned
	// (search_names.go): «Træna (1835), Rødøy (1836) og 4 andre».
	"search.err.infeasible": {"Ingen inndeling oppfyller kriteriene. Disse kommunene kan ikke samles i en gruppe som når terskelen: %s. Senk terskelen, øk største avstand, eller tillat grupper over fylkesgrenser og sjøforbindelser.",
		"No grouping meets the criteria. These municipalities cannot be put in a group that reaches the floor: %s. Lower the floor, raise the largest distance, or allow groups across county borders and sea links."},
	"search.err.notfound": {"Søket fant ingen inndeling som oppfyller kriteriene, selv om en slik kan finnes. Disse kommunene fikk ingen plass i en gruppe som når terskelen: %s. Prøv en annen startverdi, senk terskelen eller øk største avstand.",
		"The search found no grouping that meets the criteria, though one may exist. These municipalities got no place in a group that reaches the floor: %s. Try another starting value, lower the floor or raise the largest distance."},
	"search.err.and":  {"og", "and"},
	"search.err.more": {"%d andre", "%d more"},

	// The top of the ensemble: a quick indication, and the long run as a
	// background job (search_ensemble.tmpl, ens_quick).
	"ens.quick":        {"En rask indikasjon.", "A quick indication."},
	"ens.quick.text":   {"Siden lager bare %s alternative planer, så svaret kommer med en gang.", "The page makes only %s alternative plans, so the answer comes at once."},
	"ens.quick.short":  {"Det er for få: verktøyets egen kontroll lenger ned sier at beregningen er for kort, så les fordelingene med forsiktighet.", "That is too few: the tool's own check further down says the computation is too short, so read the distributions with care."},
	"ens.quick.enough": {"Verktøyets egen kontroll lenger ned fant dem nok denne gangen.", "The tool's own check further down found them enough this time."},
	"ens.quick.long":   {"En pålitelig spredning trenger langt flere planer, gjerne %s; det tar fra sekunder til minutter og kjøres som bakgrunnsjobb.", "A reliable spread needs far more plans, say %s; that takes from seconds to minutes and runs as a background job."},
	"ens.quick.run":    {"Kjør %s planer som bakgrunnsjobb", "Run %s plans as a background job"},
	"ens.quick.job":    {"Du kommer til en side som viser fremdriften, og resultatet tas vare på under «Bakgrunnsjobber».", "You get a page that shows the progress, and the result is kept under «Background jobs»."},
	"ens.quick.nojobs": {"Denne serveren kjører ikke bakgrunnsjobber, så den lange beregningen kan ikke startes herfra.", "This server runs no background jobs, so the long computation cannot be started from here."},
	"ens.quick.signin": {"En analytiker kan kjøre den lange beregningen som bakgrunnsjobb med ett klikk.", "An analyst can run the long computation as a background job with one click."},

	"ens.failed": {"Variasjonen kunne ikke beregnes:", "The variation could not be computed:"},
	"ens.intro": {"Datamaskinen laget %s alternative planer med %d grupper som alle når terskelen, med utgangspunkt i planen over. Hver ny plan kommer fra den forrige ved at to nabogrupper slås sammen og deles på nytt på en tilfeldig måte. Fire uavhengige rekker av planer kjøres, så vi kan se om de kommer fram til det samme.",
		"The computer made %s alternative plans of %d groups that all reach the floor, starting from the plan above. Each new plan comes from the previous one by merging two neighbouring groups and splitting them again at random. Four independent series of plans are run, so we can see whether they arrive at the same picture."},
	"ens.ceiling": {"Ingen gruppe som kan endres får ha mer enn %s %s (taket), %s over gjennomsnittet for gruppene som kan endres (%s). Uten tak ville rekkene drive mot planer der én gruppe sluker nesten alt.",
		"No group that can change may exceed %s %s (the ceiling), %s above the average of the groups that can change (%s). Without a ceiling the series drift towards plans where one group swallows almost everything."},
	"ens.raised": {"Ingen gruppe som kan endres får ha mer enn %s %s (taket): like mye som den største gruppen i planen over, så planene kan starte der. Ellers er taket %s over gjennomsnittet for gruppene som kan endres. Uten tak ville rekkene drive mot planer der én gruppe sluker nesten alt.",
		"No group that can change may exceed %s %s (the ceiling): as much as the largest group of the plan above, so that the plans can start there. Otherwise the ceiling is %s above the average of the groups that can change. Without a ceiling the series drift towards plans where one group swallows almost everything."},
	"ens.pinned.summary": {"%d grupper er like i alle planene, fordi en kommune i hver av dem er større enn taket alene", "%d groups are the same in every plan, because a municipality in each is larger than the ceiling on its own"},
	"ens.constant":       {"%s er den samme i alle planene: %s %s.", "%s is the same in every plan: %s %s."},
	"ens.pinned":         {"Hver for seg større enn taket, og derfor samme gruppe i alle planene (med kommunene planen over la sammen med dem):", "Each larger than the ceiling on its own, and therefore the same group in every plan (with the municipalities the plan above put with it):"},
	"ens.mapcaption": {"Mørkere farge: de alternative planene er oftere enige med planen over om hvilke naboer kommunen deler gruppe med.",
		"Darker colour: the alternative plans more often agree with the plan above about which neighbours the municipality shares a group with."},
	"ens.distributions":      {"Hvordan planene fordeler seg", "How the plans are distributed"},
	"ens.distributions.text": {"Hver figur viser hvor stor andel av de alternative planene som har en gitt verdi. Den stiplede linjen er planen over.", "Each figure shows what share of the alternative plans has a given value. The dashed line is the plan above."},
	"ens.charts":             {"Fordelinger over planene", "Distributions over the plans"},
	"ens.plans":              {"planene", "the plans"},
	"ens.mark":               {"Planen over", "The plan above"},
	"ens.stat.max":           {"Den største gruppen", "The largest group"},
	"ens.stat.min":           {"Den minste gruppen", "The smallest group"},
	"ens.stat.cut":           {"Naboforbindelser mellom ulike grupper", "Neighbour links between different groups"},
	"ens.unit.links":         {"Antall naboforbindelser (færre: mer samlede grupper)", "Number of neighbour links (fewer: more compact groups)"},
	"ens.source":             {"SSB tabell 07459 (folketall 1. januar %d), nabograf fra Kartverkets kommunegrenser", "Statistics Norway table 07459 (population 1 January %d), adjacency from Kartverket's municipal boundaries"},
	"ens.enough":             {"Ble det laget nok planer?", "Were enough plans made?"},
	"ens.enough.text": {"Planene i en rekke ligner på hverandre, så de teller ikke som like mange uavhengige planer. Tabellen viser om de fire rekkene er enige, og hvor mange uavhengige planer de er verdt.",
		"The plans in a series resemble each other, so they do not count as as many independent plans. The table shows whether the four series agree, and how many independent plans they are worth."},
	"ens.col.stat":    {"Størrelse", "Measure"},
	"ens.col.agree":   {"Enighet (1 er best)", "Agreement (1 is best)"},
	"ens.col.ess":     {"Tilsvarer uavhengige planer", "Equivalent independent plans"},
	"ens.col.verdict": {"Vurdering", "Verdict"},
	"ens.ok":          {"nok", "enough"},
	"ens.notok":       {"for kort", "too short"},
	"ens.table":       {"Om det ble laget nok planer", "Whether enough plans were made"},
	"ens.acceptance":  {"Andel steg som ga en ny plan, per rekke:", "Share of steps that gave a new plan, per series:"},
	"ens.technical":   {"Teknisk", "Technical"},
	"ens.tech.method": {"Metoden er ReCom (rekombinasjon, DeFord, Duchin og Solomon 2021): en Markov-kjede som slår sammen to nabogrupper, trekker et tilfeldig spenntre av dem og kutter en kant der begge sider når terskelen og holder seg under taket. Siden viser den raske varianten; fordelingen den til slutt trekker fra er ikke kjent på lukket form. API-et tilbyr også reversibel ReCom (Cannon, Duchin, Randall og Rule 2022), som trekker fra spenntrefordelingen: planer med mer samlede grupper er mer sannsynlige.",
		"The method is ReCom (recombination, DeFord, Duchin and Solomon 2021): a Markov chain that merges two neighbouring groups, draws a random spanning tree of them and cuts an edge where both sides reach the floor and stay under the ceiling. The page shows the fast variant; the distribution it eventually samples is not known in closed form. The API also offers reversible ReCom (Cannon, Duchin, Randall and Rule 2022), which samples the spanning-tree distribution: plans with more compact groups are more likely."},
	"ens.tech.diag": {"«Enighet mellom rekkene» er den delte Gelman–Rubin-statistikken (R-hat), «verdt så mange uavhengige planer» er effektivt utvalg (ESS), begge som i Vehtari mfl. (2021) uten rangnormalisering. En størrelse regnes som god nok når R-hat er høyst %s og ESS minst %s. Taket er 50 %% over gjennomsnittlig gruppestørrelse når ikke annet er valgt.",
		"«Agreement between the series» is the split Gelman–Rubin statistic (R-hat), «worth this many independent plans» the effective sample size (ESS), both as in Vehtari et al. (2021) without rank normalisation. A measure counts as good enough when R-hat is at most %s and the ESS at least %s. The ceiling is 50 %% above the average group size unless chosen otherwise."},
	"ens.tech.meaning": {"Hvor ofte to naboer havner i samme gruppe beskriver de planene kjeden besøker, ikke hvor sannsynlig en sammenslåing er politisk, og heller ikke hvor gode planene er.",
		"How often two neighbours end up in one group describes the plans the chain visits, not how likely a merger is politically, nor how good the plans are."},
}

func init() {
	addMessages("the structure search", searchMessages)
}
