package chart

import "strings"

// texts holds the words a chart writes itself, in bokmål and English.
type texts struct {
	lang        string
	noData      string // "ingen data"
	noDataFor   string // "ingen data for"
	source      string // "Kilde"
	notZero     string // note under a line chart whose y axis does not start at zero
	notZeroDesc string // the same in the description, followed by the lowest tick
	and         string
	in          string // "i" as in "31 738 i 2006"
	change      string // "endring"
	lowest      string
	highest     string
	series      string // "Tidsserie"
	age         string // "Alder"
	ageTop      string // "105 år eller eldre"
	years       string // "år" as in "80 år og eldre"
	orOlder     string // "og eldre"
	share       string // axis label of the age chart
	persons     string // "innbyggere"
	medianAge   string
	municipal   string // default name of the age profile
	comparison  string // default name of the comparison
	ageIntro    string // first sentence of the age profile's description
	bars        string // "stolper", as in "5 stolper"
	highestBar  string // "Høyest", capitalised
	unit        string
	highlighted string
	reference   string
	shareOf     string // y axis of a histogram: "Andel av" + what is counted + " (%)"
	counted     string // what a histogram counts when not given
	from        string
	mostCommon  string
	about       string
	drawsBelow  string
}

var textsNB = texts{
	lang:        "nb",
	noData:      "ingen data",
	noDataFor:   "Ingen data for",
	source:      "Kilde",
	notZero:     "Merk: Y-aksen starter ikke på null.",
	notZeroDesc: "Y-aksen starter ikke på null, men på",
	and:         "og",
	in:          "i",
	change:      "endring",
	lowest:      "lavest",
	highest:     "høyest",
	series:      "Tidsserie",
	age:         "Alder",
	ageTop:      "105 år eller eldre",
	years:       "år",
	orOlder:     "og eldre",
	share:       "Andel av befolkningen (%)",
	persons:     "innbyggere",
	medianAge:   "medianalder",
	municipal:   "Kommunen",
	comparison:  "Sammenligning",
	ageIntro:    "Andel av befolkningen etter ettårig alder fra 0 til 105 år eller eldre.",
	bars:        "stolper",
	highestBar:  "Høyest",
	unit:        "Enhet",
	highlighted: "Uthevet",
	reference:   "Referanselinje",
	shareOf:     "Andel av",
	counted:     "observasjoner",
	from:        "fra",
	mostCommon:  "Vanligst:",
	about:       "omtrent",
	drawsBelow:  "lavere",
}

var textsEN = texts{
	lang:        "en",
	noData:      "no data",
	noDataFor:   "No data for",
	source:      "Source",
	notZero:     "Note: the y axis does not start at zero.",
	notZeroDesc: "The y axis does not start at zero but at",
	and:         "and",
	in:          "in",
	change:      "change",
	lowest:      "lowest",
	highest:     "highest",
	series:      "Time series",
	age:         "Age",
	ageTop:      "105 years or older",
	years:       "years",
	orOlder:     "or older",
	share:       "Share of population (%)",
	persons:     "inhabitants",
	medianAge:   "median age",
	municipal:   "Municipality",
	comparison:  "Comparison",
	ageIntro:    "Share of the population by single year of age from 0 to 105 years or older.",
	bars:        "bars",
	highestBar:  "Highest",
	unit:        "Unit",
	highlighted: "Highlighted",
	reference:   "Reference line",
	shareOf:     "Share of",
	counted:     "observations",
	from:        "from",
	mostCommon:  "Most common:",
	about:       "about",
	drawsBelow:  "lower",
}

func textsFor(lang string) *texts {
	if english(lang) {
		return &textsEN
	}
	return &textsNB
}

// list joins items as a sentence does: "a, b og c".
func (t *texts) list(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + t.and + " " + items[len(items)-1]
}

// yearRanges collapses sorted years into ranges: 2008, 2012–2014.
func yearRanges(years []int) []string {
	var out []string
	for i := 0; i < len(years); {
		j := i
		for j+1 < len(years) && years[j+1] == years[j]+1 {
			j++
		}
		switch {
		case j == i:
			out = append(out, itoa(years[i]))
		default:
			out = append(out, itoa(years[i])+"–"+itoa(years[j]))
		}
		i = j + 1
	}
	return out
}
