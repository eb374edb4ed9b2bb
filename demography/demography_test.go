package demography

import (
	"math"
	"testing"

	"generalist"
)

func TestFromAges(t *testing.T) {
	ages := make([]generalist.Persons, generalist.MaxAge+1)
	for a := range ages {
		ages[a] = 10 // 106 ages × 10
	}
	p, err := FromAges("0301", 2026, ages)
	if err != nil {
		t.Fatal(err)
	}
	// 20–66 is 47 ages, 80–105 is 26 ages.
	if p.Total != 1060 || p.Working != 470 || p.Old != 260 {
		t.Fatalf("FromAges = %+v, want total 1060, working 470, old 260", p)
	}
	if math.Abs(*p.Ratio-470.0/260) > 1e-12 || math.Abs(*p.Share80-100*260.0/1060) > 1e-12 {
		t.Errorf("ratio %v, share %v", *p.Ratio, *p.Share80)
	}
	young := make([]generalist.Persons, 90)
	young[30] = 5
	p, err = FromAges("0301", 2026, young)
	if err != nil || p.Ratio != nil || *p.Share80 != 0 {
		t.Errorf("no one over 80: ratio %v, err %v; want nil ratio", p.Ratio, err)
	}
	if _, err := FromAges("0301", 2026, make([]generalist.Persons, 50)); generalist.ErrorCode(err) != generalist.EINVALID {
		t.Errorf("short slice: %v, want EINVALID", err)
	}
	young[3] = -1
	if _, err := FromAges("0301", 2026, young); generalist.ErrorCode(err) != generalist.EINVALID {
		t.Errorf("negative count: %v, want EINVALID", err)
	}
}

func TestGrowthOf(t *testing.T) {
	k := func(v generalist.Persons) generalist.Count { return generalist.Count{Value: v, Known: true} }
	series := map[int]generalist.Count{2006: k(800), 2016: {Note: "estimert_deling"}, 2021: k(900), 2026: k(1000)}
	g := GrowthOf("1508", 2026, series)
	if g.Five == nil || math.Abs(*g.Five-100.0/9) > 1e-12 {
		t.Errorf("5 years = %v, want 11.11", g.Five)
	}
	if g.Ten != nil {
		t.Errorf("10 years = %v, want nil (2016 unknown)", *g.Ten)
	}
	if g.Twenty == nil || *g.Twenty != 25 {
		t.Errorf("20 years = %v, want 25", g.Twenty)
	}
	if g := GrowthOf("1508", 2030, series); g.Five != nil || g.Ten != nil || g.Twenty != nil {
		t.Errorf("no data for the end year: %+v, want all nil", g)
	}
}
