package web

// polishMessages are the texts of the page review's last fixes (issue 16):
// numbered documents of one source site and the cue that a table or a
// chart scrolls sideways.
var polishMessages = map[string][2]string{
	"src.doc": {"dokument %d", "document %d"},
	// The hint of a region that scrolls sideways on a narrow screen.
	"scroll.hint.chart": {"Figuren fortsetter til høyre: sveip eller rull →", "The chart goes on to the right: swipe or scroll →"},
	"scroll.hint.table": {"Tabellen fortsetter til høyre: sveip eller rull →", "The table goes on to the right: swipe or scroll →"},
	// /okonomi without a choice: nothing is preselected, and one sentence
	// says what to do.
	"econ.choose": {"Velg kommune", "Choose a municipality"},
	"econ.start":  {"Velg en kommune og trykk «Vis» for å se inntektene dens, eller skriv kommunenumrene til en tenkt sammenslåing og trykk «Beregn».", "Choose a municipality and press «Show» to see its income, or enter the municipality numbers of a merger and press «Compute»."},
}

func init() { addMessages("the page review", polishMessages) }
