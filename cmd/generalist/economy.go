package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"

	"generalist"
	"generalist/app"
	"generalist/economy"
	"generalist/internal/nbfmt"
	"generalist/refdata"
)

const economyHelp = `Usage: generalist economy <command> [flags]

The income system (inntektssystemet) as a model: income equalisation, the
block grant by component, and what a merger does to the money. Parameters
come from data/economy/<year>.json (2015–2025), each with its source; the
shipped tables are a sample of 7 municipalities (Oslo, Sokndal, Lund, Time,
Kvitsøy, Bokn, Bergen). What the data do not give is "no data".

Commands:
  show     --municipality NUMBER --year YEAR [--json]   a municipality's money
  merge    --members A,B[,C…] --year YEAR [--json]      a merger's 20-year effect
  check    [--json]                   computed income equalisation against KDD's settlements
  params   --year YEAR [--json]       the parameters of a budget year with their sources
  import   --table T --year YEAR FILE…   read the ministry's tables into the store
           (T: grants = Grønt hefte 1-k and 2-k, two files; settlement = KDD's
           internettinntektsutj_<year>kom.xlsx; cost-index = Grønt hefte A-k)
  list     [--json]                   the imported tables: name, table, year, who, when
  remove   NAME…                      remove imported tables (the shipped sample shows again)

Every command reads the model of the store (--db, or DATABASE_URL): the
shipped tables with the tables analysts imported laid over them.
`

func runEconomy(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return dispatch(ctx, "economy", economyHelp, "economy: no command given", map[string]command{
		"show": runEconomyShow, "merge": runEconomyMerge, "check": runEconomyCheck, "params": runEconomyParams,
		"import": runEconomyImport, "list": runEconomyList, "remove": runEconomyRemove,
	}, args, stdout, stderr)
}

// economyFlags registers the flags every economy command has.
func economyFlags(name string, stderr io.Writer, help string) (*flag.FlagSet, *string, *bool) {
	fs := newFlagSet("economy "+name, help, stderr)
	dbPath := dbFlag(fs)
	asJSON := fs.Bool("json", false, "print JSON")
	return fs, dbPath, asJSON
}

// loadEconomy returns the income-system model of the store: the shipped
// sample with the imported tables laid over it (app.Economy).
func loadEconomy(ctx context.Context, dbPath string) (*economy.Model, error) {
	a, closeStore, err := openApp(ctx, dbPath)
	if err != nil {
		return nil, err
	}
	defer closeStore()
	return a.Economy(ctx)
}

func yearFlag(name string, y int) error {
	if y == 0 {
		return usageError(fmt.Sprintf("economy %s: --year is required (a budget year, e.g. 2025)", name))
	}
	return nil
}

const economyShowHelp = `Usage: generalist economy show --municipality NUMBER --year YEAR [--json] [--db PATH]

A municipality's money in a budget year: tax and income equalisation (computed
with the year's rules, next to KDD's final settlement), the block grant by
component (Grønt hefte 1-k/2-k), the cost index, and free income. Fields
without data are null in --json and listed in "missing" with the reason.

Flags:
`

func runEconomyShow(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, dbPath, asJSON := economyFlags("show", stderr, economyShowHelp)
	num := fs.String("municipality", "", "kommunenummer (`number`), e.g. 1111")
	year := fs.Int("year", 0, "budget `year`")
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	n, err := generalist.ParseMunicipalityNumber(*num)
	if err != nil {
		return usageError("economy show: --municipality: " + generalist.ErrorMessage(err))
	}
	if err := yearFlag("show", *year); err != nil {
		return err
	}
	a, closeStore, err := openApp(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer closeStore()
	s, err := a.MunicipalityEconomy(ctx, n, *year)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(stdout, s)
	}
	return printStatement(stdout, s)
}

// kr, krp, krWhole and personsp write the economy's figures as the CLI
// writes numbers (nbfmt.Terminal); a missing figure is "no data".
func kr(v float64) string { return nbfmt.Terminal.Decimal(v, 2) }

func krp(k *generalist.Kroner) string {
	if k == nil {
		return "no data"
	}
	return nbfmt.Terminal.Kroner(float64(*k), 2)
}

// krWhole formats a total in whole kroner.
func krWhole(k *generalist.Kroner) string {
	if k == nil {
		return "no data"
	}
	return nbfmt.Terminal.Kroner(float64(*k), 0)
}

