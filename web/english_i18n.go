package web

// englishMessages say on an English page which of its texts are given in
// Norwegian and why (text written in Norwegian by the project's users or
// in its example data), added to messages at start. They are shown on
// English pages only; the bokmål is for completeness.
var englishMessages = map[string][2]string{
	"en.examples.nb": {"Eksempelscenarioenes navn og beskrivelser er skrevet på bokmål.", "The example scenarios' names and descriptions are given in Norwegian, as they were written; a saved scenario's name and description are shown as its author wrote them."},
	"en.names.nb":    {"Navnene på scenarioene står slik de ble skrevet.", "The scenarios' names are given as they were written: the examples' in Norwegian."},
}

func init() { addMessages("the notes on Norwegian text on English pages", englishMessages) }
