package web

import "fmt"

// compareMessages are the texts of the scenario comparison
// (/scenarier/sammenlign and its maps), added to messages at start. The
// notes on today's cooperation (cmp.today.*) are the capacity page's.
var compareMessages = map[string][2]string{
	"cmp.today":        {"Dagens system", "Today's system"},
	"cmp.title":        {"Sammenligning med dagens system", "Comparison with today's system"},
	"cmp.maps.title":   {"Kart: sammenligning med dagens system", "Maps: comparison with today's system"},
	"cmp.lead":         {"Dagens system og %s side om side, på %d-strukturen med folketall 1.1.%d. Først et sammendrag per rolle, så økonomien og detaljene. Hvert tall lenker til hvordan det er beregnet.", "Today's system and %s side by side, on the %d structure with the population on 1 January %d. First a summary by role, then the economy and the details. Each figure links to how it is computed."},
	"cmp.roles":        {"Sammendrag per rolle", "Summary by role"},
	"cmp.roles.note":   {"Kommunens fire roller. Under tallet for hvert alternativ står endringen fra dagens system.", "The municipality's four roles. Under each alternative's figure is the change from today's system."},
	"cmp.col.figure":   {"Nøkkeltall", "Key figure"},
	"cmp.col.how":      {"Beregning", "How"},
	"cmp.how":          {"Slik", "How"},
	"cmp.how.label":    {"Slik er tallet beregnet: %s", "How the figure is computed: %s"},
	"cmp.change":       {"endring fra i dag:", "change from today:"},
	"cmp.report":       {"Rapport", "Report"},
	"cmp.f.units":      {"Antall kommuner (kommunestyrer)", "Municipalities (elected councils)"},
	"cmp.f.outside":    {"Andel oppgaveårsverk i samarbeid, utenfor kommunens egen organisasjon", "Share of task FTEs in cooperation, outside the municipality's own organisation"},
	"cmp.f.distance":   {"Gjennomsnittlig avstand til kommunesenteret (km)", "Mean distance to the municipal centre (km)"},
	"cmp.f.vulnerable": {"Oppgave–kommune-par under robust nivå", "Task–municipality pairs below the robust minimum"},
	"cmp.f.shared":     {"Oppgave–kommune-par løst i samarbeid eller av andre", "Task–municipality pairs run in cooperation or by another body"},
	"cmp.details":      {"Detaljer", "Details"},
	"cmp.keyfigures":   {"Nøkkeltall", "Key figures"},
	"cmp.f.structure":  {"Struktur og år (1. januar)", "Structure and year (1 January)"},
	"cmp.f.inh":        {"Innbyggere med data", "Inhabitants with data"},
	"cmp.f.median":     {"Median innbyggere per kommune", "Median inhabitants per municipality"},
	"cmp.f.under":      {"Kommuner under 5 000 innbyggere", "Municipalities under 5,000 inhabitants"},
	"cmp.f.nodata":     {"Kommuner uten data", "Municipalities without data"},
	"cmp.f.allvuln":    {"Oppgave–kommune-par under robust nivå, alle roller", "Task–municipality pairs below the robust minimum, all roles"},
	"cmp.pertask":      {"Per oppgave: kommuner under robust nivå", "Per task: municipalities below the robust minimum"},
	"cmp.pertask.note": {"Antall kommuner der oppgaven ikke når et robust fagmiljø; i parentes hvor mange som løser den i samarbeid eller har gitt den til staten.", "The number of municipalities where the task does not reach a robust professional environment; in parentheses how many run it in cooperation or have given it to the state."},
	"cmp.grouped":      {"%d i samarbeid", "%d grouped"},
	"cmp.moved":        {"%d til staten", "%d to the state"},
	"cmp.problems":     {"Merknader til %s", "Notes on %s"},

	"cmp.econ":          {"Økonomi per sammenslåing (inntektssystemet %d)", "Economy of each merger (the income system of %d)"},
	"cmp.econ.noyear":   {"Økonomi per sammenslåing", "Economy of each merger"},
	"cmp.econ.lead":     {"Endring mot at kommunene fortsetter hver for seg, i kroner fra %d (faste priser). Inndelingstilskuddet betales fullt i %d år og trappes så ned over %d år.", "Change against the municipalities staying separate, in kroner of %d (fixed prices). The merger compensation (inndelingstilskudd) is paid in full for %d years, then phased out over %d years."},
	"cmp.econ.merger":   {"Sammenslåing", "Merger"},
	"cmp.econ.income":   {"Inntekts\u00adutjevning, endring per år", "Income equali\u00adsation, change a year"},
	"cmp.econ.comp":     {"Inndelings\u00adtilskudd, første år", "Merger compen\u00adsation, first year"},
	"cmp.econ.compall":  {"Inndelings\u00adtilskudd, sum alle år", "Merger compen\u00adsation, all years"},
	"cmp.econ.oneoff":   {"Engangs\u00adtilskudd", "One-off grant"},
	"cmp.econ.reform":   {"Reform\u00adstøtte", "Reform support"},
	"cmp.econ.known":    {"Kjent endring, alle år", "Known change, all years"},
	"cmp.econ.years":    {"År for år", "Year by year"},
	"cmp.econ.yearsfor": {"År for år: %s", "Year by year: %s"},
	"cmp.econ.in":       {"i %s", "in %s"},
	"cmp.econ.missing":  {"Økonomien mangler for %s fordi inntektssystemets tabeller for %d ikke dekker alle kommunene i dem; tallene kommer med når en analytiker importerer KDDs fullstendige tabeller for året (se", "The economy is missing for %s because the income system's tables for %d do not cover all their municipalities; the figures appear when an analyst imports KDD's full tables for the year (see"},
	"cmp.econ.page":     {"Økonomi-siden", "the Economy page"},
	"cmp.econ.year":     {"Alternativene gjelder %d; inntektssystemet for %d, det siste budsjettåret med parametere, er brukt.", "The alternatives are for %d; the income system of %d, the latest budget year with parameters, is used."},
	"cmp.econ.structure": {"Økonomien til sammenslåingene er ikke beregnet: inntektssystemets tabeller bruker kommunenumrene i 2024-strukturen, og alternativene er på %d-strukturen.",
		"The mergers' economy is not computed: the income system's tables use the municipality numbers of the 2024 structure, and the alternatives are on the %d structure."},
	"cmp.econ.noparams": {"Økonomien til sammenslåingene er ikke beregnet: det finnes ingen parametere for inntektssystemet for %d eller tidligere.", "The mergers' economy is not computed: there are no income-system parameters for %d or earlier."},
	"cmp.econ.others":   {"%d andre", "%d others"},

	"cmp.maps":           {"Kart: oppgaver under robust nivå per kommune", "Maps: tasks below the robust minimum by municipality"},
	"cmp.maps.lead":      {"Kartene står side om side med de samme fargeklassene, så fargene kan sammenlignes direkte.", "The maps stand side by side on the same colour classes, so the colours compare directly."},
	"cmp.maps.open":      {"Vis kartene", "Show the maps"},
	"cmp.maps.page":      {"Åpne kartene på en egen side", "Open the maps on a page of their own"},
	"cmp.maps.loading":   {"Kartene lastes …", "Loading the maps …"},
	"cmp.maps.failed":    {"Kartene kunne ikke lastes. Åpne dem på en egen side med lenken over.", "The maps could not be loaded. Open them on a page of their own with the link above."},
	"cmp.maps.short":     {"Oppgaver under robust nivå", "Tasks below the robust minimum"},
	"cmp.maps.pageof":    {"%s (kart %d av %d)", "%s (maps %d of %d)"},
	"cmp.maps.views":     {"Kartene", "The maps"},
	"cmp.maps.diff":      {"Bedring fra i dag: oppgaver som blir robuste", "Improvement on today: tasks that become robust"},
	"cmp.maps.diffunit":  {"oppgaver som blir robuste", "tasks that become robust"},
	"cmp.maps.difftitle": {"%s: bedring fra i dag", "%s: improvement on today"},
	"cmp.maps.back":      {"Tilbake til sammenligningen", "Back to the comparison"},
	"cmp.maps.src":       {"SSB 07459; oppgavekatalogen", "SSB 07459; the task catalogue"},

	"cmp.calc":           {"Slik er tallene beregnet", "How the figures are computed"},
	"cmp.calc.structure": {"Kommuner og innbyggere: kommunene i %d-strukturen med folkemengden 1. januar %d fra SSB (tabell 07459). En sammenslått kommune har summen av medlemmenes innbyggere. En kommune uten folketall står som «ingen data» og regnes ikke med; det anslås ikke.", "Municipalities and inhabitants: the municipalities of the %d structure with the population on 1 January %d from SSB (table 07459). A merged municipality has the sum of its members' inhabitants. A municipality without a population says «no data» and is not counted; nothing is estimated."},
	"cmp.calc.robust":    {"Under robust nivå (kapasitetsmodellen): for hver oppgave og kommune er forventede årsverk = årsverk per 1 000 innbyggere i oppgavens målgruppe × målgruppen / 1 000. Kommunen har et robust fagmiljø for oppgaven når de forventede årsverkene når oppgavens minste robuste fagmiljø. Et par er én oppgave i én kommune. I et samarbeid, eller der en annen løser oppgaven, legges medlemmenes årsverk sammen. De fleste bemanningstallene er antakelser, merket i oppgavekatalogen (versjon %s); de står med grunnlag på", "Below the robust minimum (the capacity model): for each task and municipality the expected FTEs = FTEs per 1,000 inhabitants in the task's target group × the target group / 1,000. The municipality has a robust professional environment for the task when the expected FTEs reach the task's minimum robust team. A pair is one task in one municipality. In a cooperation, or where another body runs the task, the members' FTEs are added up. Most staffing figures are assumptions, marked in the task catalogue (version %s); they are listed with their basis on"},
	"cmp.calc.tasks":     {"oppgavesiden", "the tasks page"},
	"cmp.calc.outside":   {"I samarbeid: andelen av kommunenes oppgaveårsverk som løses i et samarbeid, av fylkeskommunen eller av staten, vektet med folketall. Den viser hvor mye som styres utenfor kommunestyret (demokratisk arena).", "In cooperation: the share of the municipalities' task FTEs run in a cooperation, by the county or by the state, weighted by population. It shows how much is governed outside the council (democratic arena)."},
	"cmp.calc.distance":  {"Avstand til kommunesenteret: avstanden fra hver medlemskommunes tyngdepunkt til senterkommunens, vektet med folketall; 0 for en kommune som ikke slås sammen. Grenser: © Kartverket.", "Distance to the municipal centre: the distance from each member's centroid to the centre municipality's, weighted by population; 0 for a municipality that does not merge. Boundaries: © Kartverket."},
	"cmp.calc.economy":   {"Økonomi: hver sammenslåing er beregnet med modellen av inntektssystemet – de samme tallene som på Økonomi-siden – med parametere for budsjettåret fra departementets tabeller (Grønt hefte, KDDs sluttavregning), hver med kilde eller merket som antakelse. Inntektsutjevningen beregnes på nytt for den sammenslåtte kommunen; inndelingstilskuddet dekker tapt basistilskudd og distriktstilskudd; alle beløp er i faste priser fra budsjettåret. Kjent endring summerer bare delene med data; det som mangler, står som «ingen data». Parametrene og antakelsene står på", "Economy: each merger is computed with the model of the income system – the same figures as on the Economy page – with the budget year's parameters from the ministry's tables (Grønt hefte, KDD's final settlement), each with its source or marked as an assumption. The income equalisation is recomputed for the merged municipality; the merger compensation covers the lost basis grant and district grants; all amounts are in the budget year's fixed prices. The known change sums only the parts with data; what is missing says «no data». The parameters and assumptions are on"},
	"cmp.calc.maps":      {"Kartene: antall oppgaver under robust nivå i hver kommune. Fargeklassene er beregnet én gang over alle kartene i sammenligningen (kvantiler), så samme farge betyr det samme i hvert kart.", "The maps: the number of tasks below the robust minimum in each municipality. The colour classes are computed once over all the maps of the comparison (quantiles), so a colour means the same in every map."},
}

