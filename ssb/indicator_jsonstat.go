package ssb

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"generalist"
)

// IndicatorMeta is what an indicator file says about itself, for the
// caller to offer as defaults for the indicator's name, unit and source.
// Fields the file does not give are empty.
type IndicatorMeta struct {
	Table  string // SSB's table number, e.g. "12362"
	Title  string // the dataset's label without the table number
	Name   string // the label of the one contents category (statistikkvariabel)
	Unit   string // that category's unit (category.unit.base), e.g. "kr"
	Source string // e.g. "Statistisk sentralbyrå, tabell 12362"
	// Skipped lists the regions that are not municipalities: the
	// national total, counties, KOSTRA groups and the like. Their values
	// are checked but not returned.
	Skipped []Skip
}

// ParseIndicatorJSONStat reads the values of one indicator from a JSON-stat
// 2.0 dataset as SSB's API returns it: one contents category (measure) over
// region and year. Every dimension other than region (id "Region" or role
// geo) and year ("Tid" or role time) must have exactly one category, so
// that each municipality and year has one value; select one
// statistikkvariabel, sex, age and so on in the statbank.
//
// Regions that are not municipalities are skipped and listed in the
// metadata: those ParseJSONStat skips, and KOSTRA's aggregates ("EAK"
// Landet, "EKA03" county, "EKG13" KOSTRA group). A null value, a value left
// out of a sparse object, and a value whose status is one of SSB's symbols
// for no value (".", "..", "...", ":") give Known false with Note "mangler";
// numbers may be fractional and negative.
//
// The values are returned sorted by municipality and year, with Indicator
// empty. Bad input gives a *generalist.Error with code EINVALID whose
// message names the JSON path, the category, or the value's flat index and
// category codes.
func ParseIndicatorJSONStat(r io.Reader) ([]generalist.IndicatorValue, *IndicatorMeta, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, nil, fmt.Errorf("ssb: read indicator json-stat: %w", err)
	}
	values, meta, err := parseIndicatorJSONStat(data)
	if err != nil {
		return nil, nil, fmt.Errorf("ssb: indicator json-stat: %w", err)
	}
	return values, meta, nil
}

// indicatorExtra is the part of a JSON-stat dataset that only the metadata
// needs. It is read leniently: a malformed field is just left out.
type indicatorExtra struct {
	Source    string `json:"source"`
	Dimension map[string]struct {
		Category struct {
			Unit map[string]struct {
				Base  string `json:"base"`
				Label string `json:"label"`
			} `json:"unit"`
		} `json:"category"`
	} `json:"dimension"`
}

