package geo

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"

	"generalist"

	"github.com/paulmach/orb"
)

// ReadMunicipalities reads a GeoJSON FeatureCollection of municipalities
// (kommuner) whose properties carry kommunenummer (a four-digit string) and
// kommunenavn, as the files in data/geo do. It returns one Feature per input
// feature, sorted by code, with the geometry both in WGS84 and projected to
// UTM 33N.
//
// Reading is strict: a missing or malformed kommunenummer, a duplicate
// number, an empty name, a geometry that is not a Polygon or MultiPolygon,
// a ring that is not closed or has fewer than four positions, or a
// coordinate outside the longitude/latitude range is an error naming the
// feature's index in the file and its number. Such errors are
// *generalist.Error with code EINVALID and a message that starts with the
// operation; an error of r itself is wrapped.
func ReadMunicipalities(r io.Reader) ([]Feature, error) {
	return read(r, "municipalities", "kommunenummer", "kommunenavn", func(s string) (string, error) {
		n, err := generalist.ParseMunicipalityNumber(s)
		return string(n), err
	})
}

// ReadCounties is ReadMunicipalities for counties (fylker): the properties
// are fylkesnummer (a two-digit string) and fylkesnavn.
func ReadCounties(r io.Reader) ([]Feature, error) {
	return read(r, "counties", "fylkesnummer", "fylkesnavn", func(s string) (string, error) {
		n, err := generalist.ParseCountyNumber(s)
		return string(n), err
	})
}

// rawCollection is the part of a GeoJSON FeatureCollection that is read;
// geometries are decoded per feature so that an error can name the feature.
type rawCollection struct {
	Type     string       `json:"type"`
	Features []rawFeature `json:"features"`
}

type rawFeature struct {
	Type       string         `json:"type"`
	Properties map[string]any `json:"properties"`
	Geometry   *struct {
		Type        string          `json:"type"`
		Coordinates json.RawMessage `json:"coordinates"`
	} `json:"geometry"`
}

func read(r io.Reader, what, codeKey, nameKey string, parse func(string) (string, error)) ([]Feature, error) {
	var fc rawCollection
	if err := json.NewDecoder(r).Decode(&fc); err != nil {
		var syntax *json.SyntaxError
		var typ *json.UnmarshalTypeError
		if errors.As(err, &syntax) || errors.As(err, &typ) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
			return nil, generalist.Errorf(generalist.EINVALID, "geo: read %s: not a GeoJSON FeatureCollection: %v", what, err)
		}
		return nil, fmt.Errorf("geo: read %s: %w", what, err)
	}
	if fc.Type != "FeatureCollection" {
		return nil, generalist.Errorf(generalist.EINVALID, "geo: read %s: type is %q, want FeatureCollection", what, fc.Type)
	}
	if len(fc.Features) == 0 {
		return nil, generalist.Errorf(generalist.EINVALID, "geo: read %s: the collection has no features", what)
	}
	seen := make(map[string]int, len(fc.Features))
	out := make([]Feature, 0, len(fc.Features))
	for i, rf := range fc.Features {
		f, err := decodeFeature(rf, codeKey, nameKey, parse)
		if err != nil {
			// Rebuild rather than wrap so that the user-facing message
			// (generalist.ErrorMessage) names the feature too.
			return nil, generalist.Errorf(generalist.ErrorCode(err), "geo: read %s: feature %d (%s %q): %s", what, i, codeKey, f.Code, generalist.ErrorMessage(err))
		}
		if j, dup := seen[f.Code]; dup {
			return nil, generalist.Errorf(generalist.EINVALID, "geo: read %s: feature %d (%s %q): duplicate of feature %d", what, i, codeKey, f.Code, j)
		}
		seen[f.Code] = i
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out, nil
}

// decodeFeature validates one feature. On error the returned Feature still
// carries the raw code (if any) so the caller can name it.
func decodeFeature(rf rawFeature, codeKey, nameKey string, parse func(string) (string, error)) (Feature, error) {
	var f Feature
	raw, ok := rf.Properties[codeKey]
	if !ok {
		return f, generalist.Errorf(generalist.EINVALID, "property %s is missing", codeKey)
	}
	s, ok := raw.(string)
	if !ok {
		f.Code = fmt.Sprint(raw)
		return f, generalist.Errorf(generalist.EINVALID, "property %s is %T, want a string with the leading zero", codeKey, raw)
	}
	f.Code = s
	code, err := parse(s)
	if err != nil {
		return f, err
	}
	f.Code = code
	name, _ := rf.Properties[nameKey].(string)
	if name == "" {
		return f, generalist.Errorf(generalist.EINVALID, "property %s is missing or empty", nameKey)
	}
	f.Name = name
	if rf.Type != "Feature" {
		return f, generalist.Errorf(generalist.EINVALID, "type is %q, want Feature", rf.Type)
	}
	if rf.Geometry == nil {
		return f, generalist.Errorf(generalist.EINVALID, "geometry is missing")
	}
	var polys [][][][]float64
	switch rf.Geometry.Type {
	case "Polygon":
		var p [][][]float64
		if err := json.Unmarshal(rf.Geometry.Coordinates, &p); err != nil {
			return f, generalist.Errorf(generalist.EINVALID, "polygon coordinates: %v", err)
		}
		polys = [][][][]float64{p}
	case "MultiPolygon":
		if err := json.Unmarshal(rf.Geometry.Coordinates, &polys); err != nil {
			return f, generalist.Errorf(generalist.EINVALID, "multipolygon coordinates: %v", err)
		}
	default:
		return f, generalist.Errorf(generalist.EINVALID, "geometry type %q is not Polygon or MultiPolygon", rf.Geometry.Type)
	}
	if len(polys) == 0 {
		return f, generalist.Errorf(generalist.EINVALID, "geometry is empty")
	}
	f.Geometry = make(orb.MultiPolygon, len(polys))
	f.Projected = make(orb.MultiPolygon, len(polys))
	for pi, p := range polys {
		if len(p) == 0 {
			return f, generalist.Errorf(generalist.EINVALID, "polygon %d has no rings", pi)
		}
		f.Geometry[pi] = make(orb.Polygon, len(p))
		f.Projected[pi] = make(orb.Polygon, len(p))
		for ri, ring := range p {
			if len(ring) < 4 {
				return f, generalist.Errorf(generalist.EINVALID, "polygon %d ring %d has %d positions, want at least 4", pi, ri, len(ring))
			}
			g := make(orb.Ring, len(ring))
			pr := make(orb.Ring, len(ring))
			for k, pos := range ring {
				if len(pos) < 2 {
					return f, generalist.Errorf(generalist.EINVALID, "polygon %d ring %d position %d has %d values, want 2", pi, ri, k, len(pos))
				}
				lon, lat := pos[0], pos[1]
				if !(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90) || math.IsNaN(lon) {
					return f, generalist.Errorf(generalist.EINVALID, "polygon %d ring %d position %d (%v, %v) is not a WGS84 longitude and latitude", pi, ri, k, lon, lat)
				}
				g[k] = orb.Point{lon, lat}
				x, y := ToUTM33(lon, lat)
				pr[k] = orb.Point{x, y}
			}
			if !g[0].Equal(g[len(g)-1]) {
				return f, generalist.Errorf(generalist.EINVALID, "polygon %d ring %d is not closed", pi, ri)
			}
			f.Geometry[pi][ri] = g
			f.Projected[pi][ri] = pr
		}
	}
	return f, nil
}
