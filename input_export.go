package generalist

import (
	"io"
	"strconv"
	"strings"
	"time"
)

// InputExport is an input as the public list, the API and the exports
// show it: the name and organisation only when the sender chose to publish
// them, never the e-mail address, the reference, the consent details or
// the attachment.
type InputExport struct {
	ID           int64              `json:"id"`
	Kind         InputKind          `json:"kind"`
	Title        string             `json:"title"`
	Text         string             `json:"text"`
	Tags         []InputTag         `json:"tags"`
	Municipality MunicipalityNumber `json:"municipality,omitempty"`
	County       CountyNumber       `json:"county,omitempty"`
	SenderType   SenderType         `json:"sender_type"`
	Name         string             `json:"name,omitempty"`
	Organisation string             `json:"organisation,omitempty"`
	CreatedAt    time.Time          `json:"created_at"`
	PublishedAt  *time.Time         `json:"published_at,omitempty"`
	Scenarios    []string           `json:"scenarios,omitempty"`
}

// Export returns the public view of in (see Public).
func (in *Input) Export() InputExport {
	p := in.Public()
	if p.Tags == nil {
		p.Tags = []InputTag{}
	}
	return InputExport{ID: p.ID, Kind: p.Kind, Title: p.Title, Text: p.Text, Tags: p.Tags, Municipality: p.Municipality, County: p.County,
		SenderType: p.SenderType, Name: p.Name, Organisation: p.Organisation, CreatedAt: p.CreatedAt, PublishedAt: p.PublishedAt, Scenarios: p.Scenarios}
}

// WriteInputsCSV writes inputs as CSV (a header row, then one row per
// input, tags and scenarios separated by ";"), in their public view. A
// cell a spreadsheet would read as a formula gets a leading apostrophe
// (CSVCell).
func WriteInputsCSV(w io.Writer, ins []InputExport) error {
	cw := NewCSVWriter(w)
	cw.Write([]string{"id", "kind", "title", "text", "tags", "municipality", "county", "sender_type", "name", "organisation", "created_at", "published_at", "scenarios"})
	for _, in := range ins {
		tags := make([]string, len(in.Tags))
		for i, t := range in.Tags {
			tags[i] = string(t)
		}
		pub := ""
		if in.PublishedAt != nil {
			pub = in.PublishedAt.UTC().Format(time.RFC3339)
		}
		row := []string{strconv.FormatInt(in.ID, 10), string(in.Kind), in.Title, in.Text, strings.Join(tags, ";"), string(in.Municipality), string(in.County),
			string(in.SenderType), in.Name, in.Organisation, in.CreatedAt.UTC().Format(time.RFC3339), pub, strings.Join(in.Scenarios, ";")}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
