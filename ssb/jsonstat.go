package ssb

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"generalist"
)

// ParseJSONStat reads a JSON-stat 2.0 dataset (class "dataset") as SSB's
// API returns it. See the package documentation for the format. Bad input
// gives a *generalist.Error with code EINVALID whose message names the JSON
// path or the flat index of the value and its category codes.
func ParseJSONStat(r io.Reader) (*Dataset, error) {
	return parseFile(r, "json-stat", parseJSONStat)
}

// jsonStat is the part of a JSON-stat 2.0 dataset that the import needs;
// the rest (note, source, updated, href, …) is ignored.
type jsonStat struct {
	Version   *string                   `json:"version"`
	Class     *string                   `json:"class"`
	Label     string                    `json:"label"`
	ID        []string                  `json:"id"`
	Size      []int                     `json:"size"`
	Role      map[string][]string       `json:"role"`
	Dimension map[string]*jsonDimension `json:"dimension"`
	Value     json.RawMessage           `json:"value"`
	Status    json.RawMessage           `json:"status"`
	Extension json.RawMessage           `json:"extension"`
}

type jsonDimension struct {
	Label    string `json:"label"`
	Category *struct {
		Index json.RawMessage   `json:"index"`
		Label map[string]string `json:"label"`
	} `json:"category"`
}

// jsDim is one dimension with its categories read.
type jsDim struct {
	id     string
	kind   dimension
	codes  []string
	labels []string
	nums   []generalist.MunicipalityNumber // region
	skips  []string                        // region: why a category is not a municipality
	ints   []int                           // sex, age or year of each category
}

func parseJSONStat(data []byte) (*Dataset, error) {
	g, err := decodeJSONStat(data, (*jsonStat).dimensions)
	if err != nil {
		return nil, err
	}
	b := newBuilder(func(pos, _ int) string { return g.where(pos) })
	b.unique = true // read refuses categories that mean the same

	ri, yi := g.dim(dimRegion), g.dim(dimYear)
	si, ai := g.dim(dimSex), g.dim(dimAge)
	r := g.dims[ri]
	for flat := range g.n {
		v, marker, err := cellValue(g.values, g.status, flat, func(s string, _ bool) (generalist.Persons, string, error) {
			return parseValue(s)
		})
		if err != nil {
			return nil, at(g.where(flat), err)
		}
		c := &cell{sex: sexBoth, age: ageTotal, value: v, missing: isMissing(marker), marker: marker, pos: flat}
		reg := g.index(flat, ri)
		c.num = r.nums[reg]
		c.year = g.dims[yi].ints[g.index(flat, yi)]
		if si >= 0 {
			c.sex = sex(g.dims[si].ints[g.index(flat, si)])
		}
		if ai >= 0 {
			c.age = g.dims[ai].ints[g.index(flat, ai)]
		}
		if r.skips[reg] != "" {
			err = b.skip(r.codes[reg], r.labels[reg], r.skips[reg])
		} else {
			err = b.add(c, r.labels[reg])
		}
		if err != nil {
			return nil, err
		}
	}
	ds, err := b.dataset()
	if err != nil {
		return nil, err
	}
	ds.Table, ds.Title = g.table()
	return ds, nil
}

// grid is a JSON-stat dataset decoded for either importer: its
// dimensions read, and its values and status checked against its size.
type grid struct {
	js      *jsonStat
	dims    []*jsDim
	n       int   // the number of cells
	strides []int // how far apart in the flat index a dimension's categories are
	values  *values
	status  *status
}

