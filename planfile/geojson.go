package planfile

import (
	"bufio"
	"encoding/json"
	"io"
	"math"
	"strconv"

	"generalist/geo"

	"github.com/paulmach/orb"
)

// Coordinate reference systems a GeoJSON file can be written in.
const (
	// WGS84 is longitude and latitude in degrees (EPSG:4326), the only
	// CRS of RFC 7946 and the default.
	WGS84 = 4326
	// UTM33 is ETRS89 / UTM zone 33N (EPSG:25833), easting and northing
	// in metres: Kartverket's CRS for maps of the whole country. The file
	// names it in the crs member that QGIS and GDAL read.
	UTM33 = 25833
)

// Unit is one municipality after a scenario, as a GeoJSON feature.
type Unit struct {
	// Geometry is the boundary in WGS84 longitude and latitude.
	Geometry   orb.MultiPolygon `json:"-"`
	Properties UnitProperties   `json:"properties"`
}

// Kinds of units.
const (
	KindUnchanged = "unchanged" // a municipality of the base structure as it is
	KindMerged    = "merged"    // municipalities merged into one
	KindSplit     = "split"     // a municipality the scenario divides among others; drawn whole, as its parts' boundaries are not known
)

// UnitProperties are a unit's attributes. Numbers without data are null,
// never 0.
type UnitProperties struct {
	// Number is the unit's municipality number: its own, or the centre's
	// for a merger.
	Number      string   `json:"number"`
	Name        string   `json:"name"`
	Kind        string   `json:"kind"`
	Members     []string `json:"members"`
	MemberNames []string `json:"member_names"`
	Centre      string   `json:"centre"`
	// Year is the year of the population figures (1 January).
	Year        int    `json:"year"`
	Inhabitants *int64 `json:"inhabitants"`
	// AreaKm2 is the planar area on the UTM 33N plane (as geo.Feature.Area).
	AreaKm2 float64 `json:"area_km2"`
	// TasksBelowRobust counts the tasks whose team in the unit stays
	// below the robust minimum in the scenario; null without population.
	TasksBelowRobust *int `json:"tasks_below_robust"`
	// TasksOutside counts the tasks carried by a group or another body,
	// and OutsideShare their share of the unit's task FTEs.
	TasksOutside int     `json:"tasks_outside"`
	OutsideShare float64 `json:"outside_share"`
	// DistanceKm is the population-weighted distance from the members to
	// the centre; null when unknown.
	DistanceKm *float64 `json:"distance_km"`
}

// Collection is what a GeoJSON file says about the whole plan, besides
// its features.
type Collection struct {
	Name     string `json:"name"`
	Scenario string `json:"scenario,omitempty"`
	// Structure and Year are the scenario's base.
	Structure int `json:"structure"`
	Year      int `json:"year"`
}

// WriteGeoJSON writes the units as a GeoJSON FeatureCollection in the
// CRS (WGS84 or UTM33): MultiPolygon geometries, outer rings
// counter-clockwise, the properties of UnitProperties, and the
// collection's name, scenario, structure and year as foreign members.
func WriteGeoJSON(w io.Writer, c Collection, units []Unit, crs int) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	head := map[string]any{"type": "FeatureCollection", "name": c.Name, "structure": c.Structure, "year": c.Year}
	if c.Scenario != "" {
		head["scenario"] = c.Scenario
	}
	if crs == UTM33 {
		head["crs"] = map[string]any{"type": "name", "properties": map[string]string{"name": "urn:ogc:def:crs:EPSG::25833"}}
	}
	b, err := json.Marshal(head)
	if err != nil {
		return err
	}
	bw.Write(b[:len(b)-1]) // without the closing brace
	bw.WriteString(`,"features":[`)
	buf := make([]byte, 0, 64)
	for i, u := range units {
		if i > 0 {
			bw.WriteByte(',')
		}
		bw.WriteString("\n{\"type\":\"Feature\",\"properties\":")
		p, err := json.Marshal(u.Properties)
		if err != nil {
			return err
		}
		bw.Write(p)
		bw.WriteString(`,"geometry":{"type":"MultiPolygon","coordinates":[`)
		for j, poly := range u.Geometry {
			if j > 0 {
				bw.WriteByte(',')
			}
			bw.WriteByte('[')
			for k, ring := range poly {
				if k > 0 {
					bw.WriteByte(',')
				}
				bw.WriteByte('[')
				for l, pt := range ring {
					if l > 0 {
						bw.WriteByte(',')
					}
					x, y := pt[0], pt[1]
					if crs == UTM33 {
						x, y = geo.ToUTM33(x, y)
					}
					buf = append(buf[:0], '[')
					buf = appendCoord(buf, x)
					buf = append(buf, ',')
					buf = appendCoord(buf, y)
					buf = append(buf, ']')
					bw.Write(buf)
				}
				bw.WriteByte(']')
			}
			bw.WriteByte(']')
		}
		bw.WriteString("]}}")
	}
	bw.WriteString("\n]}\n")
	return bw.Flush()
}

func appendCoord(b []byte, v float64) []byte {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return append(b, '0') // never: boundaries are finite
	}
	return strconv.AppendFloat(b, v, 'f', -1, 64)
}

// Area returns the planar area of a WGS84 boundary on the UTM 33N plane,
// in km², holes subtracted (the convention of geo.Feature.Area).
func Area(mp orb.MultiPolygon) float64 {
	var sum float64
	for _, p := range mp {
		for i, r := range p {
			a := 0.0
			for k := 0; k+1 < len(r); k++ {
				x1, y1 := geo.ToUTM33(r[k][0], r[k][1])
				x2, y2 := geo.ToUTM33(r[k+1][0], r[k+1][1])
				a += x1*y2 - x2*y1
			}
			a = math.Abs(a) / 2
			if i > 0 {
				a = -a
			}
			sum += a
		}
	}
	return sum / 1e6
}
