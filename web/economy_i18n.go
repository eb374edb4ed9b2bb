package web

import (
	"generalist/economy"
)

// economyMessages are the texts of the income-system page (/okonomi),
// added to messages at start. The labels of the statement's fields, the
// merger's rules and assumptions and the parameters are added below them
// under econ.f., econ.rule., econ.assume. and econ.p.
var economyMessages = map[string][2]string{
	"econ.glossary":          {"Ordene rammetilskudd, inntektsutjevning, inndelingstilskudd og frie inntekter er forklart i ordlisten.", "The words block grant, income equalisation, merger compensation and free income are explained in the glossary."},
	"econ.region.statement":  {"Tabell: kommunens frie inntekter", "Table: the municipality's free income"},
	"econ.region.grants":     {"Tabell: tilskudd", "Table: grants"},
	"econ.region.components": {"Tabell: sammenslåingens virkning per del", "Table: the merger's effect per component"},
	"econ.region.years":      {"Tabell: virkningen år for år", "Table: the effect year by year"},
	"econ.region.residuals":  {"Tabell: avvik per kommune i tilpasningen", "Table: each municipality's residual in the fit"},
	"econ.region.params":     {"Tabell: parametere", "Table: parameters"},

	"econ.lead": {"Inntektssystemet som modell: inntektsutjevningen beregnet med hvert budsjettårs regler, rammetilskuddet fordelt på deler, og hva en sammenslåing gjør med pengene. Hver parameter har en kilde, er utledet av publiserte tabeller eller er en navngitt antakelse; det dataene ikke gir, står som «ingen data».",
		"The income system as a model: income equalisation computed with each budget year's rules, the block grant by component, and what a merger does to the money. Every parameter has a source, is derived from published tables or is a named assumption; what the data do not give says «no data»."},
	"econ.form.one":    {"En kommunes penger", "A municipality's money"},
	"econ.form.merge":  {"En sammenslåings virkning", "A merger's effect"},
	"econ.budgetyear":  {"Budsjettår", "Budget year"},
	"econ.members":     {"Kommunenumre, kommaseparert", "Municipality numbers, comma-separated"},
	"econ.compute":     {"Beregn", "Compute"},
	"econ.samples":     {"med departementets tabeller (utvalget som følger med, eller importert) for %d:", "with the ministry's tables (the shipped sample, or imported) for %d:"},
	"econ.example":     {"Eksempel på sammenslåing:", "Example merger:"},
	"econ.statement":   {"%s (%s), budsjettår %d", "%s (%s), budget year %d"},
	"econ.basis.title": {"Budsjett og avregning", "Budget and settlement"},
	"econ.basis.text": {"Tallene kommer fra to slags kilder. Rammetilskuddet og delene av det (Grønt hefte, tabell 1-k og 2-k) er budsjettall: statsbudsjettet for budsjettåret. Skatt og inntektsutjevning er endelig avregning: KDDs sluttavregning etter at året er omme. Frie inntekter legger her sammen rammetilskuddet fra budsjettet med skatt og inntektsutjevning fra den endelige avregningen. Departementets egne tall for frie inntekter (tabell 3-k) bruker budsjettanslag for skatt og inntektsutjevning og blir derfor ikke de samme.",
		"The figures come from two kinds of source. The block grant and its parts (Grønt hefte, tables 1-k and 2-k) are budget figures: the state budget for the budget year. Tax and income equalisation are final settlements: KDD's settlement after the year has ended. Free income here adds the block grant from the budget to tax and income equalisation from the final settlement. The ministry's own free-income figures (table 3-k) use the budget estimates of tax and income equalisation and so differ."},
	"econ.freeincome.note": {"rammetilskudd (budsjett) + skatt og inntektsutjevning (endelig avregning)", "block grant (budget) + tax and income equalisation (final settlement)"},
	"econ.settled":         {"endelig avregning", "final settlement"},
	"econ.budget":          {"budsjett", "budget"},
	"econ.eq.parts":        {"symmetrisk %s + tillegg %s − trekk %s", "symmetric %s + additional %s − deduction %s"},
	"econ.eq.diff":         {"beregnet minus KDD: %s (tilpasning, se «Hvor satsene kommer fra»)", "computed minus KDD: %s (in-sample fit, see «Where the rates come from»)"},
	"econ.notpaid":         {"finnes ikke dette året", "not paid this year"},
	"econ.grants":          {"Rammetilskudd fordelt på deler (Grønt hefte 1-k/2-k, budsjett)", "Block grant by component (Grønt hefte 1-k/2-k, budget)"},
	"econ.chart.history":   {"%s: inntektsutjevning per innbygger", "%s: income equalisation per inhabitant"},
	"econ.chart.kr":        {"Kroner per innbygger", "Kroner per inhabitant"},
	"econ.chart.src":       {"KDD, inntektsutjevning – kommunevise sluttavregninger", "KDD, income equalisation – settlements by municipality"},
	"econ.chart.computed":  {"Beregnet med årets satser", "Computed with the year's rates"},
	"econ.chart.kdd":       {"KDDs sluttavregning", "KDD's final settlement"},
	"econ.chart.desc":      {"Trekket per innbygger er hvert år utledet fra de samme sluttavregningene, og i 2025 også satsene. At linjene faller sammen, er derfor en tilpasning, ikke en uavhengig kontroll.", "The deduction per inhabitant is derived from these same settlements every year, and in 2025 the rates too. That the lines coincide is therefore an in-sample fit, not an independent check."},

	"econ.merger":            {"%s: første år, fordelt på deler", "%s: the first year, by component"},
	"econ.merger.basis":      {"Delene av rammetilskuddet er budsjettall (Grønt hefte); inntektsutjevningen er beregnet av den endelige avregningen av skatt.", "The parts of the block grant are budget figures (Grønt hefte); the income equalisation is computed from the final settlement of tax."},
	"econ.col.component":     {"Del", "Component"},
	"econ.col.separate":      {"Hver for seg", "Separate"},
	"econ.col.merged":        {"Sammenslått", "Merged"},
	"econ.col.change":        {"Endring", "Change"},
	"econ.col.rule":          {"Regel", "Rule"},
	"econ.compensation":      {"%s: %s (basistilskudd %s, regionalpolitiske tilskudd %s).", "%s: %s (basis grant %s, regional-policy grants %s)."},
	"econ.phaseout":          {"Utbetales fullt i %d år, deretter redusert med %s i året over %d år.", "Paid in full for %d years, then reduced by %s a year over %d years."},
	"econ.chart.merger":      {"%s: endring mot å fortsette hver for seg, kroner fra %d", "%s: change against staying separate, kroner of %d"},
	"econ.chart.merger.desc": {"Summen av kjente deler legger sammen bare delene det finnes data for, og er derfor ikke hele endringen; delene uten data står i tabellen under. År der ingen del har data, er merket «ingen data».", "The sum of the known parts adds up only the parts with data, so it is not the whole change; the parts without data are listed in the table below. Years where no part has data are marked «no data»."},
	"econ.chart.merger.kr":   {"Kroner", "Kroner"},
	"econ.chart.none":        {"Ingen del av endringen har data for disse kommunene med inntektssystemet for %d, så her er verken diagram eller tabell år for år: summen av ingenting er ikke 0 kr. Hva som mangler, og hvorfor, står under «Ingen data» nederst.", "No part of the change has data for these municipalities under the income system of %d, so there is neither a chart nor a year-by-year table: a sum of nothing is not 0 kr. What is missing, and why, is listed under «No data» at the bottom."},
	"econ.chart.merger.src":  {"KDD (sluttavregning; Grønt hefte 1-k/2-k)", "KDD (final settlement; Grønt hefte 1-k/2-k)"},
	"econ.chart.known":       {"Sum av kjente deler", "Sum of the known parts"},
	"econ.years":             {"År for år, endring mot å fortsette hver for seg", "Year by year, change against staying separate"},
	"econ.col.year":          {"År", "Year"},
	"econ.col.share":         {"Andel utbetalt", "Share paid"},
	"econ.col.net":           {"Tilskudd minus tap", "Compensation minus loss"},
	"econ.col.known":         {"Sum av kjente deler", "Sum of the known parts"},
	"econ.col.notinsum":      {"Ikke med i summen (ingen data)", "Not in the sum (no data)"},
	"econ.notinsum":          {"uten %s", "without %s"},
	// The parts a known sum can leave out (economy.YearRow.Missing), in
	// running text.
	"econ.part.compensated_net":       {"nedtrappingen av inndelingstilskuddet", "the phase-out of the merger compensation"},
	"econ.part.income_equalisation":   {"inntektsutjevning", "income equalisation"},
	"econ.part.regional_centre_grant": {"regionsentertilskudd", "regional centre grant"},
	"econ.part.one_off_grant":         {"engangstilskudd", "one-off grant"},
	"econ.part.reform_support":        {"reformstøtte", "reform support"},
	"econ.part.growth_grant":          {"veksttilskudd", "growth grant"},
	"econ.part.metropolitan_grant":    {"storbytilskudd", "metropolitan grant"},
	"econ.years.note":                 {"Summen av kjente deler legger sammen bare delene med data, og er derfor ikke hele endringen; delene uten data står i siste kolonne. Et år der ingen del har data, står som «ingen data», ikke 0 kr. 0 kr i «Tilskudd minus tap» mens inndelingstilskuddet betales fullt, og for engangstilskudd og reformstøtte etter første år, følger av reglene.", "The sum of the known parts adds up only the parts with data, so it is not the whole change; the parts without data are in the last column. A year where no part has data reads «no data», not 0 kr. The 0 kr of «Compensation minus loss» while the merger compensation is paid in full, and of the one-off grant and reform support after the first year, follow from the rules."},
	// Column heads of the year table, with soft hyphens so the long
	// compounds can break.
	"econ.col.y.compensation": {"Inndelings\u00adtilskudd", "Merger compen\u00adsation"},
	"econ.col.y.income":       {"Inntekts\u00adutjevning", "Income equali\u00adsation"},
	"econ.col.y.regional":     {"Region\u00adsenter\u00adtilskudd", "Regional centre grant"},
	"econ.col.y.oneoff":       {"Engangs\u00adtilskudd", "One-off grant"},
	"econ.col.y.reform":       {"Reform\u00adstøtte", "Reform support"},
	"econ.assumptions":        {"Antakelser", "Assumptions"},
	"econ.params":             {"Parametere %d", "Parameters %d"},
	"econ.col.param":          {"Parameter", "Parameter"},
	"econ.col.value":          {"Verdi", "Value"},
	"econ.col.basis":          {"Grunnlag", "Basis"},
	"econ.pstatus.source":     {"hentet fra publisert kilde", "read from a published source"},
	"econ.pstatus.derived":    {"utledet fra departementets tabeller (tilpasning)", "derived from the ministry's tables (fitted)"},
	"econ.pstatus.assume":     {"antakelse", "assumption"},
	"econ.pstatus.missing":    {"ikke funnet i kildene som er lest", "not found in the sources read"},
	"econ.abolished":          {"avviklet fra %d", "abolished from %d"},
	"econ.tech":               {"Teknisk", "Technical"},
	"econ.tech.params":        {"Parameternavn i filene og kildeteksten slik den står der (på engelsk).", "Parameter names in the files and the source text as written there."},
	"econ.tech.missing":       {"Grunnene slik modellen gir dem (på engelsk).", "The reasons as the model gives them."},
	"econ.unit.years":         {"%s år", "%s years"},
	"econ.unit.persons":       {"%s innbyggere", "%s inhabitants"},
	"econ.unit.perinh":        {"%s per innbygger", "%s per inhabitant"},
	"econ.unit.peryear":       {"%s per år", "%s per year"},

	"econ.fit":              {"Hvor satsene for inntektsutjevningen %d kommer fra", "Where the income-equalisation rates of %d come from"},
	"econ.fit.derived":      {"Satsene for %d – %s av forskjellen til landsgjennomsnittet begge veier, og %s i tillegg under %s av snittet – er ikke lest fra en publisert tekst. De er tilpasset KDDs endelige avregning for de %d kommunene i tabellen under, og trekket per innbygger (%s) er utledet fra de samme radene. At modellen treffer KDDs tall for disse kommunene, er derfor en tilpasning i utvalget, ikke en uavhengig kontroll.", "The rates of %d – %s of the gap to the national average both ways, plus %s below %s of the average – are not read from a published text. They are fitted to KDD's final settlement for the %d municipalities in the table below, and the deduction per inhabitant (%s) is derived from the same rows. That the model matches KDD's figures for these municipalities is therefore an in-sample fit, not an independent check."},
	"econ.fit.sourced":      {"Satsene for %d – %s av forskjellen til landsgjennomsnittet begge veier, og %s i tillegg under %s av snittet – er hentet fra en publisert kilde. Trekket per innbygger (%s) er utledet fra KDDs endelige avregning for de samme %d kommunene som tabellen under sammenligner med; samsvaret viser at regelen stemmer, men trekket er en tilpasning til disse radene.", "The rates of %d – %s of the gap to the national average both ways, plus %s below %s of the average – are read from a published source. The deduction per inhabitant (%s) is derived from KDD's final settlement for the same %d municipalities the table below compares with; the agreement shows that the rule holds, but the deduction is fitted to these rows."},
	"econ.fit.residuals":    {"Rest per kommune: modellens inntektsutjevning med satsene over minus KDDs sluttavregning, kroner per innbygger. KDDs tall er avrundet til hele øre. Største rest: %s.", "Residual per municipality: the model's income equalisation with the rates above minus KDD's final settlement, kroner per inhabitant. KDD's figures are rounded to whole øre. Largest residual: %s."},
	"econ.fit.params":       {"Satsene og trekket %d", "The rates and the deduction, %d"},
	"econ.fit.muni":         {"Kommune", "Municipality"},
	"econ.fit.share":        {"Skatt i % av landet", "Tax, % of national average"},
	"econ.fit.part":         {"Inngår i tilpasningen av", "Used to fit"},
	"econ.fit.part.sym":     {"symmetrisk sats og trekk", "symmetric rate and deduction"},
	"econ.fit.part.add":     {"tilleggssats og terskel", "additional rate and threshold"},
	"econ.fit.part.ded":     {"trekk", "deduction"},
	"econ.fit.kdd":          {"KDDs avregning", "KDD's settlement"},
	"econ.fit.model":        {"Modellen", "Model"},
	"econ.fit.residual":     {"Rest", "Residual"},
	"econ.fit.tech":         {"Tilpasningen med minste kvadraters metode på årets rader gir symmetrisk sats %s (%d kommuner over terskelen), tilleggssats %s og terskel %s (%d kommuner under).", "The least-squares fit on the year's rows gives a symmetric rate of %s (%d municipalities above the threshold), an additional rate of %s and a threshold of %s (%d below)."},
	"econ.fit.nofit":        {"Satsene kan ikke tilpasses på nytt fra årets rader: det er for få kommuner på én side av terskelen.", "The rates cannot be refitted from the year's rows: too few municipalities on one side of the threshold."},
	"econ.fit.none":         {"Det er ingen rader fra KDDs avregning for dette året. Velg et annet budsjettår.", "There are no rows of KDD's settlement for this year. Choose another budget year."},
	"econ.caveat.sample":    {"Tabellene over skatt, inntektsutjevning og rammetilskudd (KDD) er et utvalg på 7 kommuner; for de andre står det «ingen data» til en analytiker importerer hele tabellene. Parametere uten kilde er tomme, ikke gjettet.", "The tables of tax, income equalisation and block grant (KDD) are a sample of 7 municipalities; the others show «no data» until an analyst imports the full tables. Parameters without a source are empty, not guessed."},
	"econ.caveat.costindex": {"Kostnadsindeksen (KDD, Grønt hefte tabell A-k) mangler for Utsira og Modalen (2025 og 2026) og for Lørenskog 2025; den er transkribert av en tredjepart.", "The cost index (KDD, Grønt hefte table A-k) is missing for Utsira and Modalen (2025 and 2026) and for Lørenskog 2025; it was transcribed by a third party."},
	"econ.why.generic":      {"dataene som er lastet, gir ikke dette tallet", "the data loaded do not give this figure"},
	"econ.why.sample.kdd":   {"KDDs avregning er bare lastet for et utvalg kommuner og år", "KDD's settlement is loaded for a sample of municipalities and years only"},
	"econ.why.sample.gh":    {"Grønt hefte (tabell 1-k og 2-k) er bare lastet for et utvalg kommuner og år", "Grønt hefte (tables 1-k and 2-k) is loaded for a sample of municipalities and years only"},
	"econ.why.need":         {"beregningsteknisk utgiftsbehov per innbygger er ikke funnet i noen kilde, så utgiftsutjevningen kan ikke beregnes fra kostnadsindeksen; beløpet fra Grønt hefte står i rammetilskuddet der utvalget har det", "the national expenditure need per inhabitant is not found in any source, so the expenditure equalisation cannot be computed from the cost index; Grønt hefte's amount is shown in the block grant where the sample has it"},
	"econ.why.costindex":    {"kostnadsindeksen mangler for kommunen dette året", "the cost index is missing for the municipality this year"},
	"econ.why.basis":        {"verdien av basiskriteriet (basistilskuddet) er ikke funnet i noen kilde", "the value of the basis criterion (basis grant) is not found in any source"},
	"econ.why.rules":        {"reglene for tilskuddet er ikke funnet i kildene som er lest", "the grant's rules are not found in the sources read"},
	"econ.why.rates":        {"satsene er ikke funnet for dette året", "the rates are not found for this year"},
	"econ.why.compensation": {"trenger basistilskuddet og distriktstilskuddene for den sammenslåtte kommunen, som mangler", "needs the basis grant and the district grants of the merged municipality, which are missing"},
	"econ.why.current":      {"tabellene som er lastet, viser ikke hvor mye inndelingstilskudd kommunene får i dag etter tidligere sammenslåinger", "the tables loaded do not show how much inndelingstilskudd the municipalities receive today after earlier mergers"},
	"econ.why.parts":        {"trenger tall som mangler (se de andre punktene)", "needs figures that are missing (see the other items)"},
}

