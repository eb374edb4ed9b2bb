package web

import (
	"fmt"
	"math"
	"strings"

	"generalist/analysis"
	"generalist/atlas"
	"generalist/internal/nbfmt"
)

// analysisMessages are the texts of /analyse, added to messages at start.
// The statistical terms link to the glossary (/ordliste).
var analysisMessages = map[string][2]string{
	"an.lead":           {"En indikator mot kommunestørrelse og sentralitet – den typen analyse Menon Economics gjorde av lovoppfyllelse for utvalget.", "An indicator against municipality size and centrality – the kind of analysis Menon Economics made of statutory compliance for the committee."},
	"an.covariates":     {"Sammenlign indikatoren med", "Compare the indicator with"},
	"an.reg":            {"Sammenheng med størrelse og sentralitet", "Association with size and centrality"},
	"an.reg.lead":       {"En regresjon finner hvor mye indikatoren i snitt endrer seg med hvert av forholdene under når de andre holdes like. Den viser sammenheng, ikke årsak.", "A regression finds how much the indicator changes on average with each of the factors below when the others are held equal. It shows association, not cause."},
	"an.reg.n":          {"Beregnet på %s kommuner.", "Computed on %s municipalities."},
	"an.reg.dropped":    {"%s kommuner er utelatt fordi de mangler tall.", "%s municipalities are left out because they lack figures."},
	"an.reg.r2":         {"Forklaringsgrad: %s (justert for antall forhold: %s), altså hvor stor del av forskjellene mellom kommunene forholdene forklarer, fra 0 (ingenting) til 1 (alt).", "Explained share (R²): %s (adjusted for the number of factors: %s), that is how much of the differences between the municipalities the factors explain, from 0 (nothing) to 1 (everything)."},
	"an.col.term":       {"Forhold", "Factor"},
	"an.col.est":        {"Koeffisient", "Coefficient"},
	"an.col.se":         {"Usikkerhet (standardfeil)", "Uncertainty (standard error)"},
	"an.col.ci":         {"95 % konfidensintervall", "95 % confidence interval"},
	"an.col.p":          {"p-verdi", "p-value"},
	"an.reg.how":        {"Koeffisienten er endringen i indikatoren når forholdet øker med én enhet; for sentralitet er den forskjellen fra klasse 1. Er 0 innenfor konfidensintervallet (p-verdi over 0,05), kan sammenhengen like gjerne være tilfeldig.", "The coefficient is the change in the indicator when the factor rises by one unit; for centrality it is the difference from class 1. When 0 lies inside the confidence interval (p-value above 0.05), the association may just as well be chance."},
	"an.glossary":       {"Ordene er forklart i ordlisten", "The words are explained in the glossary"},
	"an.double.up":      {"En kommune med dobbelt så mange innbyggere har i snitt %s høyere %s, når de andre forholdene holdes like (95 %% konfidensintervall: %s).", "A municipality with twice as many inhabitants has on average a %[2]s that is %[1]s higher, the other factors held equal (95 %% confidence interval: %[3]s)."},
	"an.double.down":    {"En kommune med dobbelt så mange innbyggere har i snitt %s lavere %s, når de andre forholdene holdes like (95 %% konfidensintervall: %s).", "A municipality with twice as many inhabitants has on average a %[2]s that is %[1]s lower, the other factors held equal (95 %% confidence interval: %[3]s)."},
	"an.double.ci":      {"fra %s til %s", "from %s to %s"},
	"an.bysize":         {"Etter størrelse (KOSTRA-grupper)", "By size (KOSTRA groups)"},
	"an.col.n":          {"Kommuner", "Municipalities"},
	"an.tech":           {"Teknisk", "Technical"},
	"an.tech.method":    {"Vanlig minste kvadraters metode (OLS) med konstantledd; konfidensintervallene er fra t-fordelingen; kommuner uten verdi er utelatt. Tallene finnes også som JSON for programmer:", "Ordinary least squares (OLS) with a constant term; the confidence intervals are from the t distribution; municipalities without a value are left out. The figures are also available as JSON for programs:"},
	"an.tech.json":      {"analysen som JSON", "the analysis as JSON"},
	"an.p.small":        {"under 0,0001", "under 0.0001"},
	"an.cov.logpop":     {"Folketall (dobling)", "Population (doubling)"},
	"an.cov.centrality": {"Sentralitetsklasse", "Centrality class"},
	"an.cov.share80":    {"Andel 80 år og eldre", "Share aged 80 and over"},
	"an.cov.change10":   {"Befolkningsendring siste 10 år", "Population change, last 10 years"},
	"an.cov.costindex":  {"Kostnadsindeks 2026", "Cost index 2026"},
	"an.centrality":     {"Sentralitet %s", "Centrality %s"},
	"an.fit":            {"Sammenheng med folketallet (regresjon)", "Association with population (regression)"},
	"an.scatter":        {"%s mot folkemengde, %s", "%s against population, %s"},

	"an.term.(Intercept)":         {"Konstantledd", "Constant term"},
	"an.term.log2(folkemengde)":   {"Dobbelt så mange innbyggere (log2 av folkemengden)", "Twice as many inhabitants (log2 of population)"},
	"an.term.andel 80+ (%)":       {"Andel 80 år og eldre (prosentpoeng)", "Share aged 80 and over (percentage points)"},
	"an.term.endring 10 år (%)":   {"Befolkningsendring siste 10 år (prosentpoeng)", "Population change, last 10 years (percentage points)"},
	"an.term.kostnadsindeks 2026": {"Kostnadsindeks 2026", "Cost index 2026"},
	"an.term.sentralitet":         {"Sentralitetsklasse %s (mot klasse 1)", "Centrality class %s (against class 1)"},

	"an.group.under 5 000":    {"under 5 000", "under 5,000"},
	"an.group.5 000–19 999":   {"5 000–19 999", "5,000–19,999"},
	"an.group.20 000 og over": {"20 000 og over", "20,000 and over"},
}

