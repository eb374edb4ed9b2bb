package sqlite_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"generalist"
	"generalist/storetest"
)

// TestEraseLeavesNoTrace: after an input's personal data is erased, its
// name, e-mail and attachment bytes are neither in the database file nor
// in its write-ahead log (secure_delete covers only the file; the log is
// checkpointed and truncated).
func TestEraseLeavesNoTrace(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "erase.db")
	db := storetest.OpenSQLiteAt(t, path)
	secrets := [][]byte{[]byte("Torgeir Hemmelighetsen"), []byte("torgeir.hemmelig@example.no"), []byte("PDF-innhold-7Q3XK")}
	in := &generalist.Input{Kind: generalist.InputChallenge, Title: "Innspill som skal slettes", Text: "Et innspill fra en person som senere ber om sletting.",
		SenderType: generalist.SenderPerson, Consent: true, ConsentVersion: generalist.InputConsent.Version, Status: generalist.InputNew,
		Name: string(secrets[0]), Email: string(secrets[1])}
	pdf := "%PDF-1.4\n% " + string(secrets[2]) + "\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
	var err error
	if in.Attachment, err = generalist.NewInputAttachment("vedlegg.pdf", []byte(pdf)); err != nil {
		t.Fatal(err)
	}
	if err := db.CreateInput(ctx, in); err != nil {
		t.Fatal(err)
	}
	wal, err := os.ReadFile(path + "-wal")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range secrets {
		if !bytes.Contains(wal, s) {
			t.Fatalf("%q is not in the write-ahead log after the input was stored: the test would prove nothing", s)
		}
	}
	if err := db.ErasePersonalData(ctx, in.ID); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{path, path + "-wal"} {
		b, err := os.ReadFile(f)
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		for _, s := range secrets {
			if bytes.Contains(b, s) {
				t.Errorf("%q is still in %s after erasing", s, filepath.Base(f))
			}
		}
	}
}
