package ssb

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"generalist"
)

// Dataset is what a parsed SSB file holds, converted to domain values.
type Dataset struct {
	Table string // e.g. "07459" when the file says so, else ""
	Title string // the table title without the table number

	// Populations has one entry per municipality and year, sorted by
	// municipality and then year. Structure is left 0: a file does not say
	// which division its codes belong to, so the caller decides.
	Populations []generalist.Population

	// SingleAges is filled only for municipalities and years for which the
	// file has every single-year age 0…105+, summed over sex, sorted by
	// municipality, year and age. Structure is left 0, as above.
	SingleAges []generalist.SingleAge

	// Skipped lists the regions that are not municipalities by the region
	// rule (generalist.ClassifyRegion: the national total, counties,
	// Svalbard, Jan Mayen, the continental shelf, unknown residence).
	// Their values are checked like all others but not converted; they
	// are listed so that nothing is dropped silently.
	Skipped []Skip

	// Missing counts the municipalities' cells without a value, by SSB's
	// symbol (".." and so on, or null in JSON-stat). A population with
	// such a cell is Missing, or has only the totals the file does give
	// (see the package documentation); no figure is made up.
	Missing generalist.MissingCells
	// Zeros counts the municipalities' cells with SSB's "-", which means
	// exactly zero and is read as 0.
	Zeros int

	// Places gives, for each municipality, where the file first names it
	// ("line 7", or a JSON-stat value's flat index and categories), so that
	// an import refusing a number can say where it is.
	Places map[generalist.MunicipalityNumber]string
}

// Skip is a region a file has that is not a municipality.
type Skip = generalist.SkippedRegion

// Limits that keep sums far from overflow and bad files from exhausting
// memory. No municipality, nor Norway, comes near them.
const (
	maxPersons = 10_000_000_000
	maxCells   = 1 << 22 // values, counted before conversion
	maxGroups  = 1 << 18 // municipalities × years
)

// sex is a category of SSB's sex dimension (kjønn).
type sex int

const (
	sexBoth  sex = iota // "0 Begge kjønn", or no sex dimension at all
	sexMen              // "1 Menn"
	sexWomen            // "2 Kvinner"
	numSexes int = iota
)

func (s sex) String() string {
	return [...]string{"both sexes", "men", "women"}[s]
}

// ageTotal is the age category "all ages", also used when a file has no age
// dimension.
const ageTotal = -1

func ageString(a int) string {
	switch a {
	case ageTotal:
		return "all ages"
	case generalist.MaxAge:
		return "age 105+"
	}
	return "age " + strconv.Itoa(a)
}

// cell is one value of the file after its categories have been read.
type cell struct {
	num     generalist.MunicipalityNumber
	year    int
	sex     sex
	age     int // ageTotal or 0…MaxAge
	value   generalist.Persons
	missing bool
	marker  string // SSB's symbol the value was written as ("..", "-"), or ""
	pos     int    // where the value is: a line (CSV) or a flat index (JSON-stat)
	col     int    // column of the value (CSV)
}

// slot holds a cell's value inside its group.
type slot struct {
	set, missing bool
	value        generalist.Persons
	pos, col     int
}

type groupKey struct {
	num  generalist.MunicipalityNumber
	year int
}

// group collects the cells of one municipality and year. The single ages
// are allocated only when the file has them, so that a file of totals costs
// little per municipality and year.
type group struct {
	key     groupKey
	missing bool
	total   [numSexes]slot
	ages    [numSexes]*[generalist.MaxAge + 1]slot
}

func (g *group) slot(s sex, age int) *slot {
	if age == ageTotal {
		return &g.total[s]
	}
	if g.ages[s] == nil {
		g.ages[s] = new([generalist.MaxAge + 1]slot)
	}
	return &g.ages[s][age]
}

