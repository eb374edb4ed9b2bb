package refdata

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"fmt"
	"io/fs"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing/fstest"

	"generalist"
	"generalist/economy"
)

// Tables an analyst can import with ImportEconomy.
const (
	// TableGrants is Grønt hefte tables 1-k and 2-k of a budget year (two
	// ODS, XLSX or CSV files, in either order), or one CSV in the layout
	// of inntektssystem_rammetilskudd_utvalg_2024_2025.csv.
	TableGrants = "grants"
	// TableSettlement is KDD's income-equalisation settlement
	// (internettinntektsutj_<year>kom.xlsx), or a CSV in the layout of
	// inntektssystem_inntektsutjevning_utvalg_2015_2025.csv.
	TableSettlement = "settlement"
	// TableCostIndex is Grønt hefte table A-k, or a CSV with the columns
	// kommunenummer, kommunenavn, budsjettaar, kostnadsindeks.
	TableCostIndex = "cost-index"
)

// ImportTables lists the tables ImportEconomy knows.
var ImportTables = []string{TableGrants, TableSettlement, TableCostIndex}

// SourceFile is a file an analyst imports.
type SourceFile struct {
	Name string
	Data []byte
}

// Imported is what ImportEconomy made of the ministry's files: CSV files
// in the layouts OverlayEconomy reads, to be written to the analyst's
// data directory, and notes on how the columns were recognised.
type Imported struct {
	Table string            `json:"table"`
	Year  int               `json:"year"`
	Rows  int               `json:"rows"`
	Files map[string][]byte `json:"-"`
	Notes []string          `json:"notes"`
}

// Names of the files ImportEconomy writes and OverlayEconomy reads.
func grantsName(year int) string      { return fmt.Sprintf("rammetilskudd_%d.csv", year) }
func settlementName(year int) string  { return fmt.Sprintf("inntektsutjevning_%d.csv", year) }
func nationalTaxName(year int) string { return fmt.Sprintf("skatt_landsgjennomsnitt_%d.csv", year) }
func costIndexName(year int) string   { return fmt.Sprintf("kostnadsindeks_%d.csv", year) }

// ImportEconomy reads the ministry's tables for a budget year (2024 or
// later: the tables must use the 2024 municipality numbers) and returns
// them as CSV files for the analyst's data directory. The columns are
// found by their headers, and Notes says which header each came from.
// Every value is checked as the shipped tables are (numbers, known and
// unique municipalities, the 1-k components against the total, the 2-k
// components against 1-k's innbyggertilskudd, the tax share against the
// national average), and the result is parsed once more by the loader.
// Errors name the file, row and column.
func ImportEconomy(base *economy.Model, table string, year int, files []SourceFile) (*Imported, error) {
	if year < 2024 || year > 2100 {
		return nil, generalist.Errorf(generalist.EINVALID, "year %d: imports need tables on the 2024 municipality numbers, from budget year 2024", year)
	}
	if len(files) == 0 {
		return nil, generalist.Errorf(generalist.EINVALID, "no file to import")
	}
	sheets := make([]*sheet, len(files))
	for i, f := range files {
		s, err := readSheet(f.Name, f.Data)
		if err != nil {
			return nil, err
		}
		sheets[i] = s
	}
	im := &Imported{Table: table, Year: year, Files: map[string][]byte{}}
	var err error
	switch table {
	case TableGrants:
		err = importGrants(base.Data, im, sheets, files)
	case TableSettlement:
		err = importSettlement(base.Data, im, sheets, files)
	case TableCostIndex:
		err = importCostIndex(base.Data, im, sheets, files)
	default:
		return nil, generalist.Errorf(generalist.EINVALID, "unknown table %q (known: %s)", table, strings.Join(ImportTables, ", "))
	}
	if err != nil {
		return nil, err
	}
	// The loader must accept what was written.
	fsys := fstest.MapFS{}
	for name, b := range im.Files {
		fsys[name] = &fstest.MapFile{Data: b}
	}
	check := &economy.Model{Params: economy.ParamSet{}, Data: economy.NewData()}
	check.Data.Overlay(base.Data)
	if err := OverlayEconomy(check, fsys); err != nil {
		return nil, err
	}
	return im, nil
}

