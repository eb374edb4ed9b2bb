package report

import (
	"fmt"
	"html/template"
	"strings"

	"generalist"
	"generalist/internal/nbfmt"
)

// texts are every word a report writes itself, by key, in bokmål and
// English ({nb, en}); a text with verbs (%s, %d) takes the arguments in
// the order given. Proper names (scenarios, municipalities, the title a
// user gave) and the titles of sources are not translated.
// TestCatalogue fails when a key lacks a language or the code uses a key
// that is not here.
var texts = map[string][2]string{
	"title.default": {"Alternativer til dagens generalistkommunesystem", "Alternatives to today's generalist municipality system"},
	"today":         {"Dagens system", "Today's system"},
	"nodata":        {"ingen data", "no data"},
	"nomerger":      {"ingen sammenslåing", "no merger"},
	"unknown":       {"ukjent", "unknown"},
	"below":         {"under %s", "below %s"},
	"atleast":       {"minst %s", "at least %s"},
	"and":           {"og", "and"},
	"quote":         {"«%s»", "“%s”"},
	"intro":         {"Sammenligning av dagens system med %d alternativ(er), laget med Generalist.", "A comparison of today's system with %d alternative(s), made with Generalist."},

	// Sources and assumptions, in every report.
	"src.population": {"Statistisk sentralbyrå, tabell 07459: folkemengde 1. januar (NLOD/CC BY 4.0)", "Statistics Norway (Statistisk sentralbyrå), table 07459: folkemengde 1. januar, the population on 1 January (NLOD/CC BY 4.0)"},
	"src.klass":      {"Statistisk sentralbyrå, Klass 131: kommuneinndeling og endringer", "Statistics Norway (Statistisk sentralbyrå), Klass 131: kommuneinndeling og endringer, the municipal division and its changes"},
	"src.boundaries": {"© Kartverket: kommunegrenser (Administrative enheter), CC BY 4.0", "© Kartverket: municipal boundaries (Administrative enheter), CC BY 4.0"},
	"src.catalogue":  {"Oppgavekatalogen data/tasks.json (lovgrunnlag fra Lovdata; bemanningsnormer med kilde, ellers merket som antakelse)", "The task catalogue data/tasks.json (legal basis from Lovdata; staffing norms with their source, otherwise marked as an assumption)"},
	"asm.fte":        {"Forventede årsverk = årsverk per 1 000 innbyggere i målgruppen × målgruppen / 1 000; et team er robust når det når minste robuste fagmiljø.", "Expected FTEs (full-time equivalents) = FTEs per 1,000 inhabitants in the target group × the target group / 1,000; a team is robust when it reaches the smallest robust team."},
	"asm.staffing":   {"De fleste bemanningstallene i oppgavekatalogen er antakelser (merket i katalogen) og kan endres av analytikeren.", "Most staffing figures in the task catalogue are assumptions (marked in the catalogue) and can be changed by the analyst."},
	"asm.pooled":     {"I et samarbeid eller hos en mottaker legges medlemmenes forventede årsverk sammen; alle medlemmer er robuste når fellesteamet er det.", "In a cooperation or at a receiving body the members' expected FTEs are added up; all members are robust when the joint team is."},
	"asm.mandated":   {"Pålagt samarbeid: en kommune som må samarbeide, slås sammen med nærmeste kommune med robust team (innen tre naboskritt, ellers nærmest); en dokumentert grådig regel, ikke en optimal inndeling.", "Mandated cooperation: a municipality that must cooperate is joined with the nearest municipality with a robust team (within three steps between neighbours, otherwise the nearest); a documented greedy rule, not an optimal division."},
	"asm.split":      {"Deles en kommune uten oppgitte andeler, har kommunene som får deler, ingen data; det anslås ikke.", "When a municipality is split without given shares, the municipalities that receive parts have no data; it is not estimated."},
	"asm.distance":   {"Avstand til nytt kommunesenter: bare for innbyggerne i kommuner som slås sammen; luftlinje fra tyngdepunktet av hver tidligere kommunes areal til tyngdepunktet av senterkommunen, snittet vektet med folketall, og innbyggerne i senterkommunen teller 0 km. Det finnes ikke data om hvor folk bor inne i kommunen, så tallet viser hvor langt senteret flytter, ikke hvor langt hver innbygger har til det.", "Distance to the new municipal centre: only for the inhabitants of municipalities that merge; a straight line from the centroid of each former municipality's area to the centroid of the centre municipality, the mean weighted by population, and the inhabitants of the centre municipality count 0 km. There are no data on where people live within a municipality, so the figure shows how far the centre moves, not how far each inhabitant lives from it."},
	"asm.catalogue":  {"Oppgavekatalog versjon %s.", "Task catalogue version %s."},

	// Sections and tables.
	"sec.roles":        {"Sammendrag per rolle", "Summary by role"},
	"sec.roles.note":   {"Kommunens fire roller. For alternativene står endringen fra dagens system i parentes.", "The municipality's four roles. For the alternatives, the change from today's system is in parentheses."},
	"sec.alternatives": {"Alternativene", "The alternatives"},
	"sec.key":          {"Nøkkeltall", "Key figures"},
	"sec.tasks":        {"Kommuner under robust nivå per oppgave", "Municipalities below the robust level by task"},
	"sec.assumptions":  {"Forutsetninger", "Assumptions"},
	"sec.staffing":     {"Bemanningsforutsetninger per oppgave", "Staffing assumptions by task"},
	"sec.staffing.note": {"Antakelser er ikke hentet fra lov eller forskrift og kan endres av analytikeren i oppgavekatalogen.",
		"Assumptions are not taken from an act or a regulation and can be changed by the analyst in the task catalogue."},
	"sec.sources":   {"Kilder", "Sources"},
	"sec.inputs":    {"Innspill som begrunner %s", "Inputs behind %s"},
	"alt.inputs":    {"Innspill som begrunner alternativet", "Inputs behind the alternative"},
	"col.task":      {"Oppgave", "Task"},
	"staff.fte":     {"Årsverk per 1 000 i målgruppen", "FTEs per 1,000 in the target group"},
	"staff.min":     {"Minste robuste fagmiljø (årsverk)", "Smallest robust team (FTEs)"},
	"staff.basis":   {"Grunnlag", "Basis"},
	"basis.assumed": {"antakelse", "assumption"},
	"basis.on":      {"antakelse (bygger på %s)", "assumption (based on %s)"},
	"basis.source":  {"kilde: %s", "source: %s"},
	"chart.unit":    {"par", "pairs"},
	"chart.source":  {"Statistisk sentralbyrå (07459); oppgavekatalogen", "Statistics Norway (07459); the task catalogue"},
	"map.title":     {"Folkemengde i ny kommune", "Population of the new municipality"},
	"map.unit":      {"innbyggere", "inhabitants"},
	"map.source":    {"Statistisk sentralbyrå (07459); © Kartverket", "Statistics Norway (07459); © Kartverket"},

	// Key figures.
	"row.structure":      {"Struktur, 1. januar", "Structure, 1 January"},
	"row.municipalities": {"Antall kommuner", "Number of municipalities"},
	"row.inhabitants":    {"Innbyggere med data", "Inhabitants with data"},
	"row.median":         {"Median innbyggere", "Median inhabitants"},
	"row.under":          {"Kommuner under 5 000", "Municipalities under 5,000"},
	"row.nodata":         {"Kommuner uten data", "Municipalities without data"},
	"row.vulnerable":     {"Oppgave–kommune-par under robust nivå", "Task–municipality pairs below the robust level"},
	"row.outside":        {"Andel oppgaveårsverk utenfor egen organisasjon", "Share of task FTEs outside the municipality's own organisation"},
	"row.distance":       {"Avstand til nytt kommunesenter, snitt i sammenslåtte kommuner (km, luftlinje)", "Distance to the new municipal centre, mean in merged municipalities (km, straight line)"},
	"row.distmax":        {"Lengste avstand fra en tidligere kommune til nytt senter (km, luftlinje)", "Longest distance from a former municipality to its new centre (km, straight line)"},
	"row.role":           {"Under robust nivå: %s", "Below the robust level: %s"},
	"task.grouped":       {"%s i samarbeid", "%s in cooperation"},
	"task.moved":         {"%s til staten", "%s to the state"},

	// Roles.
	"role.tjenesteyter":      {"Tjenesteyter", "Service provider"},
	"role.demokratisk_arena": {"Demokratisk arena", "Democratic arena"},
	"role.myndighetsutover":  {"Myndighetsutøver", "Authority"},
	"role.samfunnsutvikler":  {"Samfunnsutvikler", "Community developer"},
	"role.councils":          {"Antall kommuner (kommunestyrer)", "Number of municipalities (municipal councils)"},
	"role.outside":           {"Andel oppgaveårsverk i samarbeid, utenfor kommunens egen organisasjon", "Share of task FTEs in cooperation, outside the municipality's own organisation"},
	"role.grouped":           {"Oppgave–kommune-par løst i samarbeid eller av andre", "Task–municipality pairs solved in cooperation or by others"},

	// The alternatives' measures.
	"alt.merger":         {"Sammenslåing: %s (%s)", "Merger: %s (%s)"},
	"alt.cooperation":    {"Samarbeid om %s (%s)", "Cooperation on %s (%s)"},
	"alt.host":           {", vertskommune %s", ", host municipality %s"},
	"alt.differentiated": {"Oppgavedifferensiering: %s til %s", "Task differentiation: %s to %s"},
	"alt.mandated":       {"Pålagt samarbeid om %s (%s)", "Mandated cooperation on %s (%s)"},
	"alt.relief":         {"Fylkeskommunen avlaster for %s", "The county relieves the municipalities of %s"},
	"alt.norm":           {"Nasjonal norm for %s endret: %s", "National norm for %s changed: %s"},
	"to.fylkeskommune":   {"fylkeskommune", "the county"},
	"to.vertskommune":    {"vertskommune", "a host municipality"},
	"to.staten":          {"staten", "the state"},
	"from.municipality":  {"kommune %s", "municipality %s"},
	"from.county":        {"fylke %s", "county %s"},

	"form.interkommunalt_politisk_rad":          {"interkommunalt politisk råd", "inter-municipal political council"},
	"form.kommunalt_oppgavefellesskap":          {"kommunalt oppgavefellesskap", "municipal joint task body"},
	"form.vertskommune_administrativt":          {"administrativt vertskommunesamarbeid", "administrative host municipality"},
	"form.vertskommune_felles_folkevalgt_nemnd": {"vertskommunesamarbeid med felles folkevalgt nemnd", "host municipality with a joint elected board"},
	"form.interkommunalt_selskap":               {"interkommunalt selskap (IKS)", "inter-municipal company (IKS)"},
	"form.aksjeselskap":                         {"aksjeselskap", "limited company"},
	"form.samvirkeforetak":                      {"samvirkeforetak", "cooperative"},
	"form.forening":                             {"forening", "association"},
	"form.annet":                                {"annen rettslig adgang", "another lawful arrangement"},

	// Today's registered cooperation.
	"coop.notapplied": {"Dagens registrerte interkommunale samarbeid er ikke regnet med", "Today's registered inter-municipal cooperation is not counted"},
	"coop.structure":  {": samarbeidsregisteret føres på 2024-strukturen, og sammenligningen er på %d-strukturen", ": the cooperation registry is kept on the 2024 structure, and the comparison is on the %d structure"},
	"coop.alone":      {". Hver kommune regnes som om den løser hver oppgave alene, og dagens samarbeid er ukjent.", ". Each municipality is counted as if it solved each task alone, and today's cooperation is unknown."},
	"coop.none": {"Samarbeidsregisteret har ingen registrerte samarbeid i drift per %s. Dagens system regner derfor hver kommune for seg; dagens samarbeid er ukjent, ikke «ingen».",
		"The cooperation registry has no registered cooperation in operation on %s. Today's system therefore counts each municipality on its own; today's cooperation is unknown, not “none”."},
	"coop.applied": {"Dagens system omfatter %s interkommunale samarbeid fra samarbeidsregisteret, i drift per %s. Medlemmene av et samarbeid regnes som ett fagmiljø for oppgavene det gjelder, i dagens system og i alternativene (alternativets egne valg går foran).",
		"Today's system includes %s inter-municipal cooperations from the cooperation registry, in operation on %s. The members of a cooperation count as one team for the tasks it covers, in today's system and in the alternatives (the alternative's own choices come first)."},
	"coop.examples":    {" Eksempelsamarbeidene (oppdiktede avtaler) er regnet med som dagens samarbeid etter valg fra brukeren.", " The example cooperations (made-up agreements) are counted as today's cooperation, as the user chose."},
	"coop.examplesout": {" %s eksempelsamarbeid i registeret er ikke regnet med.", " %s example cooperations in the registry are not counted."},
	"coop.noexamples":  {" Eksempelsamarbeid er ikke regnet med.", " Example cooperations are not counted."},

	// The economy.
	"econ.title":      {"Økonomi per sammenslåing", "Economy by merger"},
	"econ.title.year": {"Økonomi per sammenslåing (inntektssystemet %d)", "Economy by merger (the income system of %d)"},
	"econ.lead":       {"Endring mot at kommunene fortsetter hver for seg, i kroner fra budsjettåret (faste priser).", "Change against the municipalities continuing on their own, in kroner of the budget year (constant prices)."},
	"econ.lead.years": {"Inndelingstilskuddet betales fullt i 15 år og trappes så ned over 5 år.", "The merger compensation (inndelingstilskudd) is paid in full for 15 years and then phased out over 5 years."},
	"econ.byyear":     {"%s: år for år", "%s: year by year"},
	"econ.yearly":     {"År for år", "Year by year"},
	"econ.year":       {"År", "Year"},
	"econ.share":      {"Andel av inndelingstilskuddet", "Share of the merger compensation"},
	"econ.comp":       {"Inndelingstilskudd", "Merger compensation"},
	"econ.known":      {"Sum av kjente deler", "Sum of the known parts"},
	"econ.duration":   {"%d år fullt, så nedtrapping over %d år", "%d years in full, then phased out over %d years"},
	"econ.others":     {"%d andre", "%d others"},
	"econ.scenarioyear": {"Alternativene gjelder %d; inntektssystemet for %d, det siste budsjettåret med parametere, er brukt.",
		"The alternatives are for %d; the income system of %d, the latest budget year with parameters, is used."},
	"econ.missing": {"Økonomien mangler for %s fordi inntektssystemets tabeller for %d ikke dekker alle kommunene i dem; tallene kommer med når en analytiker importerer KDDs fullstendige tabeller for året (se Økonomi).",
		"The economy is missing for %s because the income system's tables for %d do not cover all their municipalities; the figures are included when an analyst imports the ministry's (KDD) complete tables for the year (see Economy)."},
	"econ.structure": {"Økonomien til sammenslåingene er ikke beregnet: inntektssystemets tabeller bruker kommunenumrene i 2024-strukturen, og alternativene er på %d-strukturen.",
		"The mergers' economy is not computed: the income system's tables use the municipality numbers of the 2024 structure, and the alternatives are on the %d structure."},
	"econ.noparams": {"Økonomien til sammenslåingene er ikke beregnet: det finnes ingen parametere for inntektssystemet for %d eller tidligere.",
		"The mergers' economy is not computed: there are no parameters of the income system for %d or earlier."},
	"econ.col.scenario":     {"Alternativ", "Alternative"},
	"econ.col.merger":       {"Sammenslåing", "Merger"},
	"econ.col.members":      {"Kommuner", "Municipalities"},
	"econ.col.income":       {"Inntektsutjevning, endring per år", "Income equalisation, change per year"},
	"econ.col.comp":         {"Inndelingstilskudd, første år", "Merger compensation, first year"},
	"econ.col.compall":      {"Inndelingstilskudd, sum alle år", "Merger compensation, sum of all years"},
	"econ.col.duration":     {"Inndelingstilskudd, varighet", "Merger compensation, duration"},
	"econ.col.oneoff":       {"Engangstilskudd", "One-off grant"},
	"econ.col.reform":       {"Reformstøtte", "Reform support"},
	"econ.col.knownfirst":   {"Sum av kjente deler, første år", "Sum of the known parts, first year"},
	"econ.col.knownall":     {"Sum av kjente deler, alle år", "Sum of the known parts, all years"},
	"econ.asm.model":        {"Økonomien per sammenslåing er beregnet med modellen av inntektssystemet (samme beregning som Økonomi-siden): parametere per budsjettår fra departementets tabeller (Grønt hefte, KDDs sluttavregning), hver med kilde eller merket som antakelse; det som mangler, står som «ingen data».", "The economy of each merger is computed with the model of the income system (the same computation as the Economy page): parameters per budget year from the ministry's tables (Grønt hefte, KDDs sluttavregning), each with its source or marked as an assumption; what is missing reads “no data”."},
	"econ.asm.prices":       {"Alle beløp er sammenslåingsårets, i faste priser: inndelingstilskuddet fryses reelt og betales fullt i 15 år, deretter trappes det ned over 5 år; de andre delene holdes på sammenslåingsårets nivå (ingen prognose).", "All amounts are the merger year's, in constant prices: the merger compensation (inndelingstilskudd) is frozen in real terms and paid in full for 15 years, then phased out over 5 years; the other parts are kept at the merger year's level (no forecast)."},
	"econ.asm.equalisation": {"Inntektsutjevningen beregnes på nytt for den sammenslåtte kommunen med årets satser; trekket som finansierer tilleggskompensasjonen, holdes på årets verdi.", "The income equalisation is computed anew for the merged municipality with the year's rates; the deduction that funds the additional compensation is kept at the year's value."},
	"econ.asm.known":        {"Summen av kjente deler legger sammen bare delene det finnes data for, og er derfor ikke hele endringen; delene uten data står ved hver sammenslåing, og et år uten noen kjent del står som «ingen data», ikke 0 kr. Veksttilskudd og storbytilskudd er ikke modellert.", "The sum of the known parts adds up only the parts with data, so it is not the whole change; the parts without data are named with each merger, and a year with no known part reads “no data”, not 0 kr. The growth grant and the large-city grant are not modelled."},

	// The CSV's own words (lower case, as column heads).
	"csv.key":         {"nøkkeltall", "key figure"},
	"csv.assumption":  {"forutsetning", "assumption"},
	"csv.value":       {"verdi", "value"},
	"csv.basis":       {"grunnlag", "basis"},
	"csv.cooperation": {"dagens registrerte samarbeid", "today's registered cooperation"},
	"csv.fte":         {"%s: årsverk per 1 000 i målgruppen", "%s: FTEs per 1,000 in the target group"},
	"csv.min":         {"%s: minste robuste fagmiljø (årsverk)", "%s: smallest robust team (FTEs)"},
	"csv.merger":      {"sammenslåing", "merger"},
	"csv.year":        {"år", "year"},
	"csv.share":       {"andel av inndelingstilskuddet", "share of the merger compensation"},
	"csv.comp":        {"inndelingstilskudd (kr)", "merger compensation (kr)"},
	"csv.known":       {"sum av kjente deler (kr)", "sum of the known parts (kr)"},
}