// decodeJSONStat decodes and checks a JSON-stat 2.0 dataset, with its
// dimensions read by readDims, which says what the importer accepts.
func decodeJSONStat(data []byte, readDims func(*jsonStat) ([]*jsDim, error)) (*grid, error) {
	data = bytes.TrimPrefix(data, utf8BOM)
	if err := checkUTF8(data, "JSON-stat must be UTF-8"); err != nil {
		return nil, err
	}
	var js jsonStat
	if err := json.Unmarshal(data, &js); err != nil {
		return nil, jsonError(data, err)
	}
	switch {
	case js.Class == nil:
		return nil, invalidf(`class is missing; want "dataset" (a JSON-stat 2.0 dataset)`)
	case *js.Class != "dataset":
		return nil, invalidf(`class %q: want "dataset"; JSON-stat collections and bundles are not supported`, *js.Class)
	case js.Version == nil:
		return nil, invalidf(`version is missing; want "2.0"`)
	case *js.Version != "2.0":
		return nil, invalidf("version %q: only JSON-stat 2.0 is supported", *js.Version)
	case len(js.ID) == 0:
		return nil, invalidf("id is missing or empty")
	case len(js.ID) != len(js.Size):
		return nil, invalidf("id has %d entries, but size has %d", len(js.ID), len(js.Size))
	}
	g := &grid{js: &js, n: 1}
	for i, s := range js.Size {
		if s < 1 {
			return nil, invalidf("size[%d] is %d: dimension %q must have at least one category", i, s, js.ID[i])
		}
		if g.n > maxCells/s {
			return nil, invalidf("size %v: more than %d cells; download fewer regions or years per file", js.Size, maxCells)
		}
		g.n *= s
	}
	var err error
	if g.dims, err = readDims(&js); err != nil {
		return nil, err
	}
	if g.values, err = readValues(js.Value, g.n, js.Size); err != nil {
		return nil, err
	}
	if g.status, err = readStatus(js.Status, g.n); err != nil {
		return nil, err
	}
	g.strides = make([]int, len(g.dims))
	stride := 1
	for i := len(g.dims) - 1; i >= 0; i-- {
		g.strides[i] = stride
		stride *= len(g.dims[i].codes)
	}
	return g, nil
}

// dim returns the position of the first dimension of the kind, or -1.
func (g *grid) dim(kind dimension) int {
	return slices.IndexFunc(g.dims, func(d *jsDim) bool { return d.kind == kind })
}

// index returns the category of dimension d that cell flat has; the last
// dimension varies fastest.
func (g *grid) index(flat, d int) int {
	return flat / g.strides[d] % len(g.dims[d].codes)
}

// where names a cell by its flat index and category codes, so that a user
// can find it both in the file and in the statbank.
func (g *grid) where(flat int) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "value[%d] (", flat)
	for i, d := range g.dims {
		if i > 0 {
			sb.WriteString(", ")
		}
		fmt.Fprintf(&sb, "%s=%s", d.id, d.codes[g.index(flat, i)])
	}
	sb.WriteString(")")
	return sb.String()
}

// table returns SSB's table number and the title from the label, with
// the number from extension.px.tableid where the file has it.
func (g *grid) table() (table, title string) {
	table, title = splitTitle(g.js.Label)
	if id := g.js.tableID(); id != "" {
		table = id
	}
	return table, title
}

func jsonError(data []byte, err error) error {
	// JSON from an API is often one long line, so the byte offset is given
	// along with the line.
	place := func(off int64) string {
		off = min(max(off, 0), int64(len(data)))
		return fmt.Sprintf("line %d, byte %d", 1+bytes.Count(data[:off], []byte("\n")), off)
	}
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return invalidf("not valid JSON: %s: %v", place(se.Offset), se)
	case errors.As(err, &te):
		field := te.Field
		if field == "" {
			field = "the document"
		}
		want := "a " + te.Type.String()
		switch te.Type.Kind() {
		case reflect.Int, reflect.Int64, reflect.Float64:
			want = "a number"
		case reflect.String:
			want = "a string"
		case reflect.Slice:
			want = "an array"
		case reflect.Map, reflect.Struct, reflect.Pointer:
			want = "an object"
		}
		return invalidf("%s: a JSON %s where JSON-stat has %s (%s)", field, te.Value, want, place(te.Offset))
	}
	return invalidf("not valid JSON: %v", err)
}