func parseIndicatorJSONStat(data []byte) ([]generalist.IndicatorValue, *IndicatorMeta, error) {
	data = bytes.TrimPrefix(data, utf8BOM)
	if err := checkUTF8(data, "JSON-stat must be UTF-8"); err != nil {
		return nil, nil, err
	}
	var js jsonStat
	if err := json.Unmarshal(data, &js); err != nil {
		return nil, nil, jsonError(data, err)
	}
	switch {
	case js.Class == nil:
		return nil, nil, invalidf(`class is missing; want "dataset" (a JSON-stat 2.0 dataset)`)
	case *js.Class != "dataset":
		return nil, nil, invalidf(`class %q: want "dataset"; JSON-stat collections and bundles are not supported`, *js.Class)
	case js.Version == nil:
		return nil, nil, invalidf(`version is missing; want "2.0"`)
	case *js.Version != "2.0":
		return nil, nil, invalidf("version %q: only JSON-stat 2.0 is supported", *js.Version)
	case len(js.ID) == 0:
		return nil, nil, invalidf("id is missing or empty")
	case len(js.ID) != len(js.Size):
		return nil, nil, invalidf("id has %d entries, but size has %d", len(js.ID), len(js.Size))
	}
	n := 1
	for i, s := range js.Size {
		if s < 1 {
			return nil, nil, invalidf("size[%d] is %d: dimension %q must have at least one category", i, s, js.ID[i])
		}
		if n > maxCells/s {
			return nil, nil, invalidf("size %v: more than %d cells; download fewer regions or years per file", js.Size, maxCells)
		}
		n *= s
	}
	dims, contents, err := js.indicatorDimensions()
	if err != nil {
		return nil, nil, err
	}
	vals, err := readValues(js.Value, n, js.Size)
	if err != nil {
		return nil, nil, err
	}
	status, err := readStatus(js.Status, n)
	if err != nil {
		return nil, nil, err
	}

	strides := make([]int, len(dims))
	stride := 1
	for i := len(dims) - 1; i >= 0; i-- {
		strides[i] = stride
		stride *= len(dims[i].codes)
	}
	where := func(flat int) string {
		var sb strings.Builder
		fmt.Fprintf(&sb, "value[%d] (", flat)
		for i, d := range dims {
			if i > 0 {
				sb.WriteString(", ")
			}
			fmt.Fprintf(&sb, "%s=%s", d.id, d.codes[flat/strides[i]%len(d.codes)])
		}
		sb.WriteString(")")
		return sb.String()
	}
	ri := slices.IndexFunc(dims, func(d *jsDim) bool { return d.kind == dimRegion })
	yi := slices.IndexFunc(dims, func(d *jsDim) bool { return d.kind == dimYear })
	region, years := dims[ri], dims[yi]

	meta := &IndicatorMeta{}
	skipped := map[string]Skip{}
	out := make([]generalist.IndicatorValue, 0, len(region.codes)*len(years.codes))
	for flat := range n {
		v, known, err := indicatorCellValue(vals, status, flat)
		if err != nil {
			return nil, nil, at(where(flat), err)
		}
		r := flat / strides[ri] % len(region.codes)
		if region.skips[r] != "" {
			code := region.codes[r]
			if _, ok := skipped[code]; !ok {
				skipped[code] = Skip{Region: code, Label: region.labels[r], Reason: region.skips[r]}
			}
			continue
		}
		iv := generalist.IndicatorValue{
			Municipality: region.nums[r],
			Year:         years.ints[flat/strides[yi]%len(years.codes)],
			Value:        v, Known: known,
		}
		if !known {
			iv.Note = generalist.NoteMissing
		}
		out = append(out, iv)
	}
	if len(out) == 0 {
		return nil, nil, invalidf("no municipality in the file: every region is a total, a county or another aggregate")
	}
	sortIndicatorValues(out)
	for _, s := range skipped {
		meta.Skipped = append(meta.Skipped, s)
	}
	slices.SortFunc(meta.Skipped, func(x, y Skip) int { return strings.Compare(x.Region, y.Region) })

	meta.Table, meta.Title = splitTitle(js.Label)
	if id := js.tableID(); id != "" {
		meta.Table = id
	}
	var extra indicatorExtra
	_ = json.Unmarshal(data, &extra) // best effort: these are only defaults
	meta.Source = strings.TrimSpace(extra.Source)
	if meta.Source != "" && meta.Table != "" && !strings.Contains(meta.Source, meta.Table) {
		meta.Source += ", tabell " + meta.Table
	}
	if contents != nil {
		meta.Name = strings.TrimSpace(contents.labels[0])
		if meta.Name == "" {
			meta.Name = contents.codes[0]
		}
		u := extra.Dimension[contents.id].Category.Unit[contents.codes[0]]
		meta.Unit = strings.TrimSpace(cmp.Or(u.Base, u.Label))
	}
	return out, meta, nil
}

// indicatorDimensions reads the dimensions in the order of id: region and
// year are required, every other dimension must have one category. It
// returns the contents dimension, if there is one, for the metadata.
func (js *jsonStat) indicatorDimensions() (dims []*jsDim, contents *jsDim, err error) {
	roles := make(map[string]dimension)
	for role, kind := range map[string]dimension{"geo": dimRegion, "time": dimYear, "metric": dimContents} {
		for _, id := range js.Role[role] {
			roles[id] = kind
		}
	}
	dims = make([]*jsDim, len(js.ID))
	byKind := make(map[dimension]string)
	for i, id := range js.ID {
		if slices.Index(js.ID, id) != i {
			return nil, nil, invalidf("id lists %q twice", id)
		}
		jd, ok := js.Dimension[id]
		switch {
		case !ok:
			return nil, nil, invalidf("id[%d] %q has no entry in dimension", i, id)
		case jd == nil:
			return nil, nil, invalidf("dimension %q is null", id)
		}
		codes, err := jd.codes(id, js.Size[i])
		if err != nil {
			return nil, nil, err
		}
		d := &jsDim{id: id, kind: dimensionOf(id), codes: codes, labels: make([]string, len(codes))}
		if r, ok := roles[id]; ok && d.kind == dimExtra {
			d.kind = r
		}
		for j, c := range codes {
			d.labels[j] = jd.Category.Label[c]
		}
		switch d.kind {
		case dimRegion, dimYear:
			if prev, ok := byKind[d.kind]; ok {
				return nil, nil, invalidf("dimensions %q and %q are the same dimension", prev, id)
			}
			byKind[d.kind] = id
		}
		if d.kind == dimContents && contents == nil {
			contents = d
		}
		dims[i] = d
	}
	if _, ok := byKind[dimRegion]; !ok {
		return nil, nil, invalidf(`no region dimension (id "Region", or one with role "geo")`)
	}
	if _, ok := byKind[dimYear]; !ok {
		return nil, nil, invalidf(`no year dimension (id "Tid", or one with role "time")`)
	}
	for _, d := range dims {
		if err := d.readIndicator(); err != nil {
			return nil, nil, err
		}
	}
	return dims, contents, nil
}

