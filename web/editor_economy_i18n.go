package web

// editorEconomyMessages are the texts of the plan editor's economy box
// (editor_economy.go; the ed.js. ones go to editor.js), added to
// messages at start.
var editorEconomyMessages = map[string][2]string{
	"ed.econ.caption":   {"Økonomi per sammenslåing (inntektssystemet %d)", "Economy of each merger (the income system of %d)"},
	"ed.js.econ.income": {"Endring i inntektsutjevning, første år", "Change in income equalisation, first year"},
	"ed.js.econ.comp":   {"Inndelingstilskudd, første år", "Inndelingstilskudd, first year"},
	"ed.js.econ.first":  {"Sum av kjente deler, første år", "Sum of the known parts, first year"},
	"ed.js.econ.all":    {"Sum av kjente deler, alle år med inndelingstilskudd", "Sum of the known parts, every year of the merger compensation"},
	"ed.econ.quote":     {"«%s»", "«%s»"},
	"ed.econ.none": {"Ingen tall for %s: inntektssystemets tabeller for %d dekker ikke alle kommunene som slås sammen. Tallene kommer med når en analytiker importerer KDDs fullstendige tabeller (se Økonomi).",
		"No figures for %s: the income system's tables for %d do not cover every municipality that merges. The figures appear when an analyst imports KDD's full tables (see Economy)."},
	"ed.econ.others":  {"%d andre", "%d others"},
	"ed.econ.partial": {"Summene av kjente deler for %s er uten %s.", "The sums of the known parts for %s leave out %s."},
	"ed.econ.why": {"Delene mangler fordi tabellene ikke dekker kommunene, eller fordi satsene eller reglene ikke er funnet i kildene som er lest; Økonomi-siden forklarer hver del.",
		"The parts are missing because the tables do not cover the municipalities, or because their rates or rules are not found in the sources read; the Economy page explains each part."},
	"ed.js.econ.source": {"Kilde: KDD, inntektssystemet (Grønt hefte); beregnet med modellen på Økonomi-siden.", "Source: KDD, the income system (Grønt hefte); computed with the model on the Economy page."},
	"ed.js.econ.link":   {"Om beregningen", "How it is computed"},

	"ed.econ.part.income_equalisation":   {"inntektsutjevning", "income equalisation"},
	"ed.econ.part.inndelingstilskudd":    {"inndelingstilskudd", "inndelingstilskudd"},
	"ed.econ.part.regional_centre_grant": {"regionsentertilskudd", "regional centre grant"},
	"ed.econ.part.one_off_grant":         {"engangstilskudd", "one-off grant"},
	"ed.econ.part.reform_support":        {"reformstøtte", "reform support"},
	"ed.econ.part.growth_grant":          {"veksttilskudd", "growth grant"},
	"ed.econ.part.metropolitan_grant":    {"storbytilskudd", "metropolitan grant"},
	"ed.econ.part.population":            {"innbyggertall", "population"},
	"ed.econ.part.tax":                   {"skatt", "tax"},
}

func init() { addMessages("the plan editor's economy", editorEconomyMessages) }