// tableID returns SSB's table number from extension.px.tableid.
func (js *jsonStat) tableID() string {
	var ext struct {
		Px struct {
			TableID json.RawMessage `json:"tableid"`
		} `json:"px"`
	}
	if json.Unmarshal(js.Extension, &ext) != nil {
		return ""
	}
	var id string
	if json.Unmarshal(ext.Px.TableID, &id) != nil {
		return ""
	}
	return strings.TrimSpace(id)
}

// dimensions reads the dimensions of a population file in the order of
// id and checks that the required ones are there and the others are
// harmless.
func (js *jsonStat) dimensions() ([]*jsDim, error) {
	return js.readDimensions(func(k dimension) bool { return k != dimExtra }, (*jsDim).read,
		`no region dimension (id "Region")`, `no year dimension (id "Tid")`)
}

// readDimensions makes the dimensions in the order of id, taking the kind
// of those with unknown ids from their role. Two dimensions of a kind for
// which once is true are refused, and so is a file without a region or
// year dimension, with the messages noRegion and noYear. Each dimension is
// passed to read, if not nil, as soon as it is made.
func (js *jsonStat) readDimensions(once func(dimension) bool, read func(*jsDim) error, noRegion, noYear string) ([]*jsDim, error) {
	roles := make(map[string]dimension)
	for role, kind := range map[string]dimension{"geo": dimRegion, "time": dimYear, "metric": dimContents} {
		for _, id := range js.Role[role] {
			roles[id] = kind
		}
	}
	dims := make([]*jsDim, len(js.ID))
	byKind := make(map[dimension]string)
	for i, id := range js.ID {
		if slices.Index(js.ID, id) != i {
			return nil, invalidf("id lists %q twice", id)
		}
		jd, ok := js.Dimension[id]
		switch {
		case !ok:
			return nil, invalidf("id[%d] %q has no entry in dimension", i, id)
		case jd == nil:
			return nil, invalidf("dimension %q is null", id)
		}
		codes, err := jd.codes(id, js.Size[i])
		if err != nil {
			return nil, err
		}
		d := &jsDim{id: id, kind: dimensionOf(id), codes: codes, labels: make([]string, len(codes))}
		if d.kind == dimExtra {
			d.kind = roles[id]
		}
		for j, c := range codes {
			d.labels[j] = jd.Category.Label[c]
		}
		if once(d.kind) {
			if prev, ok := byKind[d.kind]; ok {
				return nil, invalidf("dimensions %q and %q are the same dimension", prev, id)
			}
			byKind[d.kind] = id
		}
		if read != nil {
			if err := read(d); err != nil {
				return nil, err
			}
		}
		dims[i] = d
	}
	if _, ok := byKind[dimRegion]; !ok {
		return nil, invalidf("%s", noRegion)
	}
	if _, ok := byKind[dimYear]; !ok {
		return nil, invalidf("%s", noYear)
	}
	return dims, nil
}

// codes returns the category codes in index order.
func (jd *jsonDimension) codes(id string, size int) ([]string, error) {
	cat := jd.Category
	if cat == nil {
		return nil, invalidf("dimension %q: category is missing", id)
	}
	var codes []string
	raw := bytes.TrimSpace(cat.Index)
	switch {
	case len(raw) == 0 || string(raw) == "null":
		// JSON-stat lets a dimension with one category leave out the index.
		if len(cat.Label) != 1 {
			return nil, invalidf("dimension %q: category.index is missing; it may be left out only when category.label has exactly one category", id)
		}
		for c := range cat.Label {
			codes = append(codes, c)
		}
	case raw[0] == '[':
		if err := json.Unmarshal(raw, &codes); err != nil {
			return nil, invalidf("dimension %q: category.index: want an array of strings", id)
		}
	case raw[0] == '{':
		var m map[string]int
		if err := json.Unmarshal(raw, &m); err != nil {
			return nil, invalidf("dimension %q: category.index: want an object from category to position", id)
		}
		if len(m) != size {
			return nil, invalidf("dimension %q: category.index has %d entries, size says %d", id, len(m), size)
		}
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		codes = make([]string, size)
		set := make([]bool, size)
		for _, k := range keys {
			p := m[k]
			switch {
			case p < 0 || p >= size:
				return nil, invalidf("dimension %q: category.index[%q] is %d, outside 0–%d", id, k, p, size-1)
			case set[p]:
				return nil, invalidf("dimension %q: category.index[%q] and category.index[%q] are both %d", id, codes[p], k, p)
			}
			codes[p], set[p] = k, true
		}
	default:
		return nil, invalidf("dimension %q: category.index must be an array or an object", id)
	}
	if len(codes) != size {
		return nil, invalidf("dimension %q: category.index has %d entries, size says %d", id, len(codes), size)
	}
	seen := make(map[string]bool, len(codes))
	for _, c := range codes {
		if seen[c] {
			return nil, invalidf("dimension %q: category.index lists %q twice", id, c)
		}
		seen[c] = true
	}
	return codes, nil
}

