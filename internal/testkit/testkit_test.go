package testkit

import "testing"

func TestDataCSV(t *testing.T) {
	rows := DataCSV(t, "oppgaver_lovgrunnlag.csv")
	if len(rows) == 0 {
		t.Fatal("no rows")
	}
	for i, r := range rows {
		if r["id"] == "" {
			t.Fatalf("row %d has no id: %v", i+1, r)
		}
	}
}