// shippedLayout reports whether a sheet is a CSV with exactly the given
// header.
func shippedLayout(s *sheet, cols []string) bool {
	if len(s.rows) == 0 || len(s.rows[0]) != len(cols) {
		return false
	}
	for i, c := range cols {
		if s.rows[0][i].text != c {
			return false
		}
	}
	return true
}

// copyShipped validates a CSV in a shipped layout for one year and returns
// its bytes.
func copyShipped(s *sheet, f SourceFile, yearCol string, year int) ([]byte, int, error) {
	col := slices.IndexFunc(s.rows[0], func(c sheetCell) bool { return c.text == yearCol })
	n := 0
	for i, row := range s.rows[1:] {
		if len(row) == 0 {
			continue
		}
		if col < len(row) && row[col].text != strconv.Itoa(year) {
			return nil, 0, generalist.Errorf(generalist.EINVALID, "%s: %s is %q, not the year imported (%d)", s.where(i+1, col), yearCol, row[col].text, year)
		}
		n++
	}
	return bytes.TrimPrefix(f.Data, []byte("\xef\xbb\xbf")), n, nil
}

// header is a recognised header row: the column of the municipality and a
// normalised label per column (the header row joined with the row above,
// for headers set over two rows).
type header struct {
	row    int
	knrCol int
	labels []string
	texts  []string
}

// findHeader finds the first row with a municipality column ("kommune",
// "knr", "kommunenr") and a column whose label contains every needle.
func findHeader(s *sheet, needles ...string) (*header, bool) {
	for r, row := range s.rows {
		knr := -1
		for c, cell := range row {
			l := label(cell.text)
			if l == "kommune" || l == "knr" || l == "kommunenr" || l == "kommunenummer" || l == "kommune nr" {
				knr = c
				break
			}
		}
		if knr < 0 {
			continue
		}
		h := &header{row: r, knrCol: knr}
		for c, cell := range row {
			t := cell.text
			if r > 0 {
				if above := s.cell(r-1, c).text; above != "" && above != t {
					t = above + " " + t
				}
			}
			h.labels = append(h.labels, label(t))
			h.texts = append(h.texts, strings.Join(strings.Fields(t), " "))
		}
		if h.find(needles, nil) >= 0 {
			return h, true
		}
	}
	return nil, false
}

// find returns the first column whose label contains every needle and no
// word of exclude, or -1.
func (h *header) find(needles, exclude []string) int {
	for c, l := range h.labels {
		if c == h.knrCol {
			continue
		}
		ok := true
		for _, n := range needles {
			ok = ok && strings.Contains(l, n)
		}
		for _, x := range exclude {
			ok = ok && !strings.Contains(l, x)
		}
		if ok {
			return c
		}
	}
	return -1
}

// column is one wanted column of a ministry table.
type column struct {
	field    string     // our column name
	needles  [][]string // alternatives, each a set of words that must all appear
	exclude  []string
	optional bool
}

// columns finds every wanted column under h, or fails naming the first
// missing one and the headers there are.
func (h *header) columns(s *sheet, want []column, notes *[]string) (map[string]int, error) {
	out := map[string]int{}
	for _, w := range want {
		col := -1
		for _, n := range w.needles {
			if col = h.find(n, w.exclude); col >= 0 {
				break
			}
		}
		if col < 0 {
			if w.optional {
				*notes = append(*notes, fmt.Sprintf("%s: no %s column (left empty)", s.name, w.field))
				continue
			}
			var heads []string
			for _, t := range h.texts {
				if t != "" {
					heads = append(heads, strconv.Quote(t))
				}
			}
			return nil, generalist.Errorf(generalist.EINVALID, "%s: no column for %s among the headers of row %d (%s)", s.name, w.field, h.row+1, strings.Join(heads, ", "))
		}
		out[w.field] = col
		*notes = append(*notes, fmt.Sprintf("%s: %s ← %q (column %s)", s.name, w.field, h.texts[col], columnName(col)))
	}
	return out, nil
}