// sourceKeys and assumptionKeys list what every report cites and assumes,
// in order; economyAssumptionKeys the economy model's rules, stated when
// the report has an economy.
var (
	sourceKeys            = []string{"src.population", "src.klass", "src.boundaries", "src.catalogue"}
	assumptionKeys        = []string{"asm.fte", "asm.staffing", "asm.pooled", "asm.mandated", "asm.split", "asm.distance"}
	economyAssumptionKeys = []string{"econ.asm.model", "econ.asm.prices", "econ.asm.equalisation", "econ.asm.known"}
)

// english reports whether the report is written in English (Lang "en");
// every other language tag, "" included, is bokmål.
func (c *Comparison) english() bool { return nbfmt.IsEnglish(c.Lang) }

// t returns the text of key in the report's language, formatted with args
// when there are any. A key missing from texts gives the key in brackets,
// which TestCatalogue makes sure no report shows.
func (c *Comparison) t(key string, args ...any) string {
	tx, ok := texts[key]
	if !ok {
		return "[" + key + "]"
	}
	s := tx[0]
	if c.english() {
		s = tx[1]
	}
	if !strings.HasPrefix(key, "csv.") {
		// Digit groups in the catalogue ("per 1 000") must not wrap
		// between "1" and "000"; a CSV header stays plain text.
		s = nbfmt.KeepGroups(s)
	}
	if len(args) > 0 {
		return fmt.Sprintf(s, args...)
	}
	return s
}