// econWhy gives the plain reason for a missing field of the statement or
// the merger; the model's own reason is shown under "Teknisk".
var econWhy = map[string]string{
	"tax_per_inhabitant": "econ.why.sample.kdd", "income_equalisation_published_per_inhabitant": "econ.why.sample.kdd",
	"income_equalisation_per_inhabitant": "econ.why.sample.kdd", "income_equalisation": "econ.why.sample.kdd",
	"block_grant": "econ.why.sample.gh", "population_1_july_previous_year": "econ.why.sample.gh",
	"expenditure_equalisation_per_inhabitant": "econ.why.need", "cost_index": "econ.why.costindex",
	"basis_amount": "econ.why.basis", "expenditure_equalisation": "econ.why.basis",
	"district_grants": "econ.why.rules", "growth_grant": "econ.why.rules", "metropolitan_grant": "econ.why.rules",
	"regional_centre_grant": "econ.why.rates", "one_off_grant": "econ.why.rates", "reform_support": "econ.why.rates",
	"inndelingstilskudd": "econ.why.compensation", "current_inndelingstilskudd": "econ.why.current", "tax": "econ.why.parts", "income_equalisation_total": "econ.why.parts",
	"free_income": "econ.why.parts", "free_income_per_inhabitant": "econ.why.parts", "years": "econ.why.parts",
}

