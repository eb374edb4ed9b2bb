// Package geomap draws choropleth maps of Norwegian municipalities
// (kommuner) as SVG on the server: no JavaScript, one self-contained
// document per map, usable as a file, an <img> source or inline in HTML.
// It serves the web UI (the map page with an indicator selector, small maps
// of a municipality and its neighbours on profile pages, highlighted groups
// for comparisons) and the HTML reports.
//
// # Use
//
// Build a [Map] once at start from the boundaries of one structure
// (kommuneinndeling), then render as often as needed:
//
//	munis, _ := geo.ReadMunicipalities(f)   // data/geo/kommuner_2024_S.geojson
//	counties, _ := geo.ReadCounties(g)      // data/geo/fylker_2024_S.geojson
//	m, err := geomap.New(munis, counties)
//	…
//	err = m.Render(w, geomap.Options{
//		Values: population,                 // kommunenummer → value
//		Title:  "Folkemengde 1. januar 2024", Unit: "innbyggere",
//		Source: "Kilde: Statistisk sentralbyrå, tabell 07459",
//		Link:   func(code string) string { return "/kommune/" + code },
//	})
//
// A Map is read-only after New, so one Map serves concurrent requests.
//
// # Inputs
//
// New takes [geo.Feature] values: the boundary projected to ETRS89 / UTM
// zone 33N (EPSG:25833), in metres, as package geo reads it. It simplifies
// every boundary with Douglas–Peucker ([geo.Feature.Simplified], which
// keeps small islands) at each of three zoom levels (2 000, 500 and 100 m)
// and stores the SVG path data of each level, rounded to a grid of a tenth
// of the tolerance. Render chooses the coarsest level whose tolerance is at
// most 1.25 pixels of the output, so the whole country at the default 600
// pixels uses 2 000 m and a municipality with its neighbours 100 m.
//
// [Options] holds the values, the classification, texts, links, highlight,
// focus (zoom), size, palette and language; its zero value is usable, and
// every field documents its default. A municipality missing from
// Options.Values has no data and is drawn as such: nothing is estimated.
// Invalid options (a code of another structure, a NaN value, too many
// classes) are *generalist.Error values with code EINVALID.
//
// # Output
//
// The document is deterministic: the same Map and Options give the same
// bytes (the default id prefix is a hash of the options, not a counter).
// Coordinates are integers on the level's grid; one transform on the map
// group scales them to pixels and flips north up (grid y grows southward).
// Relative path commands keep the numbers short: the whole country is about
// 145 KB at 600 pixels, 270 KB at 1 000.
//
// The structure, with the classes a host page's CSS can use:
//
//	svg.geomap                          role="img" (role="group" when the areas are links), aria-labelledby → <title> and <desc>
//	  title, desc                       the legend title, and a text version of the whole legend for screen readers
//	  defs                              the no-data hatch; the clip of the map when the legend is below it
//	  g.geomap-map                      the transform from grid to pixels
//	    g.geomap-areas                  white municipality borders
//	      a[href]                       when Options.Link gives an href
//	        path.geomap-area            data-code="0301", data-class="0"… (absent without data), fill
//	             .geomap-nodata         without a value: hatched, titled "…: ingen data"
//	             .geomap-highlight      listed in Options.Highlight
//	          title                     "Oslo: 717 710 innbyggere" (the hover text and the link's name)
//	    g.geomap-counties path          county borders on top, data-county="03", no fill, no pointer events
//	    g.geomap-highlights path        the highlight outlines (white casing, black line) on top, data-highlight="0301"
//	  g.geomap-legend                   legend: rect.geomap-key swatches (data-class, or .geomap-nodata), text
//
// All presentation is in attributes (fill, stroke, font-size), never in
// style attributes or a <style> element, so the maps work under a Content
// Security Policy with style-src 'self', and a host stylesheet overrides
// any of it (presentation attributes have the lowest precedence). Links in
// SVG are focusable by default; the host page should make focus visible,
// for example:
//
//	.geomap a:focus-visible { outline: 3px solid #000; }
//	.geomap a:focus-visible .geomap-area,
//	.geomap a:hover .geomap-area { stroke: #000; stroke-width: 2px; vector-effect: non-scaling-stroke; }
//
// (non-scaling-stroke makes the width count in page pixels rather than
// grid units). The root has role="img" only when nothing in it is
// interactive: children of an img are presentational in WAI-ARIA 1.2, so
// the links would be hidden from assistive technology; with links the
// root is a labelled group.
//
// # Classes and colours
//
// [Breaks] computes class limits by quantiles, Jenks natural breaks
// (computed exactly with Fisher's 1958 dynamic programme) or equal
// intervals; Options.Limits sets them by hand. Values equal to a limit
// belong to the class above it ([Classify]), which the legend states as
// "215–4 999", "5 000–9 999", …, "100 000–717 710". Limits are computed
// from all values, also on a zoomed map, so a detail and the country map
// share colours.
//
// Zero is a class of its own when the values include zeros and no
// negative values (no cooperations is not "under 1"), and on values on both
// sides of zero (a change) zero is a limit, the negative classes drawn in
// [Oranges] (see [NewScale]). Whole numbers are labelled by the numbers
// in each class ("0", "1–5", "6–20", "21–717 710"), other values by the
// limits ("under 2", "2–4", "4 og over"). Maps shown side by side share
// one [Scale] computed over all their values (Options.Scale).
//
// The default palette [Blues] is a single-hue sequential scale interpolated
// in OKLab (B. Ottosson, "A perceptual color space for image processing",
// 2020), in the manner of ColorBrewer's Blues (C. A. Brewer, "Designing
// better maps", 2005): lightness alone encodes the class, which reads the
// same under every colour-vision deficiency. Neighbouring classes differ by
// at least 1.5:1 in WCAG contrast (3:1 is out of reach beyond three
// classes); up to five classes every class has 3:1 against white, the
// non-text contrast of WCAG 2.1 success criterion 1.4.11, and the pale
// [ZeroFill] 2.4:1 against the lightest; the tests check every pair.
// Areas lighter than 3:1 against white get grey borders instead of white.
// "No data" is a light grey hatch, distinct from every class without
// colour.
//
// # Legend
//
// The legend lists the title with the unit, one swatch per class, "ingen
// data" when a drawn municipality lacks a value, and the source line. With
// [LegendAuto] it goes in the first corner (lower right, upper left, upper
// right, lower left) whose box covers at most 2 % land, measured by
// clipping the coarse outlines to the box, and none of the focused or
// highlighted municipalities; Norway's shape leaves the lower right
// (Sweden) free at every usual width. Otherwise, as on most zoomed maps, it
// goes below the map. Text widths are estimated at 0.6 em per character, a
// safe bound for common sans-serif fonts, since the server cannot measure
// text.
//
// # Complexity
//
// New is O(v log v) in the v ≈ 31 000 vertices of the 2024 files, 25–35
// ms. Render is linear in the output plus the classification
// (O(n log n) for quantiles, O(k·m²) for natural breaks on m distinct
// values): on the shared 2-core development machine the whole country at
// 600 pixels renders in 0.3–0.4 ms with quantiles and 1–2 ms with natural
// breaks, a detail around Oslo in 0.2 ms (BenchmarkRenderCountry).
//
// # Glossary
//
//	kommune            municipality
//	kommunenummer      municipality number, four digits ("0301"); the data-code attribute
//	fylke              county; fylkesnummer, two digits ("03"); the data-county attribute
//	kommuneinndeling   structure: the set of municipalities in force in a year (2020, 2024)
//	ingen data         no data
//	Kilde              source
//
// # Dependencies
//
// The standard library, generalist (errors) and generalist/geo (features),
// and orb's geometry types; no HTTP and no database (TestDeps).
package geomap
