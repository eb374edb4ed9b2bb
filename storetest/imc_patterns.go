package storetest

import (
	"context"
	"testing"

	"generalist"
	"generalist/imc"
	"generalist/sqlstore"
)

// RegisterTriangle registers three host arrangements among Alstahaug
// (1820), Leirfjord (1822) and Herøy (1818), each made from the first
// shipped example: all three, 1820 with 1822, and 1820 with 1818. The
// cooperation patterns' tests of app and web read them: 1820's partner
// sets {1822,1818}, {1822}, {1818} give a fixed-partner index of
// (1/2 + 1/2 + 0)/3 = 0.33, the other two's 0.50.
func RegisterTriangle(tb testing.TB, db *sqlstore.DB) {
	tb.Helper()
	cs, err := imc.Examples()
	if err != nil {
		tb.Fatal(err)
	}
	for i, keep := range [][]string{{"1820", "1822", "1818"}, {"1820", "1822"}, {"1820", "1818"}} {
		c := cs[0]
		c.Example, c.Source = false, "test"
		c.Name = []string{"Barnevern test", "Legevakt test", "PPT test"}[i]
		c.Participants = nil
		for _, p := range cs[0].Participants {
			for _, k := range keep {
				if p.Number == k {
					c.Participants = append(c.Participants, p)
				}
			}
		}
		if err := db.CreateIMC(context.Background(), &c, generalist.IMCEdit{Author: "Test"}); err != nil {
			tb.Fatal(err)
		}
	}
}
