package app

import (
	"context"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"testing/fstest"

	"generalist"
	"generalist/economy"
	"generalist/refdata"
)

// Economy returns the income-system model: the shipped sample with the
// tables and parameter files analysts imported into the store laid over
// it. Every process on the same store sees the same model.
func (a *App) Economy(ctx context.Context) (*economy.Model, error) {
	return remember(ctx, a, "economy", func() (*economy.Model, error) {
		m, err := shippedEconomy()
		if err != nil {
			return nil, err
		}
		files, err := a.Store.EconomyFiles(ctx, true)
		if err != nil {
			return nil, err
		}
		if len(files) == 0 {
			return m, nil
		}
		if err := refdata.OverlayEconomy(m, economyFS(files)); err != nil {
			// Every file was checked with the others before it was stored,
			// so this is the store's state, not the request's: a newer
			// version's checks, or a file changed outside Generalist.
			return nil, generalist.Errorf(generalist.EINTERNAL, "the imported economy tables no longer load (%s); list them (economy list) and remove or replace the one named", generalist.ErrorMessage(err))
		}
		return m, nil
	})
}

// checkEconomyFiles reports whether the shipped model with all laid over
// it loads: every import is checked with what the store would hold after
// it, inside the store's transaction.
func checkEconomyFiles(all []generalist.EconomyFile) error {
	m, err := shippedEconomy()
	if err != nil {
		return err
	}
	return refdata.OverlayEconomy(m, economyFS(all))
}

// EconomyFiles lists the imported economy tables (without their text).
func (a *App) EconomyFiles(ctx context.Context) ([]generalist.EconomyFile, error) {
	return a.Store.EconomyFiles(ctx, false)
}

// RemoveEconomyFiles removes imported economy tables by name, all or none;
// the shipped sample shows again where they covered it.
func (a *App) RemoveEconomyFiles(ctx context.Context, names []string) error {
	if err := a.Store.DeleteEconomyFiles(ctx, names); err != nil {
		return err
	}
	a.Changed()
	return nil
}

// economyFS presents stored files as the directory OverlayEconomy reads.
func economyFS(files []generalist.EconomyFile) fs.FS {
	fsys := fstest.MapFS{}
	for _, f := range files {
		fsys[f.Name] = &fstest.MapFile{Data: []byte(f.Data)}
	}
	return fsys
}

// EconomyYear returns year, or the latest budget year with parameters
// when year is 0. ENOTFOUND when no parameters are loaded.
func EconomyYear(m *economy.Model, year int) (int, error) {
	if year != 0 {
		return year, nil
	}
	years := m.Params.Years()
	if len(years) == 0 {
		return 0, generalist.Errorf(generalist.ENOTFOUND, "no income-system parameters are loaded")
	}
	return years[len(years)-1], nil
}

// MunicipalityEconomy returns a municipality's money in a budget year (0:
// the latest).
func (a *App) MunicipalityEconomy(ctx context.Context, n generalist.MunicipalityNumber, year int) (*economy.Statement, error) {
	m, err := a.Economy(ctx)
	if err != nil {
		return nil, err
	}
	if year, err = EconomyYear(m, year); err != nil {
		return nil, err
	}
	return economy.Show(m, n, year)
}

// EconomyParams returns the economy model and the income-system
// parameters of a budget year (0: the latest; p.Year is the year). A year
// without parameters is ENOTFOUND.
func (a *App) EconomyParams(ctx context.Context, year int) (m *economy.Model, p *economy.Params, err error) {
	if m, err = a.Economy(ctx); err != nil {
		return nil, nil, err
	}
	if year, err = EconomyYear(m, year); err != nil {
		return nil, nil, err
	}
	if p, err = m.Params.Year(year); err != nil {
		return nil, nil, err
	}
	return m, p, nil
}