func personsp(p *generalist.Persons) string {
	if p == nil {
		return "no data"
	}
	return nbfmt.Terminal.Int(int64(*p))
}

func printStatement(w io.Writer, s *economy.Statement) error {
	fmt.Fprintf(w, "%s %s, budget year %d\n\n", s.Municipality, s.Name, s.Year)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	row := func(label, value string) { fmt.Fprintf(tw, "%s\t%s\n", label, value) }
	row("Inhabitants 1 January", personsp(s.Population))
	row(fmt.Sprintf("Inhabitants 1 July %d (from 2-k)", s.Year-1), personsp(s.PopulationBasis))
	tax := krp(s.TaxPerInhabitant)
	if s.TaxSharePct != nil && s.NationalAverageTax != nil {
		tax += fmt.Sprintf(" (%s of the national %s)", nbfmt.Terminal.Percent(*s.TaxSharePct, 2), krp(s.NationalAverageTax))
	}
	row("Tax per inhabitant", tax)
	if e := s.IncomeEqualisation; e != nil {
		row("Income equalisation per inhabitant", fmt.Sprintf("%s = symmetric %s + additional %s − deduction %s",
			krp(&e.Net), kr(float64(e.Symmetric)), kr(float64(e.Additional)), kr(-float64(e.Deduction))))
		if s.PublishedIncomeEqualisation != nil {
			row("  KDD's final settlement", fmt.Sprintf("%s (computed − KDD: %+.4f kr)", krp(s.PublishedIncomeEqualisation), *s.IncomeEqualisationDifference))
		}
	} else {
		row("Income equalisation per inhabitant", "no data")
	}
	row("Tax, total", krWhole(s.Tax))
	row("Income equalisation, total", krWhole(s.IncomeEqualisationTotal))
	if s.CostIndex != nil {
		row("Cost index", strconv.FormatFloat(*s.CostIndex, 'f', -1, 64))
	} else {
		row("Cost index", "no data")
	}
	row("Expenditure equalisation per inhabitant (cost index)", krp(s.ExpenditureEqualisationPerInhabitant))
	row("Innbyggertilskudd per inhabitant", krp(s.PerInhabitantRate))
	if g := s.BlockGrant; g != nil {
		row("Block grant (Grønt hefte 1-k/2-k):", "")
		for _, c := range grantLines(g) {
			if c.v == nil {
				row("  "+c.label, "none (no such grant in table 1-k this year)")
				continue
			}
			row("  "+c.label, krWhole(c.v))
		}
	} else {
		row("Block grant (Grønt hefte 1-k/2-k)", "no data")
	}
	row("Free income (block grant + tax + income equalisation)", krWhole(s.FreeIncome))
	row("  per inhabitant", krp(s.FreeIncomePerInhabitant))
	if err := tw.Flush(); err != nil {
		return err
	}
	printMissing(w, s.Missing, s.Reasons)
	fmt.Fprintln(w)
	for _, src := range s.Sources {
		fmt.Fprintln(w, src)
	}
	return nil
}

type grantLine struct {
	label string
	v     *generalist.Kroner
}

func grantLines(g *economy.Grants) []grantLine {
	k := func(v generalist.Kroner) *generalist.Kroner { return &v }
	return []grantLine{
		{"Innbyggertilskudd (likt beløp)", k(g.PerInhabitant)},
		{"Utgiftsutjevning", k(g.ExpenditureEqualisation)},
		{"Særskilt fordeling", k(g.SpecialAllocation)},
		{"INGAR", k(g.IncomeGuarantee)},
		{"Distriktstilskudd Sør-Norge", k(g.DistrictSouth)},
		{"Distriktstilskudd Nord-Norge", k(g.DistrictNorth)},
		{"Regionsentertilskudd", g.RegionalCentre}, // nil: no such grant that year
		{"Veksttilskudd", k(g.Growth)},
		{"Storbytilskudd", k(g.Metropolitan)},
		{"Skjønnstilskudd", k(g.Discretionary)},
		{"Rammetilskudd (1-k, without income equalisation)", k(g.Total)},
	}
}

func printMissing(w io.Writer, missing []string, reasons map[string]string) {
	if len(missing) == 0 {
		return
	}
	fmt.Fprintln(w, "\nNo data:")
	for _, m := range missing {
		fmt.Fprintf(w, "  %s: %s\n", m, reasons[m])
	}
}

