package geo

import (
	"generalist"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// Feature is one municipality or county boundary.
type Feature struct {
	// Code is the kommunenummer ("0301") or fylkesnummer ("03") as a string,
	// leading zero kept.
	Code string
	// Name is the name in the file (kommunenavn or fylkesnavn).
	Name string
	// Geometry is the boundary in WGS84 longitude and latitude (degrees), as
	// read. Outer rings and holes follow the file's ring order.
	Geometry orb.MultiPolygon
	// Projected is Geometry projected to ETRS89 / UTM zone 33N (EPSG:25833),
	// in metres, vertex by vertex.
	Projected orb.MultiPolygon
}

// Area returns the planar area of the projected boundary in km², holes
// subtracted. It is the area on the UTM 33N plane, which differs from the
// area on the ellipsoid by the square of the projection's scale: -0.08 % on
// 15°E and up to about +0.8 % at Norway's western and eastern ends. That is
// the convention of the exchange format (area_km2); use the official area
// (kommuner_2024_areal_maalform.csv) where the exact figure matters.
func (f *Feature) Area() generalist.SquareKm {
	return generalist.SquareKm(planar.Area(f.Projected) / 1e6)
}

// Centroid returns the area-weighted centroid of the projected boundary
// (EPSG:25833 metres), holes subtracted. For a municipality made of many
// islands, or a concave one, the centroid can lie outside the land.
func (f *Feature) Centroid() orb.Point {
	c, _ := planar.CentroidArea(f.Projected)
	return c
}

// CentroidLonLat returns Centroid mapped back to WGS84 longitude and latitude.
// Computing the centroid on the projected plane and then unprojecting avoids
// the distortion of averaging raw degrees, whose east–west unit shrinks with
// latitude.
func (f *Feature) CentroidLonLat() orb.Point {
	c := f.Centroid()
	lon, lat := FromUTM33(c[0], c[1])
	return orb.Point{lon, lat}
}
