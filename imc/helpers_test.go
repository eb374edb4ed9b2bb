package imc

import (
	"bytes"
	"encoding/json"
	"io"
	"testing"

	"generalist"
	"generalist/internal/testkit"
	"generalist/refdata"
)

// mustCatalogue returns the shipped task catalogue, parsed once.
var mustCatalogue = testkit.Once(refdata.EmbeddedTasks)

// example returns a deep copy of the shipped example of a form: the host
// arrangement, the KO, the IKS or the IPR, and a host arrangement with a
// joint board made from the first.
func example(tb testing.TB, f generalist.IMCForm) *generalist.IMC {
	tb.Helper()
	cs, err := Examples()
	if err != nil {
		tb.Fatal(err)
	}
	for _, c := range cs {
		if c.Form == f || f == generalist.FormHostBoard && c.Form == generalist.FormHostAdmin {
			// A deep copy, so a test may change anything.
			b, _ := json.Marshal(c)
			var out generalist.IMC
			if err := json.Unmarshal(b, &out); err != nil {
				tb.Fatal(err)
			}
			if f == generalist.FormHostBoard {
				out.Form = generalist.FormHostBoard
				for i := range out.Participants {
					out.Participants[i].Seats = 2
				}
			}
			return &out
		}
	}
	tb.Fatalf("no example of form %s", f)
	return nil
}

// reparse writes cs with export and parses what it wrote with parse, as
// the file name.
func reparse(tb testing.TB, cs []generalist.IMC, export func(io.Writer, []generalist.IMC) error, parse func([]byte, string) ([]generalist.IMC, error), name string) []generalist.IMC {
	tb.Helper()
	var buf bytes.Buffer
	if err := export(&buf, cs); err != nil {
		tb.Fatal(err)
	}
	back, err := parse(buf.Bytes(), name)
	if err != nil {
		tb.Fatalf("export of a parsed file does not parse: %v\n%s", err, buf.String())
	}
	return back
}

func share(s generalist.Share) *generalist.Share { return &s }

func itemOf(l *Checklist, id string) *Item {
	for i := range l.Items {
		if l.Items[i].ID == id {
			return &l.Items[i]
		}
	}
	return nil
}
