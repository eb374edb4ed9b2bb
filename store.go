package generalist

import (
	"context"
	"time"
)

// PopulationFilter selects population records. Zero fields match all.
type PopulationFilter struct {
	Structure    Structure
	Year         int
	Municipality MunicipalityNumber
}

// PopulationImport is a user-supplied population dataset (for example an SSB table
// 07459 download) ready to be stored.
type PopulationImport struct {
	Dataset     Dataset
	Populations []Population
	SingleAges  []SingleAge
	// Replace allows the import to overwrite populations already stored for
	// the same structure, year and municipality. Without it such an overlap
	// with different values is an ECONFLICT error; identical values are
	// accepted.
	Replace bool
}

// AtlasStore holds the reference data and imported datasets.
//
// Every method that writes does so in one transaction: on error the store is
// left exactly as it was.
type AtlasStore interface {
	// LoadReference stores ref unless the store already holds exactly
	// these datasets (by checksum); it reports whether it wrote anything.
	// A changed dataset replaces the earlier version of the same name.
	LoadReference(ctx context.Context, ref *Reference) (loaded bool, err error)

	// Datasets lists what the store holds, by name.
	Datasets(ctx context.Context) ([]Dataset, error)

	// Counties returns the counties of a structure, by number.
	Counties(ctx context.Context, s Structure) ([]County, error)

	// Municipalities returns the municipalities of a structure, by number.
	Municipalities(ctx context.Context, s Structure) ([]Municipality, error)

	// Mapping returns the change mapping between two consecutive structures
	// (2019→2020 or 2020→2024). ENOTFOUND for any other pair.
	Mapping(ctx context.Context, from, to Structure) (*Mapping, error)

	// Populations returns the records matching f, ordered by structure,
	// year and municipality.
	Populations(ctx context.Context, f PopulationFilter) ([]Population, error)

	// PopulationYears returns the years with population data for a
	// structure, ascending.
	PopulationYears(ctx context.Context, s Structure) ([]int, error)

	// SingleAges returns single-year-age counts for a structure and year,
	// ordered by municipality and age.
	SingleAges(ctx context.Context, s Structure, year int) ([]SingleAge, error)

	// Areas, Centrality, CostIndex, Robek return the 2024-structure facts.
	Areas(ctx context.Context) ([]Area, error)
	Centrality(ctx context.Context) ([]Centrality, error)
	CostIndex(ctx context.Context) ([]CostIndex, error)
	Robek(ctx context.Context) ([]Robek, error)

	// Nordic returns the per-municipality rows of other Nordic countries
	// and the published national aggregates.
	Nordic(ctx context.Context) ([]NordicMunicipality, error)
	NordicTotals(ctx context.Context) ([]NordicAggregate, error)

	// ImportPopulations validates and stores an import in one
	// transaction. EINVALID for a bad record (naming it), ECONFLICT for
	// an overlap with different values without Replace.
	ImportPopulations(ctx context.Context, imp *PopulationImport) error
}

// IndicatorStore holds user-imported indicators.
//
// Every method that writes does so in one transaction: on error the store is
// left exactly as it was.
type IndicatorStore interface {
	// ImportIndicator validates and stores ind with its values, replacing
	// any indicator of the same id if replace is set. Every value must
	// name a municipality of ind.Structure, at most once per year. It sets
	// ind.CreatedAt and ind.Years. EINVALID for a bad indicator or value
	// (naming the first bad one), ECONFLICT if the id exists and replace
	// is false.
	ImportIndicator(ctx context.Context, ind *Indicator, values []IndicatorValue, replace bool) error

	// Indicators lists the imported indicators by id.
	Indicators(ctx context.Context) ([]Indicator, error)

	// Indicator returns one indicator. ENOTFOUND if there is none with
	// the id.
	Indicator(ctx context.Context, id string) (*Indicator, error)

	// IndicatorValues returns the stored values of an indicator for a
	// year, or for all years if year is 0, ordered by year and
	// municipality. A year without values gives an empty list. ENOTFOUND
	// if there is no indicator with the id.
	IndicatorValues(ctx context.Context, id string, year int) ([]IndicatorValue, error)

	// DeleteIndicator removes an indicator and its values. ENOTFOUND if
	// there is none with the id.
	DeleteIndicator(ctx context.Context, id string) error
}

// ScenarioStore keeps users' scenarios.
type ScenarioStore interface {
	// CreateScenario stores a new scenario with version 1 and sets its
	// times. ECONFLICT if the id exists.
	CreateScenario(ctx context.Context, s *Scenario) error
	// UpdateScenario stores s if the stored version equals s.Version,
	// and increments it. ECONFLICT for a stale version (someone saved in
	// between), ENOTFOUND for an unknown id.
	UpdateScenario(ctx context.Context, s *Scenario) error
	// Scenario returns one scenario; ENOTFOUND if there is none.
	Scenario(ctx context.Context, id string) (*Scenario, error)
	// Scenarios lists every scenario, by id.
	Scenarios(ctx context.Context) ([]*Scenario, error)
	// DeleteScenario removes a scenario; ENOTFOUND if there is none.
	DeleteScenario(ctx context.Context, id string) error
	// PublishScenario makes a scenario readable by anyone, recording who
	// and when (again: the new who and when); UnpublishScenario makes it
	// readable by signed-in users only. Neither changes the version.
	// ENOTFOUND if there is no scenario with the id.
	PublishScenario(ctx context.Context, id string, p Publication) error
	UnpublishScenario(ctx context.Context, id string) error
}

// EconomyFile is one file of the income system's tables that an analyst
// imported: a CSV in the layout the economy loader reads (Grønt hefte
// 1-k/2-k, KDD's settlement, A-k, converted by the importer) or a budget
// year's parameter file (<year>.json). The files are laid over the
// shipped sample; a file replaces the shipped rows of the same
// municipalities and year.
type EconomyFile struct {
	// Name is the file's name in the loader's layout, such as
	// rammetilskudd_2025.csv or 2025.json.
	Name string `json:"name"`
	// Table is what was imported: grants, settlement, cost-index, or
	// files for a directory import.
	Table string `json:"table"`
	// Year is the budget year the file belongs to (0 when it has none).
	Year int `json:"year"`
	// Data is the file's UTF-8 text.
	Data       string    `json:"-"`
	SHA256     string    `json:"sha256"`
	Author     string    `json:"author"`
	ImportedAt time.Time `json:"imported_at"`
}

// EconomyStore keeps the income-system tables analysts imported, so that
// every server process, the CLI, scenarios and reports see the same model.
type EconomyStore interface {
	// ImportEconomyFiles stores files in one transaction and sets their
	// SHA256 and ImportedAt. Before it commits, check (if not nil) is
	// given every file the store would then hold, by name, and an error
	// from it stores nothing: two imports at once cannot each pass alone
	// and fail together. ECONFLICT (and nothing stored) if a file of the
	// same name exists and replace is false; EINVALID for a file without
	// a name or with text that is not UTF-8.
	ImportEconomyFiles(ctx context.Context, files []EconomyFile, replace bool, check func(all []EconomyFile) error) error
	// EconomyFiles lists the imported files by name; with data false
	// their Data is left empty (for a cheap version check).
	EconomyFiles(ctx context.Context, data bool) ([]EconomyFile, error)
	// DeleteEconomyFiles removes imported files by name in one
	// transaction. ENOTFOUND (and nothing removed) for a name not stored.
	DeleteEconomyFiles(ctx context.Context, names []string) error
}