// econLabels names the statement's fields and the merger's components
// (message keys econ.f.<id>).
var econLabels = map[string][2]string{
	"population_1_january":                         {"Innbyggere 1. januar", "Inhabitants 1 January"},
	"population_1_july_previous_year":              {"Innbyggere 1. juli året før (tabell 2-k)", "Inhabitants 1 July the year before (table 2-k)"},
	"national_average_tax_per_inhabitant":          {"Skatt per innbygger, landet", "Tax per inhabitant, national average"},
	"tax_per_inhabitant":                           {"Skatt per innbygger", "Tax per inhabitant"},
	"tax_share_of_average_pct":                     {"Skatt i prosent av landsgjennomsnittet", "Tax as a percentage of the national average"},
	"income_equalisation_per_inhabitant":           {"Inntektsutjevning per innbygger (beregnet)", "Income equalisation per inhabitant (computed)"},
	"income_equalisation_published_per_inhabitant": {"Inntektsutjevning per innbygger, KDDs sluttavregning", "Income equalisation per inhabitant, KDD's final settlement"},
	"income_equalisation":                          {"Inntektsutjevning", "Income equalisation"},
	"tax":                                          {"Skatt i alt", "Tax, total"},
	"income_equalisation_total":                    {"Inntektsutjevning i alt", "Income equalisation, total"},
	"cost_index":                                   {"Kostnadsindeks", "Cost index"},
	"expenditure_equalisation_per_inhabitant":      {"Utgiftsutjevning per innbygger (kostnadsindeks)", "Expenditure equalisation per inhabitant (cost index)"},
	"per_inhabitant_grant_rate":                    {"Innbyggertilskudd per innbygger", "Per-inhabitant grant per inhabitant"},
	"block_grant":                                  {"Rammetilskudd (Grønt hefte 1-k/2-k)", "Block grant (Grønt hefte 1-k/2-k)"},
	"free_income":                                  {"Frie inntekter", "Free income"},
	"free_income_per_inhabitant":                   {"Frie inntekter per innbygger", "Free income per inhabitant"},
	"per_inhabitant_grant":                         {"Innbyggertilskudd (likt beløp)", "Per-inhabitant grant (equal amount)"},
	"expenditure_equalisation":                     {"Utgiftsutjevning", "Expenditure equalisation"},
	"special_allocation":                           {"Særskilt fordeling", "Special allocation"},
	"income_guarantee":                             {"Inntektsgarantiordningen (INGAR)", "Income guarantee (INGAR)"},
	"district_grants":                              {"Distriktstilskudd", "District grants"},
	"district_grant_south":                         {"Distriktstilskudd Sør-Norge", "District grant Sør-Norge"},
	"district_grant_north":                         {"Distriktstilskudd Nord-Norge", "District grant Nord-Norge"},
	"regional_centre_grant":                        {"Regionsentertilskudd", "Regional centre grant"},
	"growth_grant":                                 {"Veksttilskudd", "Growth grant"},
	"metropolitan_grant":                           {"Storbytilskudd", "Metropolitan grant"},
	"discretionary_grant":                          {"Skjønnstilskudd", "Discretionary grant"},
	"inndelingstilskudd":                           {"Inndelingstilskudd", "Merger compensation (inndelingstilskudd)"},
	"current_inndelingstilskudd":                   {"Inndelingstilskudd i dag", "Merger compensation today (inndelingstilskudd)"},
	"one_off_grant":                                {"Engangstilskudd", "One-off grant"},
	"reform_support":                               {"Reformstøtte", "Reform support"},
	"compensated_net":                              {"Inndelingstilskudd minus tapet det dekker", "Compensation minus the loss it covers"},
	"basis_amount":                                 {"Basistilskudd", "Basis amount"},
	"total":                                        {"Rammetilskudd uten inntektsutjevning (1-k)", "Block grant without income equalisation (1-k)"},
	"years":                                        {"År for år", "Year by year"},
	"financing_deduction":                          {"Trekk for finansiering av tilleggskompensasjonen", "Financing deduction"},
}

