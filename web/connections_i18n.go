package web

// flashMessages are the confirmations a change leaves for the next page
// (flash.go); only these keys are ever shown.
var flashMessages = map[string][2]string{
	"flash.param":                    {"Endringen er lagret. Tallene som bygger på oppgavens bemanning, er regnet på nytt.", "The change is saved. The figures that rest on the task's staffing are computed again."},
	"flash.imc.created":              {"Samarbeidet er lagret i registeret.", "The cooperation is saved in the registry."},
	"flash.imc.updated":              {"Endringene i samarbeidet er lagret.", "The changes to the cooperation are saved."},
	"flash.imc.deleted":              {"Samarbeidet er slettet fra registeret. Historikken er beholdt.", "The cooperation is deleted from the registry. Its history is kept."},
	"flash.imc.step":                 {"Prosesstrinnet er lagret.", "The process step is saved."},
	"flash.input.published":          {"Innspillet er publisert.", "The input is published."},
	"flash.input.rejected":           {"Innspillet er avvist.", "The input is rejected."},
	"flash.input.tags":               {"Emneordene er lagret.", "The tags are saved."},
	"flash.input.merged":             {"Innspillene er slått sammen.", "The inputs are merged."},
	"flash.input.erased":             {"Innspillet er slettet.", "The input is erased."},
	"flash.input.linked":             {"Innspillet er knyttet til scenarioet.", "The input is linked to the scenario."},
	"flash.input.unlinked":           {"Koblingen til scenarioet er fjernet.", "The link to the scenario is removed."},
	"flash.login":                    {"Du er logget inn.", "You are signed in."},
	"flash.logout":                   {"Du er logget ut.", "You are signed out."},
	"flash.scenario.deleted":         {"Scenarioet er slettet.", "The scenario is deleted."},
	"flash.scenario.fromplan.editor": {"Forslaget er lagret som scenario og åpnet i planleggeren. Endringer du lagrer her, blir nye versjoner av det.", "The proposal is saved as a scenario and opened in the plan editor. Changes you save here become new versions of it."},
	"flash.scenario.fromplan":        {"Forslaget er lagret som scenario. Her er det sammenlignet med dagens system.", "The proposal is saved as a scenario. Here it is compared with today's system."},
}

// connectionMessages are the texts of the links between the pages: the
// profile's comparison, cooperations and economy, the comparison's
// capacity and economy rows, the scenario list's editor links.
var connectionMessages = map[string][2]string{
	"nav.moderation":      {"Moderering av innspill", "Moderating input"},
	"srch.act":            {"Ta forslaget videre", "Take the proposal further"},
	"srch.act.name":       {"Navn på scenarioet", "Name of the scenario"},
	"srch.act.save":       {"Lagre som scenario og sammenlign med dagens system", "Save as a scenario and compare with today's system"},
	"srch.act.editor":     {"Lagre og åpne i planleggeren", "Save and open in the plan editor"},
	"srch.act.note":       {"Begge knappene lagrer forslagets sammenslåinger som et nytt scenario. Planleggeren åpner bare lagrede scenarioer, så endringer du lagrer der, blir nye versjoner av dette scenarioet.", "Both buttons save the proposal's mergers as a new scenario. The plan editor opens only saved scenarios, so changes you save there become new versions of this scenario."},
	"srch.act.note2024":   {"Planleggeren arbeider på 2024-strukturen; et forslag på en annen struktur kan lagres og sammenlignes.", "The plan editor works on the 2024 structure; a proposal on another structure can be saved and compared."},
	"srch.act.signin":     {"En analytiker kan lagre forslaget som scenario, sammenligne det med dagens system og åpne det i planleggeren.", "An analyst can save the proposal as a scenario, compare it with today's system and open it in the plan editor."},
	"srch.act.signinlink": {"Logg inn", "Sign in"},
	"srch.act.nomerger":   {"Forslaget slår ikke sammen noen kommuner, så det er ikke noe scenario å lagre.", "The proposal merges no municipalities, so there is no scenario to save."},
	"srch.act.inh":        {"%s innbyggere", "%s inhabitants"},
	"srch.act.fte":        {"%s årsverk", "%s FTEs"},
	"srch.act.defname":    {"Strukturforslag: minst %s per kommune (%d-strukturen, %d)", "Structure proposal: at least %s per municipality (%d structure, %d)"},
	"srch.act.desc":       {"Fra struktursøket: minst %s per kommune; %d sammenslåinger, %d kommuner i alt.", "From the structure search: at least %s per municipality; %d mergers, %d municipalities in all."},
	"scl.meta":            {"%d-strukturen, folketall 1.1.%d", "the %d structure, population 1 January %d"},
	"scl.open":            {"Åpne i planleggeren", "Open in the plan editor"},
	"scl.opencopy":        {"Åpne en kopi i planleggeren", "Open a copy in the plan editor"},
	"scl.delete":          {"Slett", "Delete"},
	"scl.delete.note":     {"Slettingen kan ikke angres.", "The deletion cannot be undone."},
	"scl.delete.confirm":  {"Slett «%s»", "Delete «%s»"},

	"cmpm.cap":                 {"Kapasitet: oppgaver under minste robuste fagmiljø, 1.1.%d", "Capacity: tasks below the smallest robust professional environment, 1 January %d"},
	"cmpm.basis.model":         {"Forventede årsverk = årsverk per 1 000 innbyggere i målgruppen × målgruppen / 1 000; et team er robust når det når minste robuste fagmiljø. Hver oppgaves bemanningstall, med kilde eller merket som antakelse, står i kommuneprofilen og på siden", "Expected FTEs = FTEs per 1,000 inhabitants served × inhabitants served / 1,000; a team is robust when it reaches the smallest robust professional environment. Each task's staffing numbers, with their source or marked as an assumption, are on the municipality's profile and on the page"},
	"cmpm.of":                  {"%d av %d", "%d of %d"},
	"cmpm.unknownfor":          {"ukjent for %d", "unknown for %d"},
	"cmpm.econ":                {"Økonomi, budsjettår %d", "Economy, budget year %d"},
	"cmpm.econ.missing":        {"Dataene har ikke skatt, inntektsutjevning og rammetilskudd for %s: tabellene som følger med, er et utvalg av kommuner. En analytiker kan importere hele tabellene på", "The data have no tax, income equalisation and block grant for %s: the tables that come with the system are a sample of municipalities. An analyst can import the full tables on"},
	"cmpm.econ.structure":      {"Økonomitallene føres på 2024-strukturen og vises derfor ikke for %d-strukturen.", "The economy figures are kept on the 2024 structure and are therefore not shown for the %d structure."},
	"layout.table.comparecap":  {"Kapasitet for kommunene som sammenlignes", "Capacity of the municipalities compared"},
	"layout.table.compareecon": {"Økonomi for kommunene som sammenlignes", "Economy of the municipalities compared"},
}

func init() { addMessages("the connections", flashMessages, connectionMessages) }
