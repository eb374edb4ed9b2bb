package storetest

import (
	"context"
	"testing"
	"time"

	"generalist"
)

func testEconomyFiles(t *testing.T, st stores) {
	ctx := context.Background()
	db := st.open(t)
	at := time.Date(2026, 12, 6, 10, 0, 0, 0, time.UTC)
	db.Now = func() time.Time { return at }
	if fs, err := db.EconomyFiles(ctx, true); err != nil || len(fs) != 0 {
		t.Fatalf("EconomyFiles(empty store) = %v, %v; want none", fs, err)
	}
	grants := generalist.EconomyFile{Name: "rammetilskudd_2025.csv", Table: "grants", Year: 2025, Data: "kommunenummer;x\n1111;1\n", Author: "kari"}
	tax := generalist.EconomyFile{Name: "skatt_landsgjennomsnitt_2025.csv", Table: "grants", Year: 2025, Data: "aar;x\n2025;1\n", Author: "kari"}
	files := []generalist.EconomyFile{grants, tax}
	if err := db.ImportEconomyFiles(ctx, files, false, nil); err != nil {
		t.Fatal(err)
	}
	// sha256 of "kommunenummer;x\n1111;1\n", computed with sha256sum.
	const grantsSum = "13d484889be73a2262c85e9525c064e46342019a3f28e3be5ebc78ae9e0f8abf"
	got, err := db.EconomyFiles(ctx, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Name != grants.Name || got[1].Name != tax.Name {
		t.Fatalf("EconomyFiles = %+v, want the two files by name", got)
	}
	if got[0].Data != grants.Data || got[0].Table != "grants" || got[0].Year != 2025 || got[0].Author != "kari" || !got[0].ImportedAt.Equal(at) {
		t.Errorf("EconomyFiles()[0] = %+v, want %+v imported at %v", got[0], grants, at)
	}
	if got[0].SHA256 != grantsSum || files[0].SHA256 != grantsSum {
		t.Errorf("stored sha256 %q, import set %q; want %s", got[0].SHA256, files[0].SHA256, grantsSum)
	}
	meta, err := db.EconomyFiles(ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(meta) != 2 || meta[0].Data != "" || meta[0].SHA256 != got[0].SHA256 {
		t.Errorf("EconomyFiles(data false) = %+v, want the files without their text", meta)
	}

	t.Run("ErrConflict", func(t *testing.T) {
		// A second import naming an existing file stores nothing at all,
		// not even its new file.
		other := generalist.EconomyFile{Name: "kostnadsindeks_2025.csv", Table: "cost-index", Year: 2025, Data: "a\n", Author: "ola"}
		changed := grants
		changed.Data = "kommunenummer;x\n1111;2\n"
		err := db.ImportEconomyFiles(ctx, []generalist.EconomyFile{other, changed}, false, nil)
		if generalist.ErrorCode(err) != generalist.ECONFLICT {
			t.Fatalf("ImportEconomyFiles(existing name) = %v, want ECONFLICT", err)
		}
		after, err := db.EconomyFiles(ctx, true)
		if err != nil {
			t.Fatal(err)
		}
		if len(after) != 2 || after[0].Data != grants.Data {
			t.Errorf("after a refused import the store holds %+v, want it unchanged", after)
		}
	})
	t.Run("Replace", func(t *testing.T) {
		changed := grants
		changed.Data = "kommunenummer;x\n1111;3\n"
		if err := db.ImportEconomyFiles(ctx, []generalist.EconomyFile{changed}, true, nil); err != nil {
			t.Fatal(err)
		}
		after, err := db.EconomyFiles(ctx, true)
		if err != nil {
			t.Fatal(err)
		}
		if len(after) != 2 || after[0].Data != changed.Data || after[0].SHA256 == got[0].SHA256 {
			t.Errorf("after replace the store holds %+v, want the new text of %s", after, changed.Name)
		}
	})
	t.Run("ErrInvalid", func(t *testing.T) {
		for _, bad := range [][]generalist.EconomyFile{
			nil,
			{{Name: "", Data: "x"}},
			{{Name: "a.csv", Data: "x"}, {Name: "a.csv", Data: "y"}},
			{{Name: "b.csv", Data: "\xff\xfe"}},
		} {
			if err := db.ImportEconomyFiles(ctx, bad, true, nil); generalist.ErrorCode(err) != generalist.EINVALID {
				t.Errorf("ImportEconomyFiles(%+v) = %v, want EINVALID", bad, err)
			}
		}
		after, err := db.EconomyFiles(ctx, false)
		if err != nil {
			t.Fatal(err)
		}
		if len(after) != 2 {
			t.Errorf("after refused imports the store lists %d files, want 2", len(after))
		}
	})
	t.Run("CheckRefuses", func(t *testing.T) {
		// check sees every file the store would hold, and refusing
		// stores nothing.
		extra := generalist.EconomyFile{Name: "rammetilskudd_2025.csv", Table: "grants", Year: 2025, Data: "x\n", Author: "ola"}
		var seen []string
		err := db.ImportEconomyFiles(ctx, []generalist.EconomyFile{extra}, true, func(all []generalist.EconomyFile) error {
			for _, f := range all {
				seen = append(seen, f.Name+"="+f.Data)
			}
			return generalist.Errorf(generalist.EINVALID, "refused by the check")
		})
		if generalist.ErrorCode(err) != generalist.EINVALID {
			t.Fatalf("ImportEconomyFiles(check refuses) = %v, want the check's EINVALID", err)
		}
		want := []string{"rammetilskudd_2025.csv=x\n", "skatt_landsgjennomsnitt_2025.csv=" + tax.Data}
		if len(seen) != 2 || seen[0] != want[0] || seen[1] != want[1] {
			t.Errorf("check saw %q, want %q", seen, want)
		}
		after, err := db.EconomyFiles(ctx, true)
		if err != nil {
			t.Fatal(err)
		}
		if len(after) != 2 || after[0].Data == "x\n" {
			t.Errorf("after a refused check the store holds %+v, want it unchanged", after)
		}
	})
	t.Run("Delete", func(t *testing.T) {
		if err := db.DeleteEconomyFiles(ctx, []string{tax.Name, "nosuch.csv"}); generalist.ErrorCode(err) != generalist.ENOTFOUND {
			t.Fatalf("DeleteEconomyFiles(with an unknown name) = %v, want ENOTFOUND", err)
		}
		if after, _ := db.EconomyFiles(ctx, false); len(after) != 2 {
			t.Fatalf("a refused delete removed files: %d left, want 2", len(after))
		}
		if err := db.DeleteEconomyFiles(ctx, []string{tax.Name}); err != nil {
			t.Fatal(err)
		}
		after, err := db.EconomyFiles(ctx, false)
		if err != nil {
			t.Fatal(err)
		}
		if len(after) != 1 || after[0].Name != grants.Name {
			t.Errorf("after deleting %s the store lists %+v", tax.Name, after)
		}
	})
}