// econRules names the merger's rules (econ.rule.<rule>).
var econRules = map[string][2]string{
	economy.RuleAddsUp:       {"summeres", "adds up"},
	economy.RuleBasisOnce:    {"basiskriteriet telles én gang", "basis criterion counted once"},
	economy.RuleRecomputed:   {"beregnes på nytt", "recomputed"},
	economy.RuleHeld:         {"holdt på summen (antakelse)", "held at the sum (assumption)"},
	economy.RuleNotModelled:  {"reglene mangler", "rules not available"},
	economy.RuleCompensation: {"kompensasjon", "compensation"},
	economy.RuleOnce:         {"første år", "first year"},
	economy.RuleAbolished:    {"avviklet", "abolished"},
}

// econAssumptions are the merger's assumptions by id (econ.assume.<id>).
var econAssumptions = map[string][2]string{
	"frozen":                     {"Alle beløp er sammenslåingsårets, i faste priser: inndelingstilskuddet fryses reelt, og de andre delene holdes på sammenslåingsårets nivå (ingen prognose).", "All amounts are the merger year's, in fixed prices: the inndelingstilskudd is frozen in real terms, and the other parts are held at the merger year's level (no forecast)."},
	"held":                       {"Særskilt fordeling, INGAR og skjønnstilskudd holdes på summen for kommunene.", "Særskilt fordeling, INGAR and skjønnstilskudd are held at the members' sum."},
	"travel":                     {"Reiseavstandskriteriene i kostnadsnøkkelen endres ikke av sammenslåingen (å beregne dem på nytt krever SSBs sonedata).", "The travel-distance criteria of the cost key are unchanged by the merger (recomputing them needs SSB zone data)."},
	"no_gain":                    {"Den sammenslåtte kommunen får ikke mer distriktstilskudd enn kommunene fikk hver for seg, så inndelingstilskuddet dekker nøyaktig tapt basistilskudd og distriktstilskudd så lenge det betales fullt.", "The merged municipality gets no more district grants than the members did, so the inndelingstilskudd exactly offsets the basis and district grants lost while it is paid in full."},
	"deduction":                  {"Trekket som finansierer tilleggskompensasjonen i inntektsutjevningen, holdes på årets verdi (én sammenslåing flytter det knapt; en beregning for hele landet med fullstendige skattetall beregner det på nytt).", "The financing deduction of the income equalisation is held at the year's value (one merger barely moves it; a whole-country evaluation with complete tax data recomputes it)."},
	"tax_base":                   {"Skatt per innbygger og innbyggertall for kommunene er de fra sammenslåingsårets endelige avregning.", "The members' tax per inhabitant and population are those of the merger year's final settlement."},
	"first_year":                 {"Engangstilskudd og reformstøtte betales det første året.", "One-off grant and reform support are paid in the first year."},
	"regional_centre_population": {"Regionsentertilskuddet beregnes på innbyggertallet rammetilskuddet bruker (1. juli året før) der tabell 2-k gir det, ellers på 1. januar.", "The regionsentertilskudd is computed on the population the block grant uses (1 July the year before) where table 2-k gives it, otherwise on 1 January."},
}

