package app_test

import (
	"context"
	"testing"

	"generalist"
	"generalist/app"
	"generalist/imc"
	"generalist/storetest"
)

func TestParticipantName(t *testing.T) {
	a := app.New(storetest.Loaded(t, storetest.OpenSQLite(t)))
	ctx := context.Background()
	for _, tt := range []struct {
		number, want string
		code         string
	}{
		{"1820", "Alstahaug", ""},
		{"18", "Nordland - Nordlánnda", ""},
		{"9999", "", generalist.ENOTFOUND},
		{"99", "", generalist.ENOTFOUND},
		{"182", "", generalist.ENOTFOUND},
		{"", "", generalist.ENOTFOUND},
	} {
		got, err := a.ParticipantName(ctx, tt.number)
		if got != tt.want || generalist.ErrorCode(err) != tt.code {
			t.Errorf("ParticipantName(%q) = %q, %v; want %q, code %q", tt.number, got, err, tt.want, tt.code)
		}
	}
	if _, err := a.ParticipantName(ctx, "9999"); generalist.ErrorMessage(err) != `no municipality or county "9999" in the 2024 structure` {
		t.Errorf("ParticipantName(9999) message = %q", generalist.ErrorMessage(err))
	}
}

func TestCooperationUseCases(t *testing.T) {
	db := storetest.Loaded(t, storetest.OpenSQLite(t))
	ctx := context.Background()
	storetest.ImportExamples(t, db)
	a := app.New(db)
	day := generalist.CalendarDate("2026-06-01")

	t.Run("OverviewUnknown", func(t *testing.T) {
		if _, err := a.CooperationOverview(ctx, "9999", day); generalist.ErrorCode(err) != generalist.ENOTFOUND {
			t.Errorf("CooperationOverview(9999) = %v, want ENOTFOUND", err)
		}
	})
	t.Run("Overview", func(t *testing.T) {
		o, err := a.CooperationOverview(ctx, "1820", day)
		if err != nil || o.Name != "Alstahaug" || len(o.Rows) != 1 || o.Rows[0].Cost == nil || *o.Rows[0].Cost <= 0 {
			t.Errorf("CooperationOverview(1820) = %+v, %v", o, err)
		}
		n, err := a.NationalOverview(ctx, day)
		if err != nil || n.Total != 4 || n.Examples != 4 {
			t.Errorf("NationalOverview = %+v, %v; want 4 running examples", n, err)
		}
	})

	x, err := db.IMC(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	t.Run("ShareCosts", func(t *testing.T) {
		cmp, year, err := a.ShareCosts(ctx, x, app.CostRequest{Total: 100000000, Year: 2026})
		if err != nil || year != 2026 || len(cmp.Allocations) != len(imc.DefaultKeys(x)) {
			t.Fatalf("ShareCosts = %+v, %d, %v", cmp, year, err)
		}
		for _, al := range cmp.Allocations {
			var sum generalist.Ore
			for _, r := range al.Rows {
				sum += r.Amount
			}
			if sum != 100000000 {
				t.Errorf("key %s sums to %d øre, want 100000000", al.Key, sum)
			}
		}
		if _, _, err := a.ShareCosts(ctx, x, app.CostRequest{Total: 100, Year: 1990}); generalist.ErrorCode(err) != generalist.EINVALID {
			t.Errorf("ShareCosts in 1990 = %v, want EINVALID", err)
		}
	})
	t.Run("Exits", func(t *testing.T) {
		as, err := app.Exits(x, imc.ExitRequest{Notice: "2026-03-31"})
		if err != nil || len(as) != len(x.Participants) {
			t.Fatalf("Exits(every participant) = %d answers, %v; want %d", len(as), err, len(x.Participants))
		}
		one, err := app.Exits(x, imc.ExitRequest{Participant: "1822", Notice: "2026-03-31"})
		if err != nil || len(one) != 1 || one[0].Participant != "1822" || one[0].Earliest != "2027-03-31" {
			t.Errorf("Exits(1822) = %+v, %v", one, err)
		}
		if _, err := app.Exits(x, imc.ExitRequest{Participant: "0301", Notice: "2026-03-31"}); generalist.ErrorCode(err) != generalist.EINVALID {
			t.Errorf("Exits(0301) = %v, want EINVALID", err)
		}
	})
}
