package web

// legibilityMessages are texts added in the page review of issue 16 (at
// 1400 and 390 px, bokmål and English), added to messages at start.
var legibilityMessages = map[string][2]string{
	// The home page's heading, with soft hyphens so that the long
	// compound breaks at a hyphen on a phone instead of mid-syllable.
	"home.title": {"Beslutningsstøtte for generalist\u00adkommune\u00adsystemet", "Decision support for the generalist municipality system"},
	// A date as the date fields accept it, for their placeholders.
	"date.example": {"1.1.2026", "2026-01-01"},
	// The footer's links to the machine-readable data say what they open.
	"footer.api":        {"API for utviklere (OpenAPI)", "API for developers (OpenAPI)"},
	"footer.indicators": {"Indikatorene som data (JSON)", "The indicators as data (JSON)"},
	// A link to a page's figures in the machine-readable API.
	"data.json": {"Tallene som data (JSON)", "The figures as data (JSON)"},
	// The capacity table's count of municipalities without figures.
	"cap.col.nodata": {"Kommuner uten data", "Municipalities without data"},
	// The list of input when nothing is published yet (and nothing chosen).
	"input.noresults.none": {"Ingen innspill er publisert ennå. Send gjerne inn det første; en analytiker leser det før det publiseres.", "No input has been published yet. You are welcome to send the first; an analyst reads it before it is published."},
}

func init() { addMessages("the page review", legibilityMessages) }
