// Package data embeds the reference data files of data/ (SSB, Kartverket,
// KDD, Statistics Finland; see README.md for provenance and licences) so the
// binary works on a fresh machine with no download. It holds the bytes only;
// package refdata parses them.
package data

import "embed"

// FS holds the CSV files, the source notes and the boundary GeoJSON files.
//
//go:embed README.md *.csv *.json *.md *.txt geo/*.geojson scenarios/*.json economy/*.json economy/README.md
var FS embed.FS