const economyMergeHelp = `Usage: generalist economy merge --members A,B[,C…] --year YEAR [--json] [--db PATH]

What merging the members does to the money under the income system of the
budget year (frozen in real terms): the components of the block grant and
the income equalisation, separate and merged; the inndelingstilskudd (full
for 15 years, then phased out); and the change year by year. Parts without
data or parameters are listed with the reason, never filled in.

Flags:
`

func runEconomyMerge(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, dbPath, asJSON := economyFlags("merge", stderr, economyMergeHelp)
	members := fs.String("members", "", "comma-separated kommunenummer of the `municipalities` that merge")
	year := fs.Int("year", 0, "budget `year` the merger takes effect")
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	var nums []generalist.MunicipalityNumber
	for _, s := range strings.Split(*members, ",") {
		if s = strings.TrimSpace(s); s == "" {
			continue
		}
		n, err := generalist.ParseMunicipalityNumber(s)
		if err != nil {
			return usageError("economy merge: --members: " + generalist.ErrorMessage(err))
		}
		nums = append(nums, n)
	}
	if len(nums) < 2 {
		return usageError("economy merge: --members needs at least two municipalities, e.g. --members 1111,1112")
	}
	if err := yearFlag("merge", *year); err != nil {
		return err
	}
	a, closeStore, err := openApp(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer closeStore()
	r, err := a.MergerEconomy(ctx, nums, *year)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(stdout, r)
	}
	return printMerger(stdout, r)
}

func printMerger(w io.Writer, r *economy.Merger) error {
	var names []string
	for _, mem := range r.Members {
		names = append(names, string(mem.Municipality)+" "+mem.Name)
	}
	fmt.Fprintf(w, "Merger of %s under the income system of %d (kroner of %d)\n", strings.Join(names, " + "), r.Year, r.Year)
	fmt.Fprintf(w, "Inhabitants 1 January %d: %s; tax per inhabitant %s\n\n", r.Year, personsp(r.Population), krp(r.TaxPerInhabitant))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "Component\tSeparate\tMerged\tChange\tRule\t")
	for _, c := range r.Components {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t\n", c.ID, krWhole(c.Separate), krWhole(c.Merged), krWhole(c.Change), c.Rule)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	cp := r.Compensation
	fmt.Fprintf(w, "\nInndelingstilskudd: %s (basis %s, regional %s), %d years in full, then −%g a year for %d years\n\n",
		krWhole(cp.Total), krWhole(cp.Basis), krWhole(cp.Regional), cp.FullYears, cp.Step, cp.PhaseOutYears)
	if len(r.Years) > 0 {
		tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "Year\tShare\tInndelingstilskudd\tCompensated net\tIncome equalisation\tRegionsenter\tOne-off\tReform\tSum of known parts\tNot in the sum (no data)\t")
		for _, y := range r.Years {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", y.Year, nbfmt.Terminal.Percent(y.Share*100, 0), krWhole(y.Compensation), krWhole(y.CompensatedNet),
				krWhole(y.IncomeEqualisation), krWhole(y.RegionalCentre), krWhole(y.OneOff), krWhole(y.Reform), krWhole(y.Known), strings.Join(y.Missing, ", "))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	printMissing(w, r.Missing, r.Reasons)
	fmt.Fprintln(w, "\nAssumptions:")
	for _, a := range r.Assumptions {
		fmt.Fprintf(w, "  - %s\n", a.Text)
	}
	fmt.Fprintln(w, "\nParameters:")
	for _, p := range r.Parameters {
		v := "null (" + p.Missing + ")"
		if p.Value != nil {
			v = strconv.FormatFloat(*p.Value, 'f', -1, 64) + " " + p.Unit
		}
		fmt.Fprintf(w, "  %s = %s\n", p.Name, v)
	}
	return nil
}

const economyCheckHelp = `Usage: generalist economy check [--json] [--db PATH]

Computes the net income equalisation per inhabitant of every row of the
settlement table with its year's parameters and compares it with KDD's final
settlement. It fails when a row is off by one øre or more.

Flags:
`