// builder turns cells into a Dataset. The parsers feed it and it does the
// checks both formats share, so the two cannot drift apart.
type builder struct {
	where  func(pos, col int) string // names a cell's place in the file, for errors
	groups map[groupKey]*group
	names  map[generalist.MunicipalityNumber]string
	places map[generalist.MunicipalityNumber]string
	skips  map[string]Skip
	cells  int

	missing generalist.MissingCells
	zeros   int

	// unique is set when the parser has already made sure that no two
	// cells can fall on the same slot, as JSON-stat's distinct categories
	// do; missing cells then need not be stored.
	unique bool
}

func newBuilder(where func(pos, col int) string) *builder {
	return &builder{
		where:   where,
		groups:  make(map[groupKey]*group),
		names:   make(map[generalist.MunicipalityNumber]string),
		places:  make(map[generalist.MunicipalityNumber]string),
		skips:   make(map[string]Skip),
		missing: generalist.MissingCells{},
	}
}

func (b *builder) skip(region, label, reason string) error {
	if b.cells++; b.cells > maxCells {
		return b.tooMany()
	}
	s, ok := b.skips[region]
	if !ok {
		s = Skip{Region: region, Label: label, Reason: reason}
	}
	s.Cells++
	b.skips[region] = s
	return nil
}

func (b *builder) tooMany() error {
	return invalidf("more than %d values; download fewer regions or years per file", maxCells)
}

func (b *builder) add(c *cell, label string) error {
	if b.cells++; b.cells > maxCells {
		return b.tooMany()
	}
	k := groupKey{c.num, c.year}
	g := b.groups[k]
	if g == nil {
		if len(b.groups) >= maxGroups {
			return invalidf("more than %d municipalities and years; download fewer per file", maxGroups)
		}
		g = &group{key: k}
		b.groups[k] = g
	}
	if _, ok := b.names[c.num]; !ok {
		b.names[c.num] = label
		b.places[c.num] = b.where(c.pos, c.col)
	}
	switch {
	case c.missing:
		b.missing.Add(c.marker)
	case c.marker == "-":
		b.zeros++
	}
	if c.missing && b.unique {
		g.missing = true
		return nil
	}
	sl := g.slot(c.sex, c.age)
	if sl.set {
		return invalidf("%s: same municipality, year, sex and age as %s (%s, %s, %s)",
			b.where(c.pos, c.col), b.where(sl.pos, sl.col), b.describe(k), c.sex, ageString(c.age))
	}
	*sl = slot{set: true, missing: c.missing, value: c.value, pos: c.pos, col: c.col}
	g.missing = g.missing || c.missing
	return nil
}

// describe names a municipality and year in messages, e.g. "kommune 0301
// Oslo, 2024".
func (b *builder) describe(k groupKey) string {
	if name := b.names[k.num]; name != "" {
		return fmt.Sprintf("kommune %s %s, %d", k.num, name, k.year)
	}
	return fmt.Sprintf("kommune %s, %d", k.num, k.year)
}

func (b *builder) dataset() (*Dataset, error) {
	if b.cells == 0 {
		return nil, invalidf("the file has no values")
	}
	keys := make([]groupKey, 0, len(b.groups))
	for k := range b.groups {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(x, y groupKey) int {
		return cmp.Or(cmp.Compare(x.num, y.num), cmp.Compare(x.year, y.year))
	})
	ds := &Dataset{Populations: make([]generalist.Population, 0, len(keys)),
		Missing: b.missing, Zeros: b.zeros, Places: b.places}
	for _, k := range keys {
		p, singles, err := b.resolve(b.groups[k])
		if err != nil {
			return nil, err
		}
		ds.Populations = append(ds.Populations, p)
		for age, n := range singles {
			ds.SingleAges = append(ds.SingleAges, generalist.SingleAge{
				Year: k.year, Municipality: k.num, Age: age, Persons: n,
			})
		}
	}
	for _, s := range b.skips {
		ds.Skipped = append(ds.Skipped, s)
	}
	slices.SortFunc(ds.Skipped, func(x, y Skip) int { return cmp.Compare(x.Region, y.Region) })
	return ds, nil
}

