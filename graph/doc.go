// Package graph builds the adjacency graph of municipalities from their
// boundaries and reads and writes it in the graph exchange format that the
// structure-search benchmarks share (/work/shared/bench/README.md).
//
// # Input
//
// [Build] takes the features of package geo (one per municipality, WGS84
// geometry plus its UTM 33N projection) and [Options] whose zero value gives
// the exchange-format graph. [ReadExchange] reads a graph back from the two
// CSV files of the exchange format.
//
// # Output
//
// A [Graph]: nodes sorted by code (node id = index, as the exchange format
// requires), each with its centroid in EPSG:25833 metres and in WGS84, and
// its planar area; undirected edges a < b of three [Kind]s:
//
//   - [Rook]: the two share a boundary of positive length (BorderM metres);
//   - [Queen]: they touch at a point only;
//   - [Bridge]: a sea link that makes the graph connected. While the graph
//     is not connected, every component but the largest is joined to the
//     nearest municipality outside it, measured between the projected
//     boundaries (GapM metres).
//
// Methods answer neighbours ([Graph.Neighbours], optionally restricted to
// some kinds), components and connectivity ([Graph.Components],
// [Graph.IsConnected]) and centroid distances, Euclidean on the UTM plane
// ([Graph.Distance]) and great-circle by the haversine formula
// ([Graph.GreatCircle]). [Graph.WriteExchange] writes the exchange format.
// A Graph is immutable and safe for concurrent use.
//
// # Method and complexity
//
// The boundary files come from TopoJSON, so neighbouring polygons carry
// identical border vertices. Build therefore hashes every segment and vertex
// (WGS84 coordinates rounded to Options.Precision, 1e-9° by default; the
// result on the 2024 and 2020 files is the same for any grid from 1e-12° to
// 1e-5°): a segment seen in two features makes a rook edge, a shared vertex
// without a shared segment a queen edge. That is O(v) expected time for v
// vertices, against O(n²) pairwise polygon intersection. Sea links take, per
// small component, boundary-to-boundary distances to candidates in order of
// bounding-box distance, stopping once no box is nearer than the best found.
// Building the 2024 graph (357 municipalities, 31 000 vertices) takes about
// 25 ms on one core (10 ms without sea links); see BenchmarkBuild2024.
//
// Errors are *generalist.Error: EINVALID for bad input (duplicate codes,
// malformed exchange files, missing population), ENOTFOUND for an unknown
// code. Methods taking a node id panic if it is out of range (programmer
// error).
//
// # Sources
//
// Exchange format and bridge rule: /work/shared/bench/README.md. Segment
// intersection by orientation tests: Cormen, Leiserson, Rivest and Stein,
// Introduction to Algorithms, §33.1. Haversine: R. W. Sinnott, "Virtues of
// the Haversine", Sky and Telescope 68 (1984) 159. Mean Earth radius R₁:
// H. Moritz, "Geodetic Reference System 1980", Bull. Géod. 54 (1980).
package graph
