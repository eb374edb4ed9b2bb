package atlas_test

import (
	"context"
	"testing"

	"generalist"
	"generalist/atlas"
)

func TestDetailed(t *testing.T) {
	ctx := context.Background()
	db := loaded(t)
	native, err := atlas.Detailed(ctx, db, generalist.Structure2024, 2026)
	if err != nil {
		t.Fatal(err)
	}
	if len(native) != 357 || native[0].Ages == nil {
		t.Fatalf("Detailed(2024, 2026): %d records, ages %v", len(native), native[0].Ages != nil)
	}
	// 2024 records carried back to the 2020 structure: old Ålesund is
	// exactly the sum of Ålesund and Haram, age group by age group.
	back, err := atlas.Detailed(ctx, db, generalist.Structure2020, 2024)
	if err != nil {
		t.Fatal(err)
	}
	src, err := db.Populations(ctx, generalist.PopulationFilter{Structure: 2024, Year: 2024})
	if err != nil {
		t.Fatal(err)
	}
	var want generalist.AgeCounts
	var sum generalist.Persons
	for _, p := range src {
		sum += p.Total
		if p.Municipality == "1508" || p.Municipality == "1580" {
			for g := range want {
				want[g] += p.Ages[g]
			}
		}
	}
	var got generalist.Persons
	for _, p := range back {
		got += p.Total
		if p.Municipality == "1507" && (p.Ages == nil || *p.Ages != want) {
			t.Errorf("carried 1507 ages = %v, want %v", p.Ages, want)
		}
		if err := p.Validate(); err != nil {
			t.Errorf("carried record invalid: %v", err)
		}
	}
	if len(back) != 356 || got != sum {
		t.Errorf("Detailed(2020, 2024): %d records summing to %d, want 356 and %d", len(back), got, sum)
	}
}

func TestPressures(t *testing.T) {
	ctx := context.Background()
	db := loaded(t)
	ps, err := atlas.Pressures(ctx, db, generalist.Structure2024, 2026)
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 357 {
		t.Fatalf("%d pressures, want 357", len(ps))
	}
	// Independent sum straight from the single ages for Utsira.
	ages, err := db.SingleAges(ctx, generalist.Structure2024, 2026)
	if err != nil {
		t.Fatal(err)
	}
	var working, old generalist.Persons
	for _, a := range ages {
		if a.Municipality != "1151" {
			continue
		}
		if a.Age >= 20 && a.Age <= 66 {
			working += a.Persons
		}
		if a.Age >= 80 {
			old += a.Persons
		}
	}
	for _, p := range ps {
		if p.Municipality == "1151" && (p.Working != working || p.Old != old || p.Total != 219) {
			t.Errorf("Utsira 2026 = %+v, want working %d, old %d, total 219", p, working, old)
		}
	}
	// 2020 single ages exist on the 2020 structure only; on 2024 the
	// Ålesund split leaves 1508 and 1580 out.
	ps, err = atlas.Pressures(ctx, db, generalist.Structure2024, 2020)
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 355 {
		t.Errorf("Pressures(2024, 2020) = %d municipalities, want 355", len(ps))
	}
	if _, err := atlas.Pressures(ctx, db, generalist.Structure2024, 2015); generalist.ErrorCode(err) != generalist.ENOTFOUND {
		t.Errorf("Pressures(2015) = %v, want ENOTFOUND", err)
	}
}