// resolve computes one municipality's population in one year from its cells.
// It returns the single-year ages (summed over sex) when the file has all of
// them, else nil.
func (b *builder) resolve(g *group) (generalist.Population, []generalist.Persons, error) {
	if g.missing {
		return b.resolveTotals(g)
	}
	p := generalist.Population{Year: g.key.year, Municipality: g.key.num}
	who := b.describe(g.key)

	var (
		total   [numSexes]generalist.Persons
		have    [numSexes]bool
		singles [numSexes][]generalist.Persons
	)
	for s := range numSexes {
		t := &g.total[s]
		n, sum, firstGap := 0, generalist.Persons(0), 0
		if row := g.ages[s]; row != nil {
			firstGap = -1
			for a := range row {
				if row[a].set {
					n++
					sum += row[a].value
				} else if firstGap < 0 {
					firstGap = a
				}
			}
		}
		switch {
		case n == generalist.MaxAge+1:
			if t.set && t.value != sum {
				return p, nil, invalidf("%s, %s: the single-year ages 0–105+ add up to %d, but the total for all ages (%s) is %d",
					who, sex(s), sum, b.where(t.pos, t.col), t.value)
			}
			total[s] = sum
			singles[s] = make([]generalist.Persons, generalist.MaxAge+1)
			for a := range singles[s] {
				singles[s][a] = g.ages[s][a].value
			}
		case n > 0 && !t.set:
			return p, nil, invalidf("%s, %s: the file has %d of the 106 single-year ages 0–105+ (%s is not there) and no total for all ages, so the population would be wrong; download all ages, or the total (alle aldre) as well",
				who, sex(s), n, ageString(firstGap))
		case t.set:
			// Some ages and their total: the total is right, but there
			// are not enough ages for the age groups.
			total[s] = t.value
		default:
			continue
		}
		have[s] = true
	}

	bySex := have[sexMen] && have[sexWomen]
	switch {
	case have[sexBoth]:
		p.Total = total[sexBoth]
		if bySex && total[sexMen]+total[sexWomen] != p.Total {
			both := "both sexes"
			if t := g.total[sexBoth]; t.set {
				both += " (" + b.where(t.pos, t.col) + ")"
			}
			return p, nil, invalidf("%s: men %d + women %d = %d, but %s is %d",
				who, total[sexMen], total[sexWomen], total[sexMen]+total[sexWomen], both, p.Total)
		}
	case bySex:
		p.Total = total[sexMen] + total[sexWomen]
	case have[sexMen], have[sexWomen]:
		only, other := sexMen, sexWomen
		if have[sexWomen] {
			only, other = sexWomen, sexMen
		}
		return p, nil, invalidf("%s: the file has %s but neither %s nor both sexes, so the population would be wrong; download both sexes",
			who, only, other)
	}
	if bySex {
		p.Sex = &generalist.Sex{Men: total[sexMen], Women: total[sexWomen]}
	}

	ages := singles[sexBoth]
	if m, w := singles[sexMen], singles[sexWomen]; m != nil && w != nil {
		if ages == nil {
			ages = make([]generalist.Persons, len(m))
			for a := range ages {
				ages[a] = m[a] + w[a]
			}
		} else {
			for a := range ages {
				if m[a]+w[a] != ages[a] {
					t := g.ages[sexBoth][a]
					return p, nil, invalidf("%s, %s: men %d + women %d = %d, but both sexes (%s) is %d",
						who, ageString(a), m[a], w[a], m[a]+w[a], b.where(t.pos, t.col), ages[a])
				}
			}
		}
	}
	if ages != nil {
		var groups generalist.AgeCounts
		for a, n := range ages {
			ag, _ := generalist.AgeGroupOf(a)
			groups[ag] += n
		}
		p.Ages = &groups
	}

	// Population.Validate needs a structure; any known one will do, since
	// the caller sets the real one later.
	p.Structure = generalist.Structure2024
	err := p.Validate()
	p.Structure = 0
	if err != nil {
		return p, nil, invalidf("%s: %s", who, generalist.ErrorMessage(err))
	}
	return p, ages, nil
}

