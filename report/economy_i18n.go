package report

import "fmt"

// economyTexts are the economy section's words for what a known sum
// leaves out, added to texts at start.
var economyTexts = map[string][2]string{
	"econ.col.notinsum": {"Ikke med i summene (ingen data)", "Not in the sums (no data)"},
	// The parts of a merger's change, as economy.YearRow.Missing names them.
	"econ.part.compensated_net":       {"nedtrappingen av inndelingstilskuddet", "the phase-out of the merger compensation"},
	"econ.part.income_equalisation":   {"inntektsutjevning", "income equalisation"},
	"econ.part.regional_centre_grant": {"regionsentertilskudd", "regional centre grant"},
	"econ.part.one_off_grant":         {"engangstilskudd", "one-off grant"},
	"econ.part.reform_support":        {"reformstøtte", "reform support"},
	"econ.part.growth_grant":          {"veksttilskudd", "growth grant"},
	"econ.part.metropolitan_grant":    {"storbytilskudd", "large-city grant"},
}

// econPartKeys are the texts of the parts economy.YearRow.Missing names.
var econPartKeys = map[string]string{
	"compensated_net": "econ.part.compensated_net", "income_equalisation": "econ.part.income_equalisation",
	"regional_centre_grant": "econ.part.regional_centre_grant", "one_off_grant": "econ.part.one_off_grant",
	"reform_support": "econ.part.reform_support", "growth_grant": "econ.part.growth_grant", "metropolitan_grant": "econ.part.metropolitan_grant",
}

func init() {
	for k, v := range economyTexts {
		if _, dup := texts[k]; dup {
			panic(fmt.Sprintf("report: text key %q is defined twice", k))
		}
		texts[k] = v
	}
}