// ts returns the texts of keys in the report's language.
func (c *Comparison) ts(keys []string) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = c.t(k)
	}
	return out
}

// nf is the report's way of writing numbers: bokmål ("1 234,5") or
// English ("1,234.5").
func (c *Comparison) nf() nbfmt.Locale {
	if c.NumberLang != "" {
		return nbfmt.For(c.NumberLang)
	}
	return nbfmt.For(c.Lang)
}

// checkLang refuses a language the report cannot write.
func (c *Comparison) checkLang() error { return CheckLang(c.Lang) }

// CheckLang refuses a report language other than nb, en or "" (nb).
func CheckLang(lang string) error {
	switch lang {
	case "", "nb", "en":
		return nil
	}
	return generalist.Errorf(generalist.EINVALID, "report: language %q: must be nb or en", lang)
}

// DefaultTitle is the title of a report in lang when the user gives none.
func DefaultTitle(lang string) string {
	return (&Comparison{Lang: lang}).t("title.default")
}

// title is the report's title: the user's, or the default title in the
// report's language (the bokmål default, which callers pass as the
// default, becomes the English one in an English report).
func (c *Comparison) title() string {
	if c.Title == "" || c.Title == texts["title.default"][0] {
		return c.t("title.default")
	}
	return c.Title
}

