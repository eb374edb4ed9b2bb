package generalist

import (
	"reflect"
	"strings"
	"testing"
)

// A small made-up structure change with every kind: A stays, B is
// renumbered to B2, C and D merge into CD, E is split over CD and F.
func fixtureMapping() *Mapping {
	return &Mapping{From: 2019, To: 2020, Changes: []Change{
		{From: "0101", To: "0101", Kind: Unchanged},
		{From: "0102", To: "0202", Kind: Renumbered},
		{From: "0103", To: "0210", Kind: Merged},
		{From: "0104", To: "0210", Kind: Merged},
		{From: "0105", To: "0210", Kind: Split},
		{From: "0105", To: "0211", Kind: Split},
	}}
}

func known(n MunicipalityNumber, v Persons) Count {
	return Count{Municipality: n, Value: v, Known: true}
}

func TestCarryForward(t *testing.T) {
	m := fixtureMapping()
	got, err := m.Carry([]Count{known("0101", 10), known("0102", 20), known("0103", 30), known("0104", 40), known("0105", 50)})
	if err != nil {
		t.Fatal(err)
	}
	want := []Count{
		known("0101", 10),
		known("0202", 20),
		{Municipality: "0210", Note: NoteSplitCarried}, // part of the split 0105 went here
		{Municipality: "0211", Note: NoteSplitCarried},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Carry = %+v, want %+v", got, want)
	}
}

func TestCarryBackward(t *testing.T) {
	// Read backwards, the merge is a split and the split a merge: 0211
	// and 0210 together were 0105 and parts of 0103/0104, so only the
	// one-to-one units are known.
	r := fixtureMapping().Reverse()
	got, err := r.Carry([]Count{known("0101", 10), known("0202", 20), known("0210", 100), known("0211", 5)})
	if err != nil {
		t.Fatal(err)
	}
	want := []Count{
		known("0101", 10),
		known("0102", 20),
		{Municipality: "0103", Note: NoteSplitCarried},
		{Municipality: "0104", Note: NoteSplitCarried},
		{Municipality: "0105", Note: NoteSplitCarried},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Reverse().Carry = %+v, want %+v", got, want)
	}
}

func TestCarryMergeOfSplitParts(t *testing.T) {
	// Ålesund 2020 → Ålesund + Haram 2024 read backwards is a plain merge:
	// the 2020 value is exactly the sum.
	m := &Mapping{From: 2020, To: 2024, Changes: []Change{
		{From: "1507", To: "1508", Kind: Split}, {From: "1507", To: "1580", Kind: Split},
	}}
	got, err := m.Reverse().Carry([]Count{known("1508", 67000), known("1580", 9000)})
	if err != nil {
		t.Fatal(err)
	}
	if want := []Count{known("1507", 76000)}; !reflect.DeepEqual(got, want) {
		t.Errorf("Carry = %+v, want %+v", got, want)
	}
}

func TestCarryUnknownSource(t *testing.T) {
	m := fixtureMapping()
	got, err := m.Carry([]Count{known("0101", 10), {Municipality: "0102", Note: "mangler"}, known("0103", 1), known("0104", 1), known("0105", 1)})
	if err != nil {
		t.Fatal(err)
	}
	if got[1].Known || got[1].Note != "mangler" {
		t.Errorf("Carry of an unknown source = %+v, want unknown with its note", got[1])
	}
}

func TestCarryErrors(t *testing.T) {
	m := fixtureMapping()
	for _, tt := range []struct {
		in   []Count
		want string
	}{
		{[]Count{known("0101", 1)}, "no value for 0102"},
		{[]Count{known("0101", 1), known("0101", 1)}, "given twice"},
		{[]Count{known("0999", 1)}, "not a municipality of 2019"},
	} {
		if _, err := m.Carry(tt.in); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Carry(%v) error = %v, want %q", tt.in, err, tt.want)
		}
	}
}

func TestMappingValidate(t *testing.T) {
	from := []Municipality{{Number: "0101"}, {Number: "0102"}, {Number: "0103"}, {Number: "0104"}, {Number: "0105"}}
	to := []Municipality{{Number: "0101"}, {Number: "0202"}, {Number: "0210"}, {Number: "0211"}}
	if err := fixtureMapping().Validate(from, to); err != nil {
		t.Fatalf("Validate = %v", err)
	}
	bad := fixtureMapping()
	bad.Changes[5].Kind = Merged // a split part not marked as split
	if err := bad.Validate(from, to); err == nil || !strings.Contains(err.Error(), "0105→0211 is marked sammenslatt") {
		t.Errorf("Validate(split marked as merge) = %v", err)
	}
	bad = fixtureMapping()
	bad.Changes = bad.Changes[:5] // 0211 has no predecessor, 0105 no longer split
	if err := bad.Validate(from, to); err == nil {
		t.Error("Validate(incomplete mapping) = nil, want error")
	}
	if err := fixtureMapping().Reverse().Validate(to, from); err != nil {
		t.Errorf("Reverse().Validate = %v", err)
	}
}

func TestCompose(t *testing.T) {
	ab := fixtureMapping()
	bc := &Mapping{From: 2020, To: 2024, Changes: []Change{
		{From: "0101", To: "0101", Kind: Unchanged},
		{From: "0202", To: "0302", Kind: Renumbered},
		{From: "0210", To: "0310", Kind: Renumbered},
		{From: "0211", To: "0310", Kind: Merged},
	}}
	ac, err := Compose(ab, bc)
	if err != nil {
		t.Fatal(err)
	}
	// 0105's two parts meet again in 0310, so composed it maps wholly.
	got, err := ac.Carry([]Count{known("0101", 1), known("0102", 2), known("0103", 3), known("0104", 4), known("0105", 5)})
	if err != nil {
		t.Fatal(err)
	}
	want := []Count{known("0101", 1), known("0302", 2), known("0310", 12)}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Compose().Carry = %+v, want %+v", got, want)
	}
	if _, err := Compose(bc, ab); err == nil {
		t.Error("Compose(2020→2024, 2019→2020) = nil error, want error")
	}
}