var knrPattern = regexp.MustCompile(`^\s*(\d{1,4})(?:\s+(.*))?$`)

// muniRow is a data row of a ministry table.
type muniRow struct {
	row  int
	num  generalist.MunicipalityNumber
	name string
}

// municipalityRows returns the rows below h whose municipality cell holds
// a municipality number ("1111", "1111 Sokndal", or 1111 as a number),
// failing on a number not in the 2024 structure or given twice. Rows
// without a number (headings, "Landet", sums) are skipped, and so are the
// codes the region rule skips (generalist.ClassifyRegion: "0 Hele
// landet", 9999 and the like), with a note.
func municipalityRows(d *economy.Data, s *sheet, h *header, notes *[]string) ([]muniRow, error) {
	var out []muniRow
	seen := map[generalist.MunicipalityNumber]int{}
	for r := h.row + 1; r < len(s.rows); r++ {
		c := s.cell(r, h.knrCol)
		text := c.text
		if c.num != nil {
			if *c.num != math.Trunc(*c.num) {
				continue
			}
			text = strconv.Itoa(int(*c.num))
		}
		m := knrPattern.FindStringSubmatch(text)
		if m == nil {
			continue
		}
		num := generalist.MunicipalityNumber(fmt.Sprintf("%04s", m[1]))
		if _, skip, _ := generalist.ClassifyRegion(string(num)); skip != "" {
			*notes = append(*notes, fmt.Sprintf("%s: %s skipped (%s)", s.where(r, h.knrCol), strings.TrimSpace(text), skip))
			continue
		}
		if _, ok := d.Names[num]; !ok {
			return nil, generalist.Errorf(generalist.EINVALID, "%s: kommune %s is not in the 2024 structure", s.where(r, h.knrCol), num)
		}
		if prev, dup := seen[num]; dup {
			return nil, generalist.Errorf(generalist.EINVALID, "%s: kommune %s appears twice (also row %d)", s.where(r, h.knrCol), num, prev+1)
		}
		seen[num] = r
		name := strings.TrimSpace(m[2])
		if name == "" {
			name = strings.TrimSpace(s.cell(r, h.knrCol+1).text)
		}
		if name == "" || knrPattern.MatchString(name) {
			name = d.Names[num]
		}
		out = append(out, muniRow{row: r, num: num, name: name})
	}
	if len(out) == 0 {
		return nil, generalist.Errorf(generalist.EINVALID, "%s: no municipality rows below the header in row %d", s.name, h.row+1)
	}
	return out, nil
}

func sourceTag(f SourceFile) string {
	sum := sha256.Sum256(f.Data)
	return f.Name + " sha256:" + hex.EncodeToString(sum[:6])
}