// lang is the report's language tag, for <html lang> and the charts.
func (c *Comparison) lang() string {
	if c.english() {
		return "en"
	}
	return "nb"
}

// roleName is a role's name in the report's language.
func (c *Comparison) roleName(r generalist.Role) string { return c.t("role." + string(r)) }

// formLabel is a form of cooperation's name in the report's language.
func (c *Comparison) formLabel(f generalist.IMCForm) string {
	if _, ok := texts["form."+string(f)]; ok {
		return c.t("form." + string(f))
	}
	return f.Label()
}

// receiverLabel is who takes a differentiated task, in the report's
// language.
func (c *Comparison) receiverLabel(r generalist.Receiver) string {
	if _, ok := texts["to."+string(r)]; ok {
		return c.t("to." + string(r))
	}
	return string(r)
}

func (c *Comparison) kindLabel(k generalist.InputKind) string {
	if c.english() {
		return k.LabelEN()
	}
	return k.Label()
}

func (c *Comparison) tagLabel(t generalist.InputTag) string {
	if c.english() {
		return t.LabelEN()
	}
	return t.Label()
}

// munis lists municipalities by name and number: "Sokndal (1111), Lund (1112)".
func (c *Comparison) munis(ns []generalist.MunicipalityNumber) string {
	names := make([]string, len(ns))
	for i, n := range ns {
		names[i] = c.muniName(n)
	}
	return strings.Join(names, ", ")
}

// funcs are the HTML template's functions.
func (c *Comparison) funcs() template.FuncMap {
	return template.FuncMap{"task": c.taskName, "muni": c.muniName, "munis": c.munis, "t": c.t,
		"form": c.formLabel, "receiver": c.receiverLabel, "kind": c.kindLabel, "tag": c.tagLabel,
		"from": func(in generalist.Input) string { return c.inputFrom(&in) }}
}