// resolveTotals computes the population of a group that has a cell
// without a value from the totals for all ages that the file does give:
// the total for both sexes, or men and women. The age groups and single
// ages are left out, since a missing age would make them wrong, and a sum
// with a missing part would look like a real figure; with no such total
// the population is Missing, with Note "mangler".
func (b *builder) resolveTotals(g *group) (generalist.Population, []generalist.Persons, error) {
	p := generalist.Population{Year: g.key.year, Municipality: g.key.num}
	known := func(s sex) (generalist.Persons, bool) {
		t := g.total[s]
		return t.value, t.set && !t.missing
	}
	both, okBoth := known(sexBoth)
	men, okMen := known(sexMen)
	women, okWomen := known(sexWomen)
	switch {
	case okBoth && okMen && okWomen && men+women != both:
		t := g.total[sexBoth]
		return p, nil, invalidf("%s: men %d + women %d = %d, but both sexes (%s) is %d",
			b.describe(g.key), men, women, men+women, b.where(t.pos, t.col), both)
	case okBoth:
		p.Total = both
	case okMen && okWomen:
		p.Total = men + women
	default:
		p.Missing, p.Note = true, generalist.NoteMissing
		return p, nil, nil
	}
	if okMen && okWomen {
		p.Sex = &generalist.Sex{Men: men, Women: women}
	}
	return p, nil, nil
}

func invalidf(format string, args ...any) error {
	return generalist.Errorf(generalist.EINVALID, format, args...)
}

// at puts a place in front of err's user-facing message. Wrapping with %w
// would not do: users see the message of the innermost *generalist.Error,
// which would then not say where the problem is.
func at(where string, err error) error {
	return invalidf("%s: %s", where, generalist.ErrorMessage(err))
}

// dimension is what a column (CSV) or dimension (JSON-stat) stands for.
type dimension int

const (
	dimExtra dimension = iota
	dimRegion
	dimSex
	dimAge
	dimContents
	dimYear
)

// dimensionOf recognises the JSON-stat ids (Region, Kjonn, Alder,
// ContentsCode, Tid) and the CSV headers, Norwegian or English.
func dimensionOf(name string) dimension {
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "region":
		return dimRegion
	case "kjonn", "kjønn", "sex":
		return dimSex
	case "alder", "age":
		return dimAge
	case "contentscode", "statistikkvariabel", "contents":
		return dimContents
	case "tid", "år", "aar", "year", "time":
		return dimYear
	}
	return dimExtra
}

// parseRegion reads a region code such as "0301" or "K-0301" by the region
// rule (generalist.ClassifyRegion). For regions that are not
// municipalities it returns the reason to skip them.
func parseRegion(code string) (num generalist.MunicipalityNumber, skip string, err error) {
	return generalist.ClassifyRegion(code)
}

var sexWords = map[string]sex{
	"0": sexBoth, "begge kjønn": sexBoth, "both sexes": sexBoth,
	"1": sexMen, "menn": sexMen, "mann": sexMen, "males": sexMen, "male": sexMen, "men": sexMen,
	"2": sexWomen, "kvinner": sexWomen, "kvinne": sexWomen, "females": sexWomen, "female": sexWomen, "women": sexWomen,
}

// parseSex reads a sex category from its code and label, either of which may
// be empty. When both are known they must agree.
func parseSex(code, label string) (sex, error) {
	sc, okc := sexWords[strings.ToLower(strings.TrimSpace(code))]
	sl, okl := sexWords[strings.ToLower(strings.TrimSpace(label))]
	switch {
	case okc && okl && sc != sl:
		return 0, invalidf("sex %q: the code says %s, the label %s", strings.TrimSpace(code+" "+label), sc, sl)
	case okc:
		return sc, nil
	case okl:
		return sl, nil
	}
	return 0, invalidf("sex %q: want 1 (menn), 2 (kvinner) or 0 (begge kjønn)", strings.TrimSpace(code+" "+label))
}