// place names category j in messages.
func (d *jsDim) place(j int) string {
	if d.labels[j] != "" && d.labels[j] != d.codes[j] {
		return fmt.Sprintf("dimension %q: category %q (%s)", d.id, d.codes[j], d.labels[j])
	}
	return fmt.Sprintf("dimension %q: category %q", d.id, d.codes[j])
}

// read interprets the categories. Two categories that mean the same (such
// as "0301" and "K-0301") are refused here, where the message can name
// both codes.
func (d *jsDim) read() error {
	place := d.place
	same := make(map[string]int)
	unique := func(j int, key string) error {
		if k, ok := same[key]; ok {
			return invalidf("dimension %q: categories %q and %q are the same %s", d.id, d.codes[k], d.codes[j], key)
		}
		same[key] = j
		return nil
	}
	switch d.kind {
	case dimRegion:
		d.nums = make([]generalist.MunicipalityNumber, len(d.codes))
		d.skips = make([]string, len(d.codes))
		for j, code := range d.codes {
			num, skip, err := parseRegion(code)
			if err != nil {
				return at(place(j), err)
			}
			d.nums[j], d.skips[j] = num, skip
			if skip == "" {
				if err := unique(j, "kommune "+string(num)); err != nil {
					return err
				}
			}
		}
	case dimSex, dimAge, dimYear:
		d.ints = make([]int, len(d.codes))
		for j, code := range d.codes {
			var v int
			var err error
			var key string
			switch d.kind {
			case dimSex:
				var s sex
				s, err = parseSex(code, d.labels[j])
				v, key = int(s), s.String()
			case dimAge:
				v, err = parseAge(code, d.labels[j])
				key = ageString(v)
			case dimYear:
				v, err = parseYear(code)
				key = "year " + strconv.Itoa(v)
			}
			if err != nil {
				return at(place(j), err)
			}
			if err := unique(j, key); err != nil {
				return err
			}
			d.ints[j] = v
		}
	case dimContents:
		for j, code := range d.codes {
			if !isPersons(code, d.labels[j]) {
				return invalidf("%s: not a count of persons; this importer reads population (Personer)", place(j))
			}
		}
		if len(d.codes) > 1 {
			return invalidf("dimension %q: %d categories; want one (Personer)", d.id, len(d.codes))
		}
	default:
		if len(d.codes) > 1 {
			return invalidf("dimension %q: unknown dimension with %d categories; a dimension other than region, sex, age, contents and year may have only one category",
				d.id, len(d.codes))
		}
	}
	return nil
}

// values gives access to the value of each cell; a sparse object leaves
// out the cells that have no value.
type values struct {
	dense  []json.RawMessage
	sparse map[int]json.RawMessage
}

