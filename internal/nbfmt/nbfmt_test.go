package nbfmt

import (
	"go/parser"
	"go/token"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

const nb = "\u00a0" // the bokmål thousands separator

func TestDecimal(t *testing.T) {
	for _, tt := range []struct {
		v        float64
		decimals int
		lang     string
		want     string
	}{
		{5367580, 0, "nb", "5" + nb + "367" + nb + "580"},
		{5367580, 0, "en", "5,367,580"},
		{15077.5, 1, "nb", "15" + nb + "077,5"},
		{15077.5, 1, "en", "15,077.5"},
		{15077.5, 1, "", "15" + nb + "077,5"},    // default is bokmål
		{15077.5, 1, "nn", "15" + nb + "077,5"},  // nynorsk writes numbers the same way
		{15077.5, 1, "en-GB", "15,077.5"},        // a region suffix still selects English
		{15077.5, 1, "EN_us", "15,077.5"},        //
		{15077.5, 1, "eng", "15" + nb + "077,5"}, // not an English tag
		{15077.5, 0, "nb", "15" + nb + "078"},    // half away from zero
		{2.5, 0, "en", "3"},                      // not banker's rounding
		{-2.5, 0, "en", "-3"},                    // half away from zero for negatives too
		{1.005, 2, "en", "1.01"},                 // rounds the decimal the reader sees, not the binary
		{0.05, 1, "nb", "0,1"},                   //
		{999.96, 1, "nb", "1" + nb + "000,0"},    // carry into a new group
		{9.99, 1, "en", "10.0"},                  // carry into a new digit
		{-0.04, 1, "nb", "0,0"},                  // no "-0,0"
		{-1234567.891, 2, "nb", "-1" + nb + "234" + nb + "567,89"},
		{-1234, 0, "en", "-1,234"},
		{0, 0, "nb", "0"},
		{0, 2, "nb", "0,00"},
		{12, 1, "nb", "12,0"}, // pads to the decimals asked for
		{123, 0, "nb", "123"}, // no separator below a thousand
		{1000, 0, "nb", "1" + nb + "000"},
		{0.125, -1, "en", "0.125"}, // negative decimals keep every digit
		{1e21, 0, "en", "1,000,000,000,000,000,000,000"},
		{math.NaN(), 1, "nb", "–"},
		{math.Inf(-1), 1, "en", "–"},
	} {
		if got := For(tt.lang).Decimal(tt.v, tt.decimals); got != tt.want {
			t.Errorf("For(%q).Decimal(%v, %d) = %q, want %q", tt.lang, tt.v, tt.decimals, got, tt.want)
		}
	}
}

func TestRound(t *testing.T) {
	for _, tt := range []struct {
		v        float64
		decimals int
		want     string
	}{
		{12, 1, "12"},
		{12.5, 1, "12,5"},
		{3.14159, 2, "3,14"},
		{0.5, 2, "0,5"},
		{99.95, 1, "100"},
		{-0.001, 2, "0"},
		{-0.35, 2, "-0,35"},
		{1234.5, 0, "1 235"},
		{-12345, 0, "-12 345"},
		{1.005, 2, "1,01"},
		{math.NaN(), 2, "–"},
	} {
		if got := BokmalPlain.Round(tt.v, tt.decimals); got != tt.want {
			t.Errorf("BokmalPlain.Round(%v, %d) = %q, want %q", tt.v, tt.decimals, got, tt.want)
		}
	}
}

func TestInt(t *testing.T) {
	for _, tt := range []struct {
		l    Locale
		n    int64
		want string
	}{
		{Bokmal, 5367580, "5" + nb + "367" + nb + "580"},
		{BokmalPlain, 5367580, "5 367 580"},
		{English, 5367580, "5,367,580"},
		{BokmalPlain, -1000, "-1 000"},
		{BokmalPlain, -999, "-999"},
		{BokmalPlain, 0, "0"},
		{English, math.MinInt64, "-9,223,372,036,854,775,808"},
		{English, math.MaxInt64, "9,223,372,036,854,775,807"},
	} {
		if got := tt.l.Int(tt.n); got != tt.want {
			t.Errorf("Int(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

func TestSignedPercentKroner(t *testing.T) {
	for _, tt := range []struct {
		got, want string
	}{
		{Bokmal.Signed(6925, 0), "+6" + nb + "925"},
		{English.Signed(-6925, 0), "-6,925"},
		{English.Signed(0.01, 1), "0.0"},
		{Bokmal.Signed(0, 0), "0"},
		{Bokmal.Percent(21.8, 1), "21,8" + nb + "%"},
		{English.Percent(21.8, 1), "21.8%"},
		{BokmalPlain.Percent(2.06, 1), "2,1 %"},
		{Bokmal.SignedPercent(1.25, 1), "+1,3" + nb + "%"},
		{English.SignedPercent(-1.25, 1), "-1.3%"},
		{Bokmal.Kroner(36076.144, 2), "36" + nb + "076,14" + nb + "kr"},
		{BokmalPlain.Kroner(-475795, 0), "-475 795 kr"},
		{English.Kroner(1193000, 0), "1,193,000" + nb + "kr"},
		{Terminal.Decimal(15077.5, 1), "15 077.5"},
		{Terminal.Percent(90, 2), "90.00 %"},
		{Terminal.Kroner(-475794.96, 2), "-475 794.96 kr"},
		{Terminal.Int(5367580), "5 367 580"},
	} {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

func TestDates(t *testing.T) {
	oslo := time.FixedZone("CET", 3600)
	for _, tt := range []struct {
		got, want string
	}{
		{Bokmal.Date(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)), "1. januar 2026"},
		{English.Date(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)), "1 January 2026"},
		{Bokmal.Date(time.Date(2024, 12, 31, 23, 30, 0, 0, time.UTC).In(oslo)), "1. januar 2025"}, // in t's location
		{Bokmal.Date(time.Date(2025, 5, 17, 0, 0, 0, 0, time.UTC)), "17. mai 2025"},
		{Bokmal.NumericDate(time.Date(2026, 3, 9, 0, 0, 0, 0, time.UTC)), "9.3.2026"},
		{English.NumericDate(time.Date(2026, 3, 9, 0, 0, 0, 0, time.UTC)), "2026-03-09"},
		{Bokmal.DateTime(time.Date(2026, 3, 9, 7, 5, 0, 0, time.UTC)), "9.3.2026 07:05"},
		{English.DateTime(time.Date(2026, 3, 9, 17, 5, 0, 0, time.UTC)), "2026-03-09 17:05"},
	} {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

// TestStandardLibraryOnly keeps the package a leaf: the root package and
// chart may import it only because it imports nothing from the module or
// outside the standard library. deps_test.go skips internal packages, so
// the rule is checked here.
func TestStandardLibraryOnly(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if first, _, _ := strings.Cut(p, "/"); strings.Contains(first, ".") || first == "generalist" {
				t.Errorf("%s imports %s; nbfmt may import only the standard library", name, p)
			}
		}
	}
}

func BenchmarkDecimal(b *testing.B) {
	for b.Loop() {
		Bokmal.Decimal(-1234567.891, 1)
	}
}
