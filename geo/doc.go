// Package geo reads the municipality (kommune) and county (fylke) boundary
// files and gives their geometry on a metric plane: area, centroid and
// simplified outlines for maps. It is pure computation: no I/O beyond the
// io.Reader it is handed, no global state.
//
// # Input
//
// [ReadMunicipalities] and [ReadCounties] read a GeoJSON FeatureCollection
// in WGS84 longitude/latitude (the files in data/geo, embedded as data.FS:
// geo/kommuner_2024_S.geojson, geo/kommuner_2020_M.geojson,
// geo/fylker_2024_S.geojson, geo/fylker_2020_S.geojson). Each feature must
// be a Polygon or MultiPolygon carrying kommunenummer and kommunenavn
// (or fylkesnummer and fylkesnavn) as strings. Validation is strict and
// errors name the feature's index and number; see ReadMunicipalities.
//
// # Output
//
// A [Feature] per input feature, sorted by code, holding the WGS84 geometry
// and the same geometry projected to ETRS89 / UTM zone 33N (EPSG:25833) in
// metres: the national CRS Kartverket uses for maps of the whole country and
// the one of the graph exchange format. Methods give the planar area in km²
// ([Feature.Area]), the area-weighted centroid ([Feature.Centroid],
// [Feature.CentroidLonLat]) and a Douglas–Peucker simplification that keeps
// every ring ([Feature.Simplified]).
//
// # Projection
//
// [ToUTM33] and [FromUTM33] implement the transverse Mercator projection on
// the GRS80 ellipsoid with Krüger's series to sixth order in the third
// flattening, following C. F. F. Karney, "Transverse Mercator with an
// accuracy of a few nanometers", J. Geodesy 85 (2011) 475–485. The series is
// accurate to nanometres within 3 900 km of the central meridian, so all of
// Norway (4.5°E–31.1°E) is projected on the one extended zone 33 without
// loss; the tests check it against the Gauss–Krüger definition evaluated by
// numerical integration, against published worked examples of the Ordnance
// Survey and IOGP (EPSG Guidance Note 7-2), against the GRS80 meridian
// quadrant (Moritz 1980) and against the USGS series (Snyder 1987).
//
// # Complexity
//
// Reading is O(v) in the number of vertices v (about 31 000 for the 2024
// S-quality municipalities: 60–75 ms on one core, mostly JSON decoding).
// Area and Centroid are O(v) per feature. Simplified is Douglas–Peucker:
// O(v log v) expected, O(v²) worst.
//
// # Dependencies
//
// The standard library, the domain package generalist, and
// github.com/paulmach/orb with its planar and simplify subpackages. The
// GeoJSON is decoded with encoding/json rather than orb/geojson: the files
// need only two geometry types, strict per-feature errors are simpler to give
// that way, and orb/geojson would pull a BSON library into every binary.
package geo
