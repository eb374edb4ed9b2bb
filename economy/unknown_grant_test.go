package economy_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"generalist"
	"generalist/economy"
)

// TestCurrentInndelingstilskuddIsNoData: no table loaded gives the
// inndelingstilskudd a municipality receives today (Ålesund has had one
// since 2020), so the separate side is "no data" (null), not 0 kr, and
// named in Missing; the merged municipality's whole one is unknown too.
// The one-off grant and reform support stay 0 separate: no merger, no
// grant.
func TestCurrentInndelingstilskuddIsNoData(t *testing.T) {
	m := MustModel(t)
	for _, members := range [][]generalist.MunicipalityNumber{{"1508", "1532"}, hjelmelandSuldalSauda, {"1111", "1112"}} {
		r, err := economy.MergerEffect(mustYear(t, m, 2025), m.Data, members)
		if err != nil {
			t.Fatal(err)
		}
		c := component(t, r, "inndelingstilskudd")
		if c.Separate != nil || c.Merged != nil {
			t.Errorf("%v: inndelingstilskudd separate %v merged %v, want no data", members, c.Separate, c.Merged)
		}
		if !slices.Contains(r.Missing, "current_inndelingstilskudd") {
			t.Errorf("%v: missing %v does not name the current inndelingstilskudd", members, r.Missing)
		}
		b, err := json.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), `"separate":null`) {
			t.Errorf("%v: %s, want separate null", members, b)
		}
		for _, id := range []string{"one_off_grant", "reform_support"} {
			if c := component(t, r, id); c.Separate == nil || *c.Separate != 0 {
				t.Errorf("%v: %s separate %v, want 0 by rule", members, id, c.Separate)
			}
		}
	}
}

// TestRegionalCentreAbolished2025: the 2025 parameters abolish the
// regionsentertilskudd, so its rule says so, it is 0 on both sides, it is
// not listed as missing, and it is no part of substance of a known
// change (a merger with no other data still has none).
func TestRegionalCentreAbolished2025(t *testing.T) {
	m := MustModel(t)
	p := mustYear(t, m, 2025)
	if !economy.RegionalCentreAbolished(p) {
		t.Fatal("2025 parameters do not abolish the regionsentertilskudd")
	}
	if economy.RegionalCentreAbolished(mustYear(t, m, 2021)) {
		t.Error("2021 parameters abolish the regionsentertilskudd")
	}
	r, err := economy.MergerEffect(p, m.Data, []generalist.MunicipalityNumber{"1508", "1532"})
	if err != nil {
		t.Fatal(err)
	}
	c := component(t, r, "regional_centre_grant")
	if c.Rule != economy.RuleAbolished || c.Separate == nil || *c.Separate != 0 || c.Merged == nil || *c.Merged != 0 || c.Change == nil || *c.Change != 0 {
		t.Errorf("regional centre grant %+v, want abolished, 0 on both sides", c)
	}
	if slices.Contains(r.Missing, "regional_centre_grant") {
		t.Errorf("missing %v names the abolished regionsentertilskudd", r.Missing)
	}
	for _, y := range r.Years {
		if y.Known != nil {
			t.Errorf("%d: known change %v from nothing but zeros by rule", y.Year, *y.Known)
		}
	}
}