// econParams are plain names of the income-system parameters
// (econ.p.<name>).
var econParams = map[string][2]string{
	"income_equalisation.symmetric_rate":           {"Inntektsutjevning, symmetrisk kompensasjonsgrad", "Income equalisation, symmetric rate"},
	"income_equalisation.additional_rate":          {"Tilleggskompensasjon under terskelen", "Additional compensation below the threshold"},
	"income_equalisation.additional_threshold":     {"Terskel for tilleggskompensasjon (andel av landsgjennomsnittet)", "Threshold of the additional compensation (share of the national average)"},
	"income_equalisation.financing_deduction":      {"Trekk for finansiering av tilleggskompensasjonen", "Deduction financing the additional compensation"},
	"per_inhabitant_grant.rate":                    {"Innbyggertilskudd, likt beløp per innbygger", "Per-inhabitant grant, equal amount per inhabitant"},
	"expenditure_equalisation.need_per_inhabitant": {"Beregningsteknisk utgiftsbehov per innbygger", "National expenditure need per inhabitant"},
	"expenditure_equalisation.basis_amount":        {"Basistilskudd (basiskriteriet per kommune)", "Basis grant (the basis criterion per municipality)"},
	"merger.compensation_full_years":               {"Inndelingstilskudd, år med full kompensasjon", "Merger compensation, years paid in full"},
	"merger.compensation_phase_out_years":          {"Inndelingstilskudd, år med nedtrapping", "Merger compensation, years of phase-out"},
	"merger.compensation_phase_out_step":           {"Inndelingstilskudd, nedtrapping per år", "Merger compensation, phase-out per year"},
	"merger.regional_centre_grant_per_merger":      {"Regionsentertilskudd per sammenslåing", "Regional centre grant per merger"},
	"merger.regional_centre_grant_per_inhabitant":  {"Regionsentertilskudd per innbygger", "Regional centre grant per inhabitant"},
	"merger.regional_centre_grant_min_population":  {"Regionsentertilskudd, innbyggergrense", "Regional centre grant, population threshold"},
	"merger.one_off_grant_2":                       {"Engangstilskudd, to kommuner", "One-off grant, two municipalities"},
	"merger.one_off_grant_3":                       {"Engangstilskudd, tre kommuner", "One-off grant, three municipalities"},
	"merger.one_off_grant_4":                       {"Engangstilskudd, fire kommuner", "One-off grant, four municipalities"},
	"merger.reform_support":                        {"Reformstøtte", "Reform support"},
}

func init() {
	addMessages("the economy page", economyMessages, prefixed("econ.f.", econLabels), prefixed("econ.rule.", econRules),
		prefixed("econ.assume.", econAssumptions), prefixed("econ.p.", econParams))
}

// prefixed is m with prefix before every key.
func prefixed(prefix string, m map[string][2]string) map[string][2]string {
	out := make(map[string][2]string, len(m))
	for k, v := range m {
		out[prefix+k] = v
	}
	return out
}