// MergerEconomy returns what merging members does to their money, from a
// budget year (0: the latest) on.
func (a *App) MergerEconomy(ctx context.Context, members []generalist.MunicipalityNumber, year int) (*economy.Merger, error) {
	m, p, err := a.EconomyParams(ctx, year)
	if err != nil {
		return nil, err
	}
	return economy.MergerEffect(p, m.Data, members)
}

// EconomyImport is an analyst's import of the ministry's tables.
type EconomyImport struct {
	// Table is one of refdata.ImportTables.
	Table string
	Year  int
	Files []refdata.SourceFile
	// Replace allows replacing tables imported before.
	Replace bool
	Author  string
}

// ImportEconomy reads the ministry's tables of a budget year (Grønt hefte
// 1-k and 2-k, KDD's settlement, A-k), checks them as strictly as the
// shipped ones, and stores them in one transaction; nothing is stored
// when anything is wrong. The model of every process uses them from then
// on.
func (a *App) ImportEconomy(ctx context.Context, imp EconomyImport) (*refdata.Imported, error) {
	m, err := a.Economy(ctx)
	if err != nil {
		return nil, err
	}
	im, err := refdata.ImportEconomy(m, imp.Table, imp.Year, imp.Files)
	if err != nil {
		return nil, err
	}
	files := make([]generalist.EconomyFile, 0, len(im.Files))
	for name, b := range im.Files {
		files = append(files, generalist.EconomyFile{Name: name, Table: im.Table, Year: im.Year, Data: string(b), Author: imp.Author})
	}
	slices.SortFunc(files, func(x, y generalist.EconomyFile) int { return strings.Compare(x.Name, y.Name) })
	if err := a.Store.ImportEconomyFiles(ctx, files, imp.Replace, checkEconomyFiles); err != nil {
		return nil, err
	}
	a.Changed()
	return im, nil
}

// TableFiles is the Table of an import of a directory of files in the
// loader's layout (EconomyImportDir).
const TableFiles = "files"

// economyFileGlobs are the files a directory import takes: the CSV files
// ImportEconomy writes and budget years' parameter files.
var economyFileGlobs = []string{"skatt_landsgjennomsnitt_*.csv", "inntektsutjevning_*.csv", "rammetilskudd_*.csv", "kostnadsindeks_*.csv", "[0-9][0-9][0-9][0-9].json"}

// ImportEconomyDir imports a directory already in the loader's layout (as
// an earlier `economy import --data DIR` wrote it): its files are checked
// together with what the store holds and stored in one transaction. It
// returns the names stored.
func (a *App) ImportEconomyDir(ctx context.Context, dir fs.FS, replace bool, author string) ([]string, error) {
	var files []generalist.EconomyFile
	for _, glob := range economyFileGlobs {
		names, err := fs.Glob(dir, glob)
		if err != nil {
			return nil, err
		}
		for _, name := range names {
			b, err := fs.ReadFile(dir, name)
			if err != nil {
				return nil, generalist.Errorf(generalist.EINVALID, "%s: %v", name, err)
			}
			files = append(files, generalist.EconomyFile{Name: name, Table: TableFiles, Year: fileYear(name), Data: string(b), Author: author})
		}
	}
	if len(files) == 0 {
		return nil, generalist.Errorf(generalist.EINVALID, "the directory holds no economy tables (%s)", strings.Join(economyFileGlobs, ", "))
	}
	// The files are checked together with what is stored, as the model
	// will read them, inside the store's transaction.
	if err := a.Store.ImportEconomyFiles(ctx, files, replace, checkEconomyFiles); err != nil {
		return nil, err
	}
	a.Changed()
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = f.Name
	}
	return names, nil
}

// fileYear is the budget year in a file's name (rammetilskudd_2025.csv,
// 2025.json), 0 when it has none.
func fileYear(name string) int {
	base := strings.TrimSuffix(name, path.Ext(name))
	if i := strings.LastIndexByte(base, '_'); i >= 0 {
		base = base[i+1:]
	}
	y, err := strconv.Atoi(base)
	if err != nil {
		return 0
	}
	return y
}
