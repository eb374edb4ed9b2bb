package planfile

import (
	"strings"
	"testing"
)

// TestReadGeoJSONDuplicateProperty: a property given twice in one
// feature is refused at that feature and property, not read as the last.
func TestReadGeoJSONDuplicateProperty(t *testing.T) {
	in := `{"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"kommunenummer":"1101","gruppenavn":"A"},"geometry":null},
{"type":"Feature","properties":{"kommunenummer":"1103","kommunenummer":"1106","gruppenavn":"A"},"geometry":null}]}`
	as, ps := ReadGeoJSON([]byte(in), "plan.geojson")
	if len(as) != 0 || len(ps) != 1 || ps[0].Feature != 2 || ps[0].Column != "kommunenummer" || !strings.Contains(ps[0].Message, "line 3") {
		t.Errorf("ReadGeoJSON(kommunenummer twice) = %v, %v; want one problem at feature 2, kommunenummer, line 3", as, ps)
	}
}