func runEconomyCheck(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, dbPath, asJSON := economyFlags("check", stderr, economyCheckHelp)
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	m, err := loadEconomy(ctx, *dbPath)
	if err != nil {
		return err
	}
	rows, err := economy.Check(m.Params, m.Data)
	if err != nil {
		return err
	}
	var bad []string
	same, worst := 0, 0.0
	for _, r := range rows {
		if math.Abs(r.Difference) >= 0.01 {
			bad = append(bad, fmt.Sprintf("%s %d (off by %.4f kr)", r.Municipality, r.Year, r.Difference))
		}
		if r.SameOre {
			same++
		}
		worst = math.Max(worst, math.Abs(r.Difference))
	}
	if *asJSON {
		if err := writeJSON(stdout, rows); err != nil {
			return err
		}
	} else {
		tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "Municipality\tYear\tTax per inhabitant\tKDD\tComputed\tDifference\t")
		for _, r := range rows {
			fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%.4f\t%+.4f\t\n", r.Municipality, r.Year, kr(r.Tax), kr(r.Published), r.Computed, r.Difference)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "\n%d rows; %d within one øre (largest difference %.4f kr); %d identical after rounding to øre\n", len(rows), len(rows)-len(bad), worst, same)
		// The rows are not an independent test: see /okonomi and the API's
		// in_sample note.
		fmt.Fprintln(stdout, "Note: every year's financing deduction, and the 2025 rates, were fitted to these same rows, so this is an in-sample fit, not an independent check.")
	}
	if len(bad) > 0 {
		return generalist.Errorf(generalist.EINVALID, "%d rows differ from KDD's settlement by one øre or more: %s", len(bad), strings.Join(bad, "; "))
	}
	return nil
}

const economyParamsHelp = `Usage: generalist economy params --year YEAR [--json] [--db PATH]

The income-system parameters of a budget year, each with its value and
source, or the reason it has none.

Flags:
`

func runEconomyParams(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, dbPath, asJSON := economyFlags("params", stderr, economyParamsHelp)
	year := fs.Int("year", 0, "budget `year`")
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	if err := yearFlag("params", *year); err != nil {
		return err
	}
	m, err := loadEconomy(ctx, *dbPath)
	if err != nil {
		return err
	}
	p, err := m.Params.Year(*year)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(stdout, map[string]any{"year": p.Year, "file": p.File, "parameters": p.All()})
	}
	fmt.Fprintf(stdout, "Parameters for budget year %d (%s)\n\n", p.Year, p.File)
	for _, np := range p.All() {
		if np.Value == nil {
			fmt.Fprintf(stdout, "%s = no data\n    %s\n", np.Name, np.Missing)
			continue
		}
		tag := ""
		switch {
		case np.Assumption:
			tag = " [assumption]"
		case np.Derived:
			tag = " [derived]"
		}
		fmt.Fprintf(stdout, "%s = %s %s%s\n    %s\n", np.Name, strconv.FormatFloat(*np.Value, 'f', -1, 64), np.Unit, tag, np.Source)
	}
	return nil
}

const economyImportHelp = `Usage: generalist economy import --table grants|settlement|cost-index --year YEAR [--replace] FILE…
       generalist economy import --data DIR [--replace]

Reads the ministry's published tables (ODS, XLSX or CSV) for a budget year
from 2024 on, checks every value as strictly as the shipped tables, and
stores them in the store in one transaction. From then on every command
and every server on the same store (serve, scenario eval and compare, the
reports, show, merge, check) uses them:

  grants      Grønt hefte tables 1-k and 2-k (two files, either order)
  settlement  KDD's income-equalisation settlement (internettinntektsutj_<year>kom.xlsx);
              also stores that year's national average tax per inhabitant
  cost-index  Grønt hefte table A-k

A CSV already in the layout of the shipped tables is accepted as well.
--data DIR imports a directory in the layout of the stored files (the CSV
files above and <year>.json parameter files), such as one an earlier
version wrote. A table imported before is only replaced with --replace;
nothing is stored when any check fails.

Flags:
`

