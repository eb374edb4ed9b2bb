package geomap

import (
	"slices"
	"strings"
	"testing"

	"generalist/geo"

	"github.com/paulmach/orb"
)

// row of squares, one per value, for label tests.
func squares(tb testing.TB, n int) *Map {
	tb.Helper()
	var fs []geo.Feature
	for i := range n {
		x := 200000 + float64(i)*10000
		ring := orb.Ring{{x, 6600000}, {x + 10000, 6600000}, {x + 10000, 6610000}, {x, 6610000}, {x, 6600000}}
		fs = append(fs, geo.Feature{Code: codeOf(i), Name: "K" + codeOf(i), Projected: orb.MultiPolygon{{ring}}})
	}
	m, err := New(fs, nil)
	if err != nil {
		tb.Fatal(err)
	}
	return m
}

func codeOf(i int) string { return string([]byte{'3', '0', byte('0' + i/10), byte('0' + i%10)}) }

func values(vs ...float64) map[string]float64 {
	out := map[string]float64{}
	for i, v := range vs {
		out[codeOf(i)] = v
	}
	return out
}

func labels(t *testing.T, m *Map, opt Options) []string {
	t.Helper()
	k, err := m.Key(opt)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, c := range k.Classes {
		l := c.Label
		if c.Zero {
			l += " (zero)"
		}
		out = append(out, l)
	}
	return out
}

// TestLabelsHonest: zero is a class of its own labelled "0", not "under
// 1"; classes of whole numbers name the numbers in them; a range with a
// negative end is written with a word.
func TestLabelsHonest(t *testing.T) {
	m := squares(t, 12)
	counts := values(0, 0, 0, 1, 1, 2, 3, 4, 6, 9, 12, 20)
	for _, tt := range []struct {
		name string
		opt  Options
		want string
	}{
		{"fixed limits on counts", Options{Values: counts, Limits: []float64{1, 2, 3, 5}}, "0 (zero); 1; 2; 3–4; 5–20"},
		{"fixed limits above the smallest count", Options{Values: counts, Limits: []float64{5, 10}}, "0 (zero); 1–4; 5–9; 10–20"},
		{"quantiles on counts", Options{Values: counts, Classes: 3}, "0 (zero); 1–2; 3–8; 9–20"},
		{"a change", Options{Values: values(-4, -2, -1, 0, 0, 1, 2, 3, 5, 8, 9, 12), Classes: 4}, "-4 til -1; 0 (zero); 1–2; 3–7; 8–12"},
		{"shares", Options{Values: values(0.5, 1.25, 2, 3.5, 4, 4.5), Classes: 3, Lang: "en"}, "below 2; 2–4; 4 and above"},
	} {
		if got := strings.Join(labels(t, m, tt.opt), "; "); got != tt.want {
			t.Errorf("%s: legend %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestNewScaleShared: one scale over two maps classifies both the same
// way, and their keys are identical.
func TestNewScaleShared(t *testing.T) {
	m := squares(t, 8)
	a, b := values(0, 1, 2, 3, 4, 5, 6, 7), values(0, 0, 0, 0, 9, 12, 15, 30)
	s := NewScale(5, Quantile, a, b)
	ka := labels(t, m, Options{Values: a, Scale: &s})
	kb := labels(t, m, Options{Values: b, Scale: &s})
	if !slices.Equal(ka, kb) {
		t.Errorf("shared scale: legends differ:\n%v\n%v", ka, kb)
	}
	if own := labels(t, m, Options{Values: b}); slices.Equal(own, kb) {
		t.Errorf("the second map's own classes %v equal the shared ones; the test shows nothing", own)
	}
	if ka[0] != "0 (zero)" || ka[len(ka)-1] == "" || !strings.HasSuffix(ka[len(ka)-1], "30") {
		t.Errorf("shared legend %v: want 0 first and 30 as the largest value", ka)
	}
}