// readIndicator interprets the categories of one dimension of an
// indicator file.
func (d *jsDim) readIndicator() error {
	place := func(j int) string {
		if d.labels[j] != "" && d.labels[j] != d.codes[j] {
			return fmt.Sprintf("dimension %q: category %q (%s)", d.id, d.codes[j], d.labels[j])
		}
		return fmt.Sprintf("dimension %q: category %q", d.id, d.codes[j])
	}
	switch d.kind {
	case dimRegion:
		d.nums = make([]generalist.MunicipalityNumber, len(d.codes))
		d.skips = make([]string, len(d.codes))
		same := make(map[generalist.MunicipalityNumber]int)
		for j, code := range d.codes {
			if isKostraAggregate(code) {
				d.skips[j] = "KOSTRA aggregate, not a municipality"
				continue
			}
			num, skip, err := parseRegion(code)
			if err != nil {
				return at(place(j), err)
			}
			d.nums[j], d.skips[j] = num, skip
			if skip != "" {
				continue
			}
			if k, ok := same[num]; ok {
				return invalidf("dimension %q: categories %q and %q are the same kommune %s", d.id, d.codes[k], code, num)
			}
			same[num] = j
		}
	case dimYear:
		d.ints = make([]int, len(d.codes))
		same := make(map[int]int)
		for j, code := range d.codes {
			y, err := parseYear(code)
			if err != nil {
				return at(place(j), err)
			}
			if k, ok := same[y]; ok {
				return invalidf("dimension %q: categories %q and %q are the same year %d", d.id, d.codes[k], code, y)
			}
			same[y] = j
			d.ints[j] = y
		}
	default:
		if len(d.codes) > 1 {
			what := "category"
			switch d.kind {
			case dimContents:
				what = "statistikkvariabel (one measure per indicator)"
			case dimSex:
				what = "sex"
			case dimAge:
				what = "age"
			}
			return invalidf("dimension %q: %d categories (%s); an indicator file may have several regions and years, but only one category of every other dimension: select one %s",
				d.id, len(d.codes), strings.Join(firstN(d.codes, 3), ", "), what)
		}
	}
	return nil
}

func firstN(codes []string, n int) []string {
	out := make([]string, 0, n+1)
	for i, c := range codes {
		if i == n {
			out = append(out, "…")
			break
		}
		out = append(out, strconv.Quote(c))
	}
	return out
}

// isKostraAggregate reports whether code is one of KOSTRA's region groups:
// "EAK" (the country), "EAKUO" (the country without Oslo), "EKA03" (all
// municipalities of a county), "EKG13" (a KOSTRA group) and the like.
func isKostraAggregate(code string) bool {
	if len(code) < 3 || len(code) > 8 || code[0] != 'E' || (code[1] != 'A' && code[1] != 'K') {
		return false
	}
	for i := 2; i < len(code); i++ {
		if c := code[i]; !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// indicatorCellValue reads cell i as an indicator value. As for
// population, a null or left-out value is unknown, and so is one whose
// status is a symbol for no value, whatever number stands beside it.
func indicatorCellValue(v *values, st *status, i int) (float64, bool, error) {
	sym := strings.TrimSpace(st.at(i))
	if missingSymbols[sym] {
		return 0, false, nil
	}
	raw := bytes.TrimSpace(v.at(i))
	switch {
	case len(raw) == 0 || string(raw) == "null":
		if sym == "-" {
			return 0, true, nil
		}
		return 0, false, nil
	case raw[0] == '"':
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return 0, false, invalidf("value %s is not a number", raw)
		}
		return parseIndicatorNumber(s)
	case raw[0] == '-' || raw[0] >= '0' && raw[0] <= '9':
		f, err := strconv.ParseFloat(string(raw), 64)
		if err != nil && !errors.Is(err, strconv.ErrRange) {
			return 0, false, invalidf("value %s is not a number", raw)
		}
		if math.IsInf(f, 0) || math.Abs(f) > generalist.MaxIndicatorValue {
			return 0, false, invalidf("value %s is too large: the limit is %g in magnitude", raw, generalist.MaxIndicatorValue)
		}
		if f == 0 {
			f = 0
		}
		return f, true, nil
	}
	return 0, false, invalidf("value %s is not a number", raw)
}
