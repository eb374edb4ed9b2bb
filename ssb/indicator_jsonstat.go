package ssb

import (
	"bytes"
	"cmp"
	"encoding/json"
	"io"
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
	// Skipped lists the regions that are not municipalities by the region
	// rule (generalist.ClassifyRegion): the national total, counties,
	// KOSTRA groups and the like. Their values are checked but not
	// returned.
	Skipped []Skip
	// Missing counts the municipalities' values that the file does not
	// give, by sign; they are returned with Known false.
	Missing generalist.MissingCells
	// Zeros counts the values given as SSB's "-", exactly zero.
	Zeros int
	// Places gives, for each municipality, where the file first names it.
	Places map[generalist.MunicipalityNumber]string
}

// ParseIndicatorJSONStat reads the values of one indicator from a JSON-stat
// 2.0 dataset as SSB's API returns it: one contents category (measure) over
// region and year. Every dimension other than region (id "Region" or role
// geo) and year ("Tid" or role time) must have exactly one category, so
// that each municipality and year has one value; select one
// statistikkvariabel, sex, age and so on in the statbank.
//
// Regions that are not municipalities by the region rule
// (generalist.ClassifyRegion) are skipped and listed in the metadata: the
// national total, counties, KOSTRA's aggregates ("EAK" Landet, "EKA03"
// county, "EKG13" KOSTRA group), Svalbard and the like. A null value, a
// value left out of a sparse object, and a value whose status is one of
// SSB's symbols for no value (".", "..", "...", ":") give Known false with
// Note "mangler", counted by sign in the metadata; numbers may be
// fractional and negative.
//
// The values are returned sorted by municipality and year, with Indicator
// empty. Bad input gives a *generalist.Error with code EINVALID whose
// message names the JSON path, the category, or the value's flat index and
// category codes.
func ParseIndicatorJSONStat(r io.Reader) ([]generalist.IndicatorValue, *IndicatorMeta, error) {
	var meta *IndicatorMeta
	values, err := parseFile(r, "indicator json-stat", func(data []byte) (values []generalist.IndicatorValue, err error) {
		values, meta, err = parseIndicatorJSONStat(data)
		return values, err
	})
	if err != nil {
		return nil, nil, err
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
	g, err := decodeJSONStat(data, (*jsonStat).indicatorDimensions)
	if err != nil {
		return nil, nil, err
	}
	ri, yi := g.dim(dimRegion), g.dim(dimYear)
	region, years := g.dims[ri], g.dims[yi]

	meta := newIndicatorMeta()
	skipped := map[string]Skip{}
	out := make([]generalist.IndicatorValue, 0, len(region.codes)*len(years.codes))
	for flat := range g.n {
		v, marker, err := cellValue(g.values, g.status, flat, parseIndicatorCell)
		if err != nil {
			return nil, nil, at(g.where(flat), err)
		}
		r := g.index(flat, ri)
		if region.skips[r] != "" {
			addSkip(skipped, region.codes[r], region.labels[r], region.skips[r])
			continue
		}
		known := !isMissing(marker)
		meta.count(region.nums[r], marker, g.where(flat))
		iv := generalist.IndicatorValue{
			Municipality: region.nums[r],
			Year:         years.ints[g.index(flat, yi)],
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
	meta.Skipped = sortedSkips(skipped)

	meta.Table, meta.Title = g.table()
	var extra indicatorExtra
	_ = json.Unmarshal(bytes.TrimPrefix(data, utf8BOM), &extra) // best effort: these are only defaults
	meta.Source = strings.TrimSpace(extra.Source)
	if meta.Source != "" && meta.Table != "" && !strings.Contains(meta.Source, meta.Table) {
		meta.Source += ", tabell " + meta.Table
	}
	if ci := g.dim(dimContents); ci >= 0 {
		contents := g.dims[ci]
		meta.Name = strings.TrimSpace(contents.labels[0])
		if meta.Name == "" {
			meta.Name = contents.codes[0]
		}
		u := extra.Dimension[contents.id].Category.Unit[contents.codes[0]]
		meta.Unit = strings.TrimSpace(cmp.Or(u.Base, u.Label))
	}
	return out, meta, nil
}

// indicatorDimensions reads the dimensions of an indicator file in the
// order of id: region and year are required, every other dimension must
// have one category.
func (js *jsonStat) indicatorDimensions() ([]*jsDim, error) {
	dims, err := js.readDimensions(func(k dimension) bool { return k == dimRegion || k == dimYear }, nil,
		`no region dimension (id "Region", or one with role "geo")`, `no year dimension (id "Tid", or one with role "time")`)
	if err != nil {
		return nil, err
	}
	for _, d := range dims {
		if err := d.readIndicator(); err != nil {
			return nil, err
		}
	}
	return dims, nil
}

// readIndicator interprets the categories of one dimension of an
// indicator file.
func (d *jsDim) readIndicator() error {
	place := d.place
	switch d.kind {
	case dimRegion:
		d.nums = make([]generalist.MunicipalityNumber, len(d.codes))
		d.skips = make([]string, len(d.codes))
		same := make(map[generalist.MunicipalityNumber]int)
		for j, code := range d.codes {
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