// analysisTerm names a regression term in lang.
func analysisTerm(lang, name string) string {
	if n, ok := strings.CutPrefix(name, "sentralitet "); ok {
		return fmt.Sprintf(msg(lang, "an.term.sentralitet"), n)
	}
	if _, ok := messages["an.term."+name]; ok {
		return msg(lang, "an.term."+name)
	}
	if name == analysis.Intercept {
		return msg(lang, "an.term.(Intercept)")
	}
	return name
}

// analysisGroup names a size group in lang.
func analysisGroup(lang, name string) string {
	if _, ok := messages["an.group."+name]; ok {
		return msg(lang, "an.group."+name)
	}
	return name
}

// doublingSentence says what the doubling effect means, in the
// indicator's words and unit: «… har i snitt 0,070 lavere kostnadsindeks …».
func doublingSentence(lang string, ind atlas.Indicator, e *atlas.Coefficient) string {
	if e == nil {
		return ""
	}
	nf := nbfmt.For(lang)
	name, unit := ind.NB, ind.UnitNB
	if lang == "en" {
		name, unit = ind.EN, ind.UnitEN
	}
	what := strings.ToLower(name[:1]) + name[1:]
	if unit != "" {
		what += " (" + unit + ")"
	}
	dec := sigDecimals(e.Estimate)
	key, sign := "an.double.up", 1.0
	if e.Estimate < 0 {
		key, sign = "an.double.down", -1
	}
	lo, hi := sign*e.CILow, sign*e.CIHigh
	if lo > hi {
		lo, hi = hi, lo
	}
	ci := fmt.Sprintf(msg(lang, "an.double.ci"), nf.Decimal(lo, dec), nf.Decimal(hi, dec))
	return fmt.Sprintf(msg(lang, key), nf.Decimal(sign*e.Estimate, dec), what, ci)
}

// sigDecimals is the number of decimals that shows v with two significant
// digits (at most 6).
func sigDecimals(v float64) int {
	if v == 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0
	}
	d := 1 - int(math.Floor(math.Log10(math.Abs(v))))
	return max(0, min(d, 6))
}

func init() { addMessages("the analysis", analysisMessages) }