var totalAgeWords = map[string]bool{
	"alle aldre": true, "i alt": true, "all ages": true, "total": true, "totalt": true,
}

// parseAge reads an age category: a code such as "000", "104" or "105+", a
// label such as "0 år" or "105 år eller eldre", or the total ("999", "Alle
// aldre"). It tries each candidate (code, then label) in turn.
func parseAge(candidates ...string) (int, error) {
	for _, s := range candidates {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		if totalAgeWords[strings.ToLower(s)] {
			return ageTotal, nil
		}
		tok, _, _ := strings.Cut(s, " ")
		if rest, ok := strings.CutPrefix(tok, "999"); ok && strings.Trim(rest, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == "" {
			return ageTotal, nil
		}
		digits, plus := strings.CutSuffix(tok, "+")
		if digits == "" || len(digits) > 3 || strings.Trim(digits, "0123456789") != "" {
			continue
		}
		n, _ := strconv.Atoi(digits)
		if n > generalist.MaxAge || plus && n != generalist.MaxAge {
			// Other tables close with other open classes (e.g. "100+"),
			// whose ages do not fit the cost key's groups. The label
			// ("100 år eller eldre") must not be taken for a single age.
			return 0, invalidf("age %q: only single years 0–104 and 105+ are supported", s)
		}
		return n, nil
	}
	return 0, invalidf("age %q: want a single-year age (000…104, 105+) or the total (alle aldre)",
		strings.TrimSpace(strings.Join(candidates, " ")))
}

// isPersons reports whether a contents category (statistikkvariabel) counts
// persons: SSB's code "Personer1", its label "Personer", or "Folkemengde".
func isPersons(candidates ...string) bool {
	for _, s := range candidates {
		s = strings.ToLower(strings.TrimSpace(s))
		for _, p := range []string{"personer", "persons", "folkemengde", "population"} {
			if strings.HasPrefix(s, p) {
				return true
			}
		}
	}
	return false
}

func parseYear(s string) (int, error) {
	s = strings.TrimSpace(s)
	if len(s) == 4 && strings.Trim(s, "0123456789") == "" {
		if y, _ := strconv.Atoi(s); y >= 1800 && y <= 2200 {
			return y, nil
		}
	}
	return 0, invalidf("year %q: want a year 1800–2200 such as 2024", s)
}

// parseValue reads a count of persons as SSB writes it. marker is the
// symbol the cell holds, if any: one of SSB's signs for no value
// (generalist.IsMissingMarker: ".", "..", "...", ":"), or "-", SSB's sign
// for exactly zero (decision 0011).
func parseValue(s string) (v generalist.Persons, marker string, err error) {
	s = strings.TrimSpace(s)
	switch {
	case generalist.IsMissingMarker(s):
		return 0, s, nil
	case s == "-":
		return 0, s, nil
	case s == "":
		return 0, "", invalidf(`the value is empty (SSB writes ".." for no value)`)
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return checkValue(float64(n), s)
	}
	// Some tools write whole numbers as 4522.0 or 4.522e3.
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, "", invalidf("value %q is not a number", s)
	}
	return checkValue(f, s)
}

func checkValue(f float64, s string) (generalist.Persons, string, error) {
	switch {
	case f < 0:
		return 0, "", invalidf("value %s is negative; a population cannot be", s)
	case f > maxPersons:
		return 0, "", invalidf("value %s is far larger than any population", s)
	case f != math.Trunc(f):
		return 0, "", invalidf("value %s is not a whole number of persons", s)
	}
	return generalist.Persons(f), "", nil
}

// splitTitle separates SSB's "07459: Befolkning, …" into table number and
// title.
func splitTitle(s string) (table, title string) {
	s = strings.TrimSpace(s)
	num, rest, ok := strings.Cut(s, ":")
	if ok && len(num) >= 4 && len(num) <= 6 && strings.Trim(num, "0123456789") == "" {
		return num, strings.TrimSpace(rest)
	}
	return "", s
}