func readValues(raw json.RawMessage, n int, size []int) (*values, error) {
	raw = bytes.TrimSpace(raw)
	switch {
	case len(raw) == 0 || string(raw) == "null":
		return nil, invalidf("value is missing")
	case raw[0] == '[':
		var v values
		if err := json.Unmarshal(raw, &v.dense); err != nil {
			return nil, invalidf("value: not a valid array")
		}
		if len(v.dense) != n {
			return nil, invalidf("value has %d entries, but size %v says %d", len(v.dense), size, n)
		}
		return &v, nil
	case raw[0] == '{':
		var m map[string]json.RawMessage
		if err := json.Unmarshal(raw, &m); err != nil {
			return nil, invalidf("value: not a valid object")
		}
		v := values{sparse: make(map[int]json.RawMessage, len(m))}
		for k, x := range m {
			i, err := strconv.Atoi(k)
			if err != nil || i < 0 || i >= n {
				return nil, invalidf("value[%q]: not a cell index 0–%d (size %v)", k, n-1, size)
			}
			if _, ok := v.sparse[i]; ok {
				return nil, invalidf("value[%q]: cell %d is given twice", k, i)
			}
			v.sparse[i] = x
		}
		return &v, nil
	}
	return nil, invalidf("value must be an array or an object")
}

func (v *values) at(i int) json.RawMessage {
	if v.dense != nil {
		return v.dense[i]
	}
	return v.sparse[i]
}

// status holds the SSB symbols given for cells, as a single string for
// all, an array, or an object keyed by flat index.
type status struct {
	all    *string
	dense  []*string
	sparse map[int]string
}

func readStatus(raw json.RawMessage, n int) (*status, error) {
	raw = bytes.TrimSpace(raw)
	var st status
	switch {
	case len(raw) == 0 || string(raw) == "null":
	case raw[0] == '"':
		if err := json.Unmarshal(raw, &st.all); err != nil {
			return nil, invalidf("status: not a valid string")
		}
	case raw[0] == '[':
		if err := json.Unmarshal(raw, &st.dense); err != nil {
			return nil, invalidf("status: want an array of strings")
		}
		switch len(st.dense) {
		case n:
		case 1:
			st.all, st.dense = st.dense[0], nil
		default:
			return nil, invalidf("status has %d entries, but there are %d cells", len(st.dense), n)
		}
	case raw[0] == '{':
		var m map[string]string
		if err := json.Unmarshal(raw, &m); err != nil {
			return nil, invalidf("status: want an object of strings")
		}
		st.sparse = make(map[int]string, len(m))
		for k, s := range m {
			i, err := strconv.Atoi(k)
			if err != nil || i < 0 || i >= n {
				return nil, invalidf("status[%q]: not a cell index 0–%d", k, n-1)
			}
			st.sparse[i] = s
		}
	default:
		return nil, invalidf("status must be a string, an array or an object")
	}
	return &st, nil
}

func (st *status) at(i int) string {
	switch {
	case st.all != nil:
		return *st.all
	case st.dense != nil && st.dense[i] != nil:
		return *st.dense[i]
	}
	return st.sparse[i]
}

// cellValue reads cell i with parse, which gets the number as the file
// writes it, unquoted if it is a JSON string, and returns its marker as
// parse does: "" for a number, a missing marker (see isMissing) for no
// value, "-" for SSB's sign for exactly zero. A value that is null or left
// out of a sparse object has no value (generalist.MarkerNull), unless its
// status is "-"; so has one whose status is one of SSB's symbols for no
// value, whatever number stands beside it.
func cellValue[T any](v *values, st *status, i int, parse func(s string, quoted bool) (T, string, error)) (T, string, error) {
	var zero T
	sym := strings.TrimSpace(st.at(i))
	if generalist.IsMissingMarker(sym) {
		return zero, sym, nil
	}
	raw := bytes.TrimSpace(v.at(i))
	switch {
	case len(raw) == 0 || string(raw) == "null":
		if sym == "-" {
			return zero, sym, nil
		}
		return zero, generalist.MarkerNull, nil
	case raw[0] == '"':
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return zero, "", invalidf("value %s is not a number", raw)
		}
		return parse(s, true)
	case raw[0] == '-' || raw[0] >= '0' && raw[0] <= '9':
		return parse(string(raw), false)
	}
	return zero, "", invalidf("value %s is not a number", raw)
}

// isMissing reports whether a cell's marker says it has no value.
func isMissing(marker string) bool {
	return generalist.IsMissingMarker(marker) || marker == generalist.MarkerNull || marker == generalist.MarkerEmpty
}