func formatFloat(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// writeCSV writes a table in the layout the economy loader reads back.
// It is the store's own format, never opened in a spreadsheet, so its
// cells are written as they are (not defused like the CSV files users
// download: generalist.NewCSVWriter).
func writeCSV(header []string, rows [][]string) []byte {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write(header)
	w.WriteAll(rows)
	return buf.Bytes()
}

var (
	oneK = []column{
		{field: "innbyggertilskudd", needles: [][]string{{"innbyggertilsk"}}},
		{field: "distriktstilskudd_sor_norge", needles: [][]string{{"distrikt", "sor"}}},
		{field: "distriktstilskudd_nord_norge", needles: [][]string{{"distrikt", "nord"}, {"nord norge"}, {"namdal"}}},
		{field: "regionsentertilskudd", needles: [][]string{{"regionsenter"}}, optional: true},
		{field: "veksttilskudd", needles: [][]string{{"vekst"}}},
		{field: "storbytilskudd", needles: [][]string{{"storby"}}},
		{field: "skjonnstilskudd", needles: [][]string{{"skjonn"}}},
	}
	twoK = []column{
		{field: "innbyggertilskudd_lik_sum", needles: [][]string{{"innbygg", "for omfordeling"}, {"likt belop"}}},
		{field: "utgiftsutjevning", needles: [][]string{{"utgiftsutjevning"}}},
		{field: "saerskilt_fordeling", needles: [][]string{{"saerskil"}}},
		{field: "inntektsgarantiordning", needles: [][]string{{"garanti"}}, exclude: []string{"innbygg"}},
	}
)

func importGrants(d *economy.Data, im *Imported, sheets []*sheet, files []SourceFile) error {
	year := im.Year
	if len(sheets) == 1 && shippedLayout(sheets[0], grantCols) {
		b, n, err := copyShipped(sheets[0], files[0], "budsjettaar", year)
		if err != nil {
			return err
		}
		im.Files[grantsName(year)], im.Rows = b, n
		return nil
	}
	if len(sheets) != 2 {
		return generalist.Errorf(generalist.EINVALID, "the grants need two files, Grønt hefte tables 1-k and 2-k (or one CSV in the shipped layout); got %d", len(sheets))
	}
	yr := strconv.Itoa(year)
	var h1, h2 *header
	var s1, s2 *sheet
	var f1, f2 SourceFile
	for i, s := range sheets {
		if h, ok := findHeader(s, "rammetilsk", yr); ok && h1 == nil {
			h1, s1, f1 = h, s, files[i]
		} else if h, ok := findHeader(s, "utgiftsutjevning"); ok && h2 == nil {
			h2, s2, f2 = h, s, files[i]
		}
	}
	if h1 == nil {
		return generalist.Errorf(generalist.EINVALID, "neither file looks like table 1-k: no header row with a municipality column and \"Rammetilskudd %d\"", year)
	}
	if h2 == nil {
		return generalist.Errorf(generalist.EINVALID, "%s is table 1-k, but the other file does not look like table 2-k: no header row with a municipality column and \"Utgiftsutjevning\"", s1.name)
	}
	c1, err := h1.columns(s1, oneK, &im.Notes)
	if err != nil {
		return err
	}
	c1["rammetilskudd_uten_inntektsutjevning"] = h1.find([]string{"rammetilsk", yr}, nil)
	im.Notes = append(im.Notes, fmt.Sprintf("%s: rammetilskudd_uten_inntektsutjevning ← %q (column %s)", s1.name, h1.texts[c1["rammetilskudd_uten_inntektsutjevning"]], columnName(c1["rammetilskudd_uten_inntektsutjevning"])))
	c2, err := h2.columns(s2, twoK, &im.Notes)
	if err != nil {
		return err
	}
	rows1, err := municipalityRows(d, s1, h1, &im.Notes)
	if err != nil {
		return err
	}
	rows2, err := municipalityRows(d, s2, h2, &im.Notes)
	if err != nil {
		return err
	}
	by2 := map[generalist.MunicipalityNumber]muniRow{}
	for _, r := range rows2 {
		by2[r.num] = r
	}
	tag := sourceTag(f1) + "; " + sourceTag(f2)
	var out [][]string
	for _, r := range rows1 {
		r2, ok := by2[r.num]
		if !ok {
			return generalist.Errorf(generalist.EINVALID, "%s: kommune %s is in table 1-k but not in table 2-k (%s)", s1.where(r.row, -1), r.num, s2.name)
		}
		delete(by2, r.num)
		v := map[string]*float64{}
		for field, col := range c1 {
			if v[field], err = s1.number(r.row, col); err != nil {
				return err
			}
		}
		for field, col := range c2 {
			if v[field], err = s2.number(r2.row, col); err != nil {
				return err
			}
		}
		for _, f := range []string{"innbyggertilskudd", "innbyggertilskudd_lik_sum", "rammetilskudd_uten_inntektsutjevning"} {
			if v[f] == nil {
				col, s, row := c1[f], s1, r.row
				if _, in2 := c2[f]; in2 {
					col, s, row = c2[f], s2, r2.row
				}
				return generalist.Errorf(generalist.EINVALID, "%s: %s is empty", s.where(row, col), f)
			}
		}
		get := func(f string) float64 {
			if v[f] == nil {
				return 0
			}
			return *v[f]
		}
		// 2-k's parts add up to 1-k's innbyggertilskudd, and 1-k's parts to its total.
		parts2 := get("innbyggertilskudd_lik_sum") + get("utgiftsutjevning") + get("saerskilt_fordeling") + get("inntektsgarantiordning")
		if math.Abs(parts2-get("innbyggertilskudd")) > grantTolerance {
			return generalist.Errorf(generalist.EINVALID, "%s: kommune %s: the 2-k parts add up to %.1f, but 1-k's innbyggertilskudd is %s (%s)",
				s2.where(r2.row, -1), r.num, parts2, formatFloat(get("innbyggertilskudd")), s1.where(r.row, c1["innbyggertilskudd"]))
		}
		parts1 := get("innbyggertilskudd") + get("distriktstilskudd_sor_norge") + get("distriktstilskudd_nord_norge") + get("regionsentertilskudd") +
			get("veksttilskudd") + get("storbytilskudd") + get("skjonnstilskudd")
		if math.Abs(parts1-get("rammetilskudd_uten_inntektsutjevning")) > grantTolerance {
			return generalist.Errorf(generalist.EINVALID, "%s: kommune %s: the 1-k parts add up to %.1f, not the total %s",
				s1.where(r.row, c1["rammetilskudd_uten_inntektsutjevning"]), r.num, parts1, formatFloat(get("rammetilskudd_uten_inntektsutjevning")))
		}
		row := []string{string(r.num), r.name, yr}
		for _, f := range grantCols[3 : len(grantCols)-1] {
			switch {
			case f == "regionsentertilskudd" && v[f] == nil:
				row = append(row, "")
			default:
				row = append(row, formatFloat(get(f)))
			}
		}
		out = append(out, append(row, tag))
	}
	for n, r := range by2 {
		return generalist.Errorf(generalist.EINVALID, "%s: kommune %s is in table 2-k but not in table 1-k (%s)", s2.where(r.row, -1), n, s1.name)
	}
	im.Files[grantsName(year)] = writeCSV(grantCols, out)
	im.Rows = len(out)
	return nil
}

func importSettlement(d *economy.Data, im *Imported, sheets []*sheet, files []SourceFile) error {
	year := im.Year
	if len(sheets) != 1 {
		return generalist.Errorf(generalist.EINVALID, "the settlement is one file; got %d", len(sheets))
	}
	s, f := sheets[0], files[0]
	if shippedLayout(s, settlementCols) {
		b, n, err := copyShipped(s, f, "aar", year)
		if err != nil {
			return err
		}
		im.Files[settlementName(year)], im.Rows = b, n
		im.Notes = append(im.Notes, "the national average must already be loaded for the year (a shipped year, or an earlier import of KDD's file)")
		return nil
	}
	if m := regexp.MustCompile(`(20\d\d)kom`).FindStringSubmatch(f.Name); m != nil && m[1] != strconv.Itoa(year) {
		return generalist.Errorf(generalist.EINVALID, "%s: the file name says %s, but the import is for %d", f.Name, m[1], year)
	}
	// KDD's layout: "Knr" over column A; a row numbering the columns, with
	// 3 over E (tax per inhabitant) and 9 over K (net equalisation per
	// inhabitant); then one row per municipality: D population on 1
	// January, F tax as a percentage of the national average.
	hdr, numbers := -1, -1
	for r := range s.rows {
		if hdr < 0 && strings.HasPrefix(label(s.cell(r, 0).text), "knr") {
			hdr = r
		}
		if hdr >= 0 && numbers < 0 && cellIs(s, r, 4, 3) && cellIs(s, r, 10, 9) {
			numbers = r
			break
		}
	}
	if hdr < 0 || numbers < 0 {
		return generalist.Errorf(generalist.EINVALID, "%s: not KDD's settlement layout (a \"Knr\" header over column A and a row numbering the columns with 3 over E and 9 over K)", s.name)
	}
	im.Notes = append(im.Notes, fmt.Sprintf("%s: KDD layout (header row %d, column numbers in row %d): population ← D, tax per inhabitant ← E, share of average ← F, net equalisation per inhabitant ← K", s.name, hdr+1, numbers+1))
	h := &header{row: numbers, knrCol: 0}
	rows, err := municipalityRows(d, s, h, &im.Notes)
	if err != nil {
		return err
	}
	var out [][]string
	avgMin, avgMax := math.Inf(1), math.Inf(-1)
	vals := make([][4]float64, len(rows))
	for i, r := range rows {
		for j, col := range []int{3, 4, 5, 10} {
			v, err := s.number(r.row, col)
			if err != nil {
				return err
			}
			if v == nil {
				return generalist.Errorf(generalist.EINVALID, "%s: empty", s.where(r.row, col))
			}
			vals[i][j] = *v
		}
		pop, tax, pct := vals[i][0], vals[i][1], vals[i][2]
		if pop <= 0 || pop != math.Trunc(pop) {
			return generalist.Errorf(generalist.EINVALID, "%s: %s is not a population", s.where(r.row, 3), formatFloat(pop))
		}
		if tax <= 0 || pct <= 0 {
			return generalist.Errorf(generalist.EINVALID, "%s: tax %s and share %s must be positive", s.where(r.row, 4), formatFloat(tax), formatFloat(pct))
		}
		a := tax * 100 / pct
		avgMin, avgMax = math.Min(avgMin, a), math.Max(avgMax, a)
	}
	// Every row's tax ÷ share gives the national average; they must agree.
	if avgMax-avgMin > 0.01 {
		return generalist.Errorf(generalist.EINVALID, "%s: tax ÷ share of the average gives national averages from %.2f to %.2f; they must agree", s.name, avgMin, avgMax)
	}
	avg := generalist.RoundOre((avgMin + avgMax) / 2)
	if old, ok := d.NationalTax[year]; ok && math.Abs(old-avg) > 0.01 {
		return generalist.Errorf(generalist.EINVALID, "%s: the national average is %.2f, but %.2f is already loaded for %d", s.name, avg, old, year)
	}
	yr := strconv.Itoa(year)
	for i, r := range rows {
		v := vals[i]
		out = append(out, []string{string(r.num), r.name, yr, formatFloat(v[0]), formatFloat(v[1]), strconv.FormatFloat(v[1]/avg*100, 'f', 4, 64), formatFloat(v[3]), "KDD"})
	}
	im.Files[nationalTaxName(year)] = writeCSV(nationalTaxCols, [][]string{{yr, strconv.FormatFloat(avg, 'f', 2, 64), sourceTag(f)}})
	im.Files[settlementName(year)] = writeCSV(settlementCols, out)
	im.Rows = len(out)
	im.Notes = append(im.Notes, fmt.Sprintf("national average tax per inhabitant %d: %.2f kr (tax ÷ share, every row agreeing within 0.01)", year, avg))
	return nil
}

func cellIs(s *sheet, row, col int, want float64) bool {
	v, err := s.number(row, col)
	return err == nil && v != nil && *v == want
}

func importCostIndex(d *economy.Data, im *Imported, sheets []*sheet, files []SourceFile) error {
	year := im.Year
	if len(sheets) != 1 {
		return generalist.Errorf(generalist.EINVALID, "the cost index is one file; got %d", len(sheets))
	}
	s, f := sheets[0], files[0]
	if shippedLayout(s, costIndexCols) {
		b, n, err := copyShipped(s, f, "budsjettaar", year)
		if err != nil {
			return err
		}
		im.Files[costIndexName(year)], im.Rows = b, n
		return nil
	}
	// Table A-k's layout was not available to check against; the index
	// column is recognised by its header, and the note says which it was.
	h, ok := findHeader(s, "indeks")
	if !ok {
		return generalist.Errorf(generalist.EINVALID, "%s: no header row with a municipality column and an index column (\"Kostnadsindeks\", \"Indeks\"); convert the table to a CSV with kommunenummer, kommunenavn, budsjettaar, kostnadsindeks", s.name)
	}
	cols, err := h.columns(s, []column{{field: "kostnadsindeks", needles: [][]string{{"kostnadsindeks"}, {"utgiftsbehovsindeks"}, {"samlet", "indeks"}, {"indeks"}}}}, &im.Notes)
	if err != nil {
		return err
	}
	rows, err := municipalityRows(d, s, h, &im.Notes)
	if err != nil {
		return err
	}
	yr := strconv.Itoa(year)
	var out [][]string
	missing := generalist.MissingCells{}
	for _, r := range rows {
		col := cols["kostnadsindeks"]
		if c := s.cell(r.row, col); c.num == nil && generalist.IsMissingMarker(c.text) {
			// A municipality without an index has none from this file:
			// no data, never 0 (decision 0011).
			missing.Add(strings.TrimSpace(c.text))
			im.Notes = append(im.Notes, fmt.Sprintf("%s: no index for kommune %s (%q, left out)", s.where(r.row, col), r.num, strings.TrimSpace(c.text)))
			continue
		}
		v, err := s.number(r.row, col)
		if err != nil {
			return err
		}
		if v == nil {
			missing.Add(generalist.MarkerEmpty)
			im.Notes = append(im.Notes, fmt.Sprintf("%s: no index for kommune %s (left out)", s.where(r.row, col), r.num))
			continue
		}
		if *v <= 0 || *v > 10 {
			return generalist.Errorf(generalist.EINVALID, "%s: %s is not a cost index (1 is the national average)", s.where(r.row, cols["kostnadsindeks"]), formatFloat(*v))
		}
		out = append(out, []string{string(r.num), r.name, yr, formatFloat(*v)})
	}
	if missing.Total() > 0 {
		im.Notes = append(im.Notes, fmt.Sprintf("%s: %s; those municipalities have no index from this file", s.name, missing))
	}
	if len(out) == 0 {
		return generalist.Errorf(generalist.EINVALID, "%s: no municipality has an index (%s)", s.name, missing)
	}
	im.Files[costIndexName(year)] = writeCSV(costIndexCols, out)
	im.Rows = len(out)
	return nil
}

// OverlayEconomy reads an analyst's data directory — the CSV files
// ImportEconomy writes and any <year>.json parameter files — and lays it
// over m: its rows replace the rows of the same municipality and year,
// and its parameter files replace whole years. Each file is checked as
// the shipped ones are.
func OverlayEconomy(m *economy.Model, fsys fs.FS) error {
	o := economy.NewData()
	o.Names, o.Population = m.Data.Names, m.Data.Population
	for y, v := range m.Data.NationalTax {
		o.NationalTax[y] = v
	}
	type kind struct {
		glob   string
		source string
		parse  func(fs.FS, string, *economy.Data) error
	}
	for _, k := range []kind{
		{"skatt_landsgjennomsnitt_*.csv", "national_tax", parseNationalTax},
		{"inntektsutjevning_*.csv", "settlements", parseSettlements},
		{"rammetilskudd_*.csv", "grants", parseGrants},
		{"kostnadsindeks_*.csv", "cost_index", parseCostIndexLong},
	} {
		names, err := fs.Glob(fsys, k.glob)
		if err != nil {
			return err
		}
		for _, name := range names {
			if err := k.parse(fsys, name, o); err != nil {
				return err
			}
		}
		if len(names) > 0 {
			o.Sources[k.source] = "Importert av analytiker: " + strings.Join(names, ", ")
		}
	}
	ps, err := ParseParamDir(fsys, ".")
	if err != nil {
		return err
	}
	m.Data.Overlay(o)
	for y, p := range ps {
		m.Params[y] = p
	}
	return nil
}
