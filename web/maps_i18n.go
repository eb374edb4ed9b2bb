package web

// mapMessages are the texts around every map: the skip link, the legend
// and the table beside it, and the map page's choices.
var mapMessages = map[string][2]string{
	"maps.skip":         {"Hopp over kartet", "Skip the map"},
	"maps.legend":       {"Tegnforklaring", "Legend"},
	"maps.table":        {"Tallene i kartet som tabell", "The map's figures as a table"},
	"maps.table.region": {"Tabell over tallene i kartet", "Table of the map's figures"},
	"maps.muni":         {"Kommune", "Municipality"},
	"maps.value":        {"Verdi", "Value"},
	"maps.class":        {"Fargeklasse", "Colour class"},
	"maps.outlined":     {"(uthevet i kartet)", "(outlined on the map)"},
	"maps.zero":         {"Null har sin egen farge, atskilt fra de laveste tallene.", "Zero has a colour of its own, apart from the lowest numbers."},
	"maps.county":       {"Fylke", "County"},
	"maps.county.all":   {"Hele landet", "All of Norway"},
	"maps.classes":      {"Klasseinndeling", "Classes"},
	"maps.quantile":     {"Kvantiler", "Quantiles"},
	"maps.jenks":        {"Naturlige brudd (Jenks)", "Natural breaks (Jenks)"},
	"maps.astable":      {"Alle kommunene i kommunelisten", "Every municipality in the list of municipalities"},
	"maps.svg":          {"Kartet som SVG-bilde", "The map as an SVG picture"},
}

func init() { addMessages("the maps", mapMessages) }
