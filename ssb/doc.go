// Package ssb imports population tables from Statistics Norway (Statistisk
// sentralbyrå, SSB), such as table 07459 "Befolkning, etter region, kjønn,
// alder, statistikkvariabel og år", into domain values.
//
// SSB's statbank publishes a table in two forms this package reads:
// JSON-stat 2.0 from its API ([ParseJSONStat]) and semicolon-separated CSV
// from the statbank's download ([ParseCSV]). Both give a [Dataset]: one
// [generalist.Population] per municipality and year, the single-year ages
// where the file has all of them, and the regions that were left out
// because they are not municipalities.
//
// # Dimensions
//
// A table is a cube of values over dimensions. The package knows these by
// their JSON-stat id and CSV header:
//
//	region              Region        "region"              required: "0301", "K-0301"; CSV "0301 Oslo"
//	kjønn (sex)         Kjonn         "kjønn"               1 menn, 2 kvinner, 0 begge kjønn
//	alder (age)         Alder         "alder"               "000"…"104", "105+" (105 or older), total "999"/"Alle aldre"
//	statistikkvariabel  ContentsCode  "statistikkvariabel"  must count persons: "Personer1"/"Personer"
//	år (year)           Tid           "år"                  required: "2024"
//
// Sex, age and contents may be left out. Any other dimension is accepted
// only with a single category, because summing over it, or picking one
// category, would be a guess.
//
// Region codes are read by the region rule, [generalist.ClassifyRegion]:
// regions that are not municipalities are listed in [Dataset.Skipped],
// with their number of values, rather than converted: the national total
// ("0", "0000"), counties ("F-03", "03"), KOSTRA's groups ("EAK"),
// Svalbard ("21", "21xx"), Jan Mayen ("22xx"), the continental shelf
// ("23xx") and unknown residence ("9999"). Every other code must be a
// municipality number; whether it exists is for the importer that knows
// the structures to check, and [Dataset.Places] says where each number is.
//
// # From cells to populations
//
// For each municipality and year the total is taken from the both-sexes
// category or, if there is none, as men plus women; with the sex dimension
// present, a file with only men or only women is an error, since its total
// would be wrong. The same holds for age: the single ages must add up to
// the total for all ages if the file has one, and a file with some but not
// all ages and no total is refused. Where all 106 single ages are there the
// population gets its cost-key age groups and the dataset its single ages.
//
// Values are whole numbers of persons. SSB's symbols "." (not
// applicable), ".." (not available), "..." (not yet available) and ":"
// (confidential), and a JSON-stat value that is null or left out, mean no
// value, never 0: [Dataset.Missing] counts them by sign. The population of
// that municipality and year keeps the totals for all ages the file does
// give (both sexes, or men and women), without age groups; with none it
// is marked Missing with Note "mangler", and no figure is made up from the
// rest. "-" is SSB's sign for exactly zero ("Null"), read as 0 and counted
// in [Dataset.Zeros] (decision 0011).
//
// # JSON-stat 2.0
//
// SSB's API (v0 with "format": "json-stat2", and v2) answers with one
// dataset. Values are stored in a flat array in row-major order over the
// dimensions in id, the last varying fastest; value may also be a sparse
// object keyed by flat index, where left-out cells have no value:
//
//	{
//	  "version": "2.0", "class": "dataset",
//	  "label": "07459: Befolkning, etter region, kjønn, alder, statistikkvariabel og år",
//	  "id": ["Region", "Kjonn", "Tid"], "size": [1, 2, 1],
//	  "dimension": {
//	    "Region": {"category": {"index": {"K-0301": 0}, "label": {"K-0301": "Oslo"}}},
//	    "Kjonn": {"category": {"index": ["1", "2"], "label": {"1": "Menn", "2": "Kvinner"}}},
//	    "Tid": {"category": {"index": {"2024": 0}}}
//	  },
//	  "value": [357520, 360190],
//	  "extension": {"px": {"tableid": "07459"}}
//	}
//
// # CSV
//
// The statbank's "semikolonseparert med overskrift" download has title
// lines, the quoted header, and the data, with the values last. The
// dimension cells hold code and label ("0301 Oslo"). It is often
// ISO-8859-1 rather than UTF-8; see [CSVOptions]. In the long layout the
// year is a column and there is one value column:
//
//	"Befolkning, etter region, kjønn, alder, statistikkvariabel og år"
//
//	"region";"kjønn";"alder";"statistikkvariabel";"år";"07459: Befolkning, etter region, kjønn, alder, statistikkvariabel og år"
//	"0301 Oslo";"1 Menn";"000 0 år";"Personer";"2024";4522
//	"0301 Oslo";"1 Menn";"001 1 år";"Personer";"2024";4399
//
// In the wide layout the year, and perhaps the contents and sex, are in the
// headers of several value columns:
//
//	"region";"alder";"Personer 2023";"Personer 2024"
//	"0301 Oslo";"000 0 år";9213;9138
//
// # Errors
//
// Bad input gives a *generalist.Error with code EINVALID, wrapped with the
// package's prefix, whose message says what is wrong and where: for CSV the
// line and column, for JSON-stat the field, or the value's flat index and
// category codes.
package ssb
