package web

// chartMessages name the scroll regions that hold a chart on a narrow
// screen (the "scroll" partial): a chart keeps its size, so its text
// stays at least 12 px, and scrolls sideways in its region, which the
// keyboard can reach, instead of the page. Added to messages at start.
var chartMessages = map[string][2]string{
	"layout.chart.econhistory": {"Diagram over inntektsutjevningen over tid", "Chart of the income equalisation over time"},
	"layout.chart.econmerger":  {"Diagram over økonomien i sammenslåingen år for år", "Chart of the merger's economy year by year"},
	"layout.chart.ensemble":    {"Diagram over fordelingen i de mange inndelingene", "Chart of the distribution over the many groupings"},
}

func init() { addMessages("the chart regions", chartMessages) }
