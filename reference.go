package generalist

import "time"

// Reference is the complete set of reference data the binary ships with
// (package refdata parses it from data/). A store loads it once.
type Reference struct {
	Counties       []County
	Municipalities []Municipality
	Mappings       []Mapping
	Populations    []Population
	SingleAges     []SingleAge
	Areas          []Area
	Centrality     []Centrality
	CostIndex      []CostIndex
	Robek          []Robek
	Nordic         []NordicMunicipality
	NordicTotals   []NordicAggregate
	// Datasets describes the source files, one per file, with checksums so
	// a store can tell whether it already holds this exact version.
	Datasets []Dataset
}

// Dataset records one loaded source: a reference file or a user import.
type Dataset struct {
	Name     string    `json:"name"`   // file name, e.g. "befolkning_k2024.csv"
	SHA256   string    `json:"sha256"` // hex digest of the file's bytes
	Source   string    `json:"source"` // publisher and attribution, e.g. "Kilde: Statistisk sentralbyrå, tabell 07459"
	Rows     int       `json:"rows"`
	LoadedAt time.Time `json:"loaded_at,omitzero"`
}

// SingleAge is the number of persons of one single-year age (0…MaxAge, where
// MaxAge means "MaxAge or older") in a municipality on 1 January of Year.
type SingleAge struct {
	Structure    Structure          `json:"structure"`
	Year         int                `json:"year"`
	Municipality MunicipalityNumber `json:"municipality"`
	Age          int                `json:"age"`
	Persons      Persons            `json:"persons"`
}

// Area holds a municipality's area and facts about it (2024 structure).
//
// Caveat: the compiling repository does not document the area reference
// date; treat it as SSB/Kartverket area statistics compiled by a third party.
type Area struct {
	Municipality MunicipalityNumber `json:"municipality"`
	Km2          SquareKm           `json:"km2"`
	AdminCentre  string             `json:"admin_centre"`
	LanguageForm string             `json:"language_form"` // Bokmål, Nynorsk or Nøytral
}

// AreaCaveat is shown wherever areas are shown.
const AreaCaveat = "Areal: SSB/Kartverket via tredjepart (aprestmo/norway-geodata), referansedato ikke dokumentert."

// Centrality is SSB's centrality class (1 most central … 6 least) of a
// municipality in the 2024 structure.
//
// Caveat: the only source found marks the list as untraced ("assumed SSB
// Klass 128, not verified"); CentralityCaveat must be shown with it.
type Centrality struct {
	Municipality MunicipalityNumber `json:"municipality"`
	Class        int                `json:"class"`
}

// CentralityCaveat is shown wherever centrality classes are shown.
const CentralityCaveat = "Sentralitetsklassene er ikke verifisert mot SSB Klass 128 (kilden merker dem som «untraced»); stikkprøver mot publiserte klasser stemmer."

// CostIndex is a municipality's overall cost index (kostnadsindeks) in the
// expenditure equalisation for a budget year; 1.0 is the national average.
// Value is nil where the source lacks it (Utsira and Modalen both years,
// Lørenskog 2025).
type CostIndex struct {
	Municipality MunicipalityNumber `json:"municipality"`
	Year         int                `json:"year"`
	Value        *float64           `json:"value"`
}

// CostIndexCaveat is shown wherever the cost index is shown.
const CostIndexCaveat = "Kostnadsindeksen (KDD, Grønt hefte tabell A-k) mangler for Utsira og Modalen (2025 og 2026) og for Lørenskog 2025; transkribert av tredjepart."

// Robek is a municipality's entry in the ROBEK register on a given date,
// with the letters of kommuneloven § 28-1 that put it there.
type Robek struct {
	Municipality MunicipalityNumber `json:"municipality"`
	Basis        string             `json:"basis"` // e.g. "c, d"
	ListedOn     string             `json:"listed_on"`
}

// NordicMunicipality is one municipality of another Nordic country (so far
// Finland, from Statistics Finland via Yle).
type NordicMunicipality struct {
	Country    string  `json:"country"`   // ISO code, "FI"
	Structure  string  `json:"structure"` // e.g. "2020"
	RefDate    string  `json:"ref_date"`  // population date, YYYY-MM-DD
	Code       string  `json:"code"`
	Name       string  `json:"name"`
	NameSv     string  `json:"name_sv"`
	Population Persons `json:"population"`
	Aland      bool    `json:"aland"` // one of the 16 Åland municipalities
}

// NordicAggregate is a published row of national municipality statistics for
// a Nordic country. A nil field means the source does not give that figure.
type NordicAggregate struct {
	Country        string   `json:"country"`
	Source         string   `json:"source"`
	Inhabitants    *float64 `json:"inhabitants"`
	Municipalities *float64 `json:"municipalities"`
	Mean           *float64 `json:"mean"`
	Median         *float64 `json:"median"`
	Largest        *float64 `json:"largest"`
	Smallest       *float64 `json:"smallest"`
	Under5000      *float64 `json:"under_5000"`
	MedianAreaKm2  *float64 `json:"median_area_km2"`
	MeanAreaKm2    *float64 `json:"mean_area_km2"`
	LargestAreaKm2 *float64 `json:"largest_area_km2"`
}

// NordicSources names the sources of NordicAggregate rows for display.
var NordicSources = map[string]string{
	"generalistkommuneutvalget_presentasjon": "Generalistkommuneutvalgets presentasjon (referansedato ikke oppgitt)",
	"kmd_vare_naboland_2014":                 "KMD, «Våre naboland» (årsskiftet 2013/2014)",
}
