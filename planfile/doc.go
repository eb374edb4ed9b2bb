// Package planfile writes a scenario's municipalities as files other
// tools read, and reads a plan back from such files: the municipalities
// as they would be as GeoJSON (merged ones dissolved into one polygon
// each), the assignment of every municipality of the base structure to
// its group as CSV, and a plan (municipality number → group, optional
// names and centres) from a CSV or a GeoJSON file.
//
// It is pure computation: values in, bytes out, and bytes in, values out
// with every problem at its place (file, line or feature, column).
//
// # Dissolve
//
// Boundaries are merged with github.com/peterstace/simplefeatures, a pure
// Go port of the JTS overlay (docs/decisions/0014-plan-files.md). The
// simplified source boundaries come from TopoJSON, so neighbours share
// identical border vertices and a union leaves no inner boundaries; a few
// source rings cross themselves and are repaired first (NewDissolver), and
// any hole a union leaves that holds no other municipality is filled as a
// sliver (Dissolve).
package planfile
