package generalist

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
)

func TestExcelCSV(t *testing.T) {
	std := "kommunenummer,navn,andel,dato,formel,tekst\n" +
		"0301,Oslo,-3.5,1.1.2026,'=1+1,\"Bø, i Telemark\"\n" +
		"1151,Utsira,1.25e-05,31.12.2020,12,versjon 2026-11-26.1\n"
	got, err := ExcelCSV([]byte(std))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(got, []byte("\xef\xbb\xbf")) {
		t.Error("no UTF-8 byte order mark")
	}
	if !bytes.Contains(got, []byte("\r\n")) || bytes.Contains(bytes.ReplaceAll(got, []byte("\r\n"), nil), []byte("\n")) {
		t.Error("lines do not end in CRLF")
	}
	// Read back as Excel would: semicolons, and compare every cell with
	// what the rule says by hand.
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(got, []byte("\xef\xbb\xbf"))))
	r.Comma = ';'
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"kommunenummer", "navn", "andel", "dato", "formel", "tekst"},
		{"0301", "Oslo", "-3,5", "1.1.2026", "'=1+1", "Bø, i Telemark"},
		{"1151", "Utsira", "1,25e-05", "31.12.2020", "12", "versjon 2026-11-26.1"},
	}
	if len(recs) != len(want) {
		t.Fatalf("%d records, want %d", len(recs), len(want))
	}
	for i := range want {
		if strings.Join(recs[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("record %d = %q, want %q", i, recs[i], want[i])
		}
	}
	if _, err := ExcelCSV([]byte("a,\"b\n")); err == nil {
		t.Error("a malformed CSV was not refused")
	}
}
