package generalist

import (
	"strings"
	"testing"
)

// The parsers of the registry take text from people (the CLI, forms, CSV
// files). Whatever they get, they return a value that survives a round
// trip or an EINVALID error, and never panic.

func FuzzParseOrgNumber(f *testing.F) {
	for _, s := range []string{"974760673", "974 760 673", "NO 923 609 016 MVA", "974760674", "", "９７４７６０６７３", "NO", "MVA"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseOrgNumber(s)
		if !parsed(t, "ParseOrgNumber", s, err) {
			return
		}
		if len(n) != 9 {
			t.Fatalf("ParseOrgNumber(%q) = %q, not nine digits", s, n)
		}
		if again, err := ParseOrgNumber(n.String()); err != nil || again != n {
			t.Fatalf("ParseOrgNumber(%q) = %q, %v; want %q", n.String(), again, err, n)
		}
	})
}

func FuzzParseOre(f *testing.F) {
	for _, s := range []string{"1 250 000", "1250000,50", "kr 1 250 000.5", "12 345,-", "1.250.000", "-5", "0,5", "NOK 3", "1e5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		o, err := ParseOre(s)
		if !parsed(t, "ParseOre", s, err) {
			return
		}
		if o < 0 || o > MaxOre {
			t.Fatalf("ParseOre(%q) = %d, out of range", s, o)
		}
		if again, err := ParseOre(o.Text()); err != nil || again != o {
			t.Fatalf("ParseOre(%q) = %v, %v; want %v", o.Text(), again, err, o)
		}
	})
}

func FuzzParseCostKey(f *testing.F) {
	for _, s := range []string{"lik", "20 % lik + 80 % innbyggere", "20:lik,80:innbyggere", "equal=20;inhabitants=80", "12,5 % bruk + 87,5 % fast", "lik + innbyggere", "100 % antall", "20 lik 30", "+;,"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k, err := ParseCostKey(s)
		if !parsed(t, "ParseCostKey", s, err) {
			return
		}
		if err := k.Validate(); err != nil {
			t.Fatalf("ParseCostKey(%q) = %v, which does not validate: %v", s, k, err)
		}
		again, err := ParseCostKey(k.String())
		if err != nil || again.String() != k.String() {
			t.Fatalf("ParseCostKey(%q) = %v, %v; want %v", k.String(), again, err, k)
		}
	})
}

func FuzzParseCalendarDate(f *testing.F) {
	for _, s := range []string{"2026-01-31", "31.01.2026", "1.2.2026", "2026-02-30", "0000-01-01", " 2026-01-01 "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseCalendarDate(s)
		if !parsed(t, "ParseCalendarDate", s, err) {
			return
		}
		if err := d.validate("d"); err != nil {
			t.Fatalf("ParseCalendarDate(%q) = %q, which does not validate: %v", s, d, err)
		}
		if d.AddMonths(12) <= d || !strings.HasPrefix(string(d.AddMonths(0)), string(d)) {
			t.Fatalf("AddMonths on %q is not monotone", d)
		}
	})
}

func FuzzParseShare(f *testing.F) {
	for _, s := range []string{"33,33", "33.33 %", "100", "100,01", "1,234", "-1", "0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseShare(s)
		if !parsed(t, "ParseShare", s, err) {
			return
		}
		if v < 0 || v > 10000 {
			t.Fatalf("ParseShare(%q) = %d, out of range", s, v)
		}
		if again, err := ParseShare(v.String()); err != nil || again != v {
			t.Fatalf("ParseShare(%q) = %v, %v; want %v", v.String(), again, err, v)
		}
	})
}

// parsed reports whether the parser name succeeded on s; an error other
// than EINVALID fails t.
func parsed(t *testing.T, name, s string, err error) bool {
	t.Helper()
	if err != nil && ErrorCode(err) != EINVALID {
		t.Fatalf("%s(%q) = %v, want EINVALID", name, s, err)
	}
	return err == nil
}