// scenarioListMessages are the texts of the list of scenarios
// (/scenarier).
var scenarioListMessages = map[string][2]string{
	"scl.lead":     {"Alternativer til dagens system – sammenslåing, interkommunalt samarbeid, oppgavedifferensiering, pålagt samarbeid, fylkeskommunens rolle og statlig styring – vurdert på ekte data og sammenlignet med dagens system.", "Alternatives to today's system – mergers, inter-municipal cooperation, task differentiation, mandated cooperation, the county's role and state governance – evaluated on real data and compared side by side with today's system."},
	"scl.caption":  {"Scenarioer å sammenligne", "Scenarios to compare"},
	"scl.pick":     {"Sammenlign", "Compare"},
	"scl.scenario": {"Scenario", "Scenario"},
	"scl.kind":     {"Type", "Kind"},
	"scl.evaluate": {"Sammenlign med dagens system", "Compare with today's system"},
	"scl.example":  {"eksempel", "example"},
	"scl.saved":    {"lagret", "saved"},
	"scl.compare":  {"Sammenlign valgte scenarioer", "Compare the chosen scenarios"},
	"scl.editor":   {"Lag et nytt scenario i planleggeren", "Make a new scenario in the plan editor"},
	"scl.same":     {"Scenarioer som sammenlignes, må gjelde samme struktur og år.", "Scenarios compared must be on the same structure and year."},
}

func init() {
	for _, m := range []map[string][2]string{compareMessages, scenarioListMessages} {
		for k, v := range m {
			if _, dup := messages[k]; dup {
				panic(fmt.Sprintf("web: message key %q of the comparison is defined twice", k))
			}
			messages[k] = v
		}
	}
}