func runEconomyImport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, dbPath, asJSON := economyFlags("import", stderr, economyImportHelp)
	table := fs.String("table", "", "`table`: grants, settlement or cost-index")
	year := fs.Int("year", 0, "budget `year` of the tables")
	replace := fs.Bool("replace", false, "replace tables imported before")
	dir := fs.String("data", "", "import a `directory` of tables in the stored layout instead of the ministry's files")
	author := fs.String("author", cliActor(), "who imports (for the record)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if *dir != "" {
		if *table != "" || len(pos) > 0 {
			return usageError("economy import: give either --data DIR or --table with files, not both")
		}
		if st, err := os.Stat(*dir); err != nil || !st.IsDir() {
			return usageError(fmt.Sprintf("economy import: --data %s: not a directory", *dir))
		}
		a, closeStore, err := openApp(ctx, *dbPath)
		if err != nil {
			return err
		}
		defer closeStore()
		names, err := a.ImportEconomyDir(ctx, os.DirFS(*dir), *replace, *author)
		if err != nil {
			return err
		}
		recordCLI(ctx, a.Store, stderr, "economy import", *dir, strings.Join(names, ", "))
		if *asJSON {
			return writeJSON(stdout, map[string]any{"files": names})
		}
		fmt.Fprintf(stdout, "Imported %d files from %s into the store: %s\n", len(names), *dir, strings.Join(names, ", "))
		return nil
	}
	if *table == "" {
		return usageError("economy import: --table is required (grants, settlement or cost-index), or --data DIR")
	}
	if err := yearFlag("import", *year); err != nil {
		return err
	}
	if len(pos) == 0 {
		return usageError("economy import: no file given")
	}
	var files []refdata.SourceFile
	for _, p := range pos {
		b, err := os.ReadFile(p)
		if err != nil {
			return generalist.Errorf(generalist.EINVALID, "%s: %v", p, err)
		}
		files = append(files, refdata.SourceFile{Name: filepath.Base(p), Data: b})
	}
	a, closeStore, err := openApp(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer closeStore()
	im, err := a.ImportEconomy(ctx, app.EconomyImport{Table: *table, Year: *year, Files: files, Replace: *replace, Author: *author})
	if err != nil {
		return err
	}
	names := make([]string, 0, len(im.Files))
	for name := range im.Files {
		names = append(names, name)
	}
	sort.Strings(names)
	recordCLI(ctx, a.Store, stderr, "economy import", *table, fmt.Sprintf("%d: %s", *year, strings.Join(names, ", ")))
	if *asJSON {
		return writeJSON(stdout, map[string]any{"table": im.Table, "year": im.Year, "rows": im.Rows, "files": names, "notes": im.Notes})
	}
	fmt.Fprintf(stdout, "Imported %d municipalities (%s, %d) into the store: %s\n", im.Rows, im.Table, im.Year, strings.Join(names, ", "))
	for _, n := range im.Notes {
		fmt.Fprintf(stdout, "  %s\n", n)
	}
	return nil
}

const economyListHelp = `Usage: generalist economy list [--json] [--db PATH]

The economy tables imported into the store, laid over the shipped sample:
file name, table, budget year, who imported it and when.

Flags:
`

func runEconomyList(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, dbPath, asJSON := economyFlags("list", stderr, economyListHelp)
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	a, closeStore, err := openApp(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer closeStore()
	files, err := a.EconomyFiles(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		if files == nil {
			files = []generalist.EconomyFile{}
		}
		return writeJSON(stdout, map[string]any{"files": files})
	}
	if len(files) == 0 {
		_, err := fmt.Fprintln(stdout, "No economy tables are imported: the shipped sample is used.")
		return err
	}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "Name\tTable\tYear\tImported by\tImported at")
	for _, f := range files {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\n", f.Name, f.Table, f.Year, f.Author, f.ImportedAt.UTC().Format("2006-01-02 15:04 UTC"))
	}
	return tw.Flush()
}

const economyRemoveHelp = `Usage: generalist economy remove NAME… [--db PATH]

Removes imported economy tables by name (see economy list), all or none;
where they covered the shipped sample, the sample shows again.

Flags:
`

func runEconomyRemove(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, dbPath, _ := economyFlags("remove", stderr, economyRemoveHelp)
	names, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(names) == 0 {
		return usageError("economy remove: name the tables to remove (see generalist economy list)")
	}
	a, closeStore, err := openApp(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer closeStore()
	if err := a.RemoveEconomyFiles(ctx, names); err != nil {
		return err
	}
	recordCLI(ctx, a.Store, stderr, "economy remove", strings.Join(names, ", "), "")
	_, err = fmt.Fprintf(stdout, "Removed %s.\n", strings.Join(names, ", "))
	return err
}
