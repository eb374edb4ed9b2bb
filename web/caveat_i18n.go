package web

import (
	"generalist"
)

// caveatMessages word the domain's caveats (written in bokmål in package
// generalist, for the CLI and the API) on pages in the page's language;
// render replaces a caveat it knows by its text here.
var caveatMessages = map[string][2]string{
	"cav.centrality": {"Sentralitetsklassene er ikke verifisert mot SSBs egen liste (Klass 128); kilden merker dem som ikke sporet, men stikkprøver mot publiserte klasser stemmer.", "The centrality classes are not checked against Statistics Norway's own list (Klass 128); the source marks them as untraced, but spot checks against published classes agree."},
	"cav.costindex":  {"Kostnadsindeksen (KDD, Grønt hefte tabell A-k) mangler for Utsira og Modalen (2025 og 2026) og for Lørenskog 2025; den er skrevet av fra tabellen av en tredjepart.", "The cost index (KDD, Grønt hefte table A-k) is missing for Utsira and Modalen (2025 and 2026) and for Lørenskog 2025; it was transcribed from the table by a third party."},
}

// caveatKeys are the domain's caveats with their keys.
var caveatKeys = map[string]string{
	generalist.CentralityCaveat: "cav.centrality",
	generalist.CostIndexCaveat:  "cav.costindex",
}

// caveatsIn returns the caveats in lang: known domain caveats by their
// text in the catalogue, others as they are.
func caveatsIn(lang string, cs []string) []string {
	if len(cs) == 0 {
		return cs
	}
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c
		if k, ok := caveatKeys[c]; ok {
			out[i] = msg(lang, k)
		}
	}
	return out
}

func init() { addMessages("the caveats", caveatMessages) }
