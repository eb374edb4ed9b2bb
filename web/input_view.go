package web

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"generalist"
	"generalist/chart"
	"generalist/internal/nbfmt"
)

// Views: what the input templates show of an input, its tags and its
// place, with labels in the page's language.

type tagView struct {
	ID       generalist.InputTag
	Label    string
	Count    int
	Selected bool
}

type tagGroupView struct {
	Group, Label string
	Tags         []tagView
}

type inputView struct {
	In                     *generalist.Input
	Kind, Status, Sender   string
	Tags                   []tagView
	Place                  string
	From                   string
	Paragraphs             []string
	Excerpt                string
	Created, Published     string
	Erased                 string
	Scenarios              []string
	AttachmentSize         string
	Withdrawable, Editable bool
}

// places names municipalities and counties of the 2024 structure.
type places struct {
	Munis    []generalist.Municipality
	Counties []generalist.County
	muni     map[generalist.MunicipalityNumber]string
	county   map[generalist.CountyNumber]string
}

func (h *inputHandlers) places(ctx context.Context) (*places, error) {
	return get(ctx, h.s.cache, "input/places", func() (*places, error) {
		ms, err := h.s.store.Municipalities(ctx, generalist.Structure2024)
		if err != nil {
			return nil, err
		}
		cs, err := h.s.store.Counties(ctx, generalist.Structure2024)
		if err != nil {
			return nil, err
		}
		p := &places{Munis: ms, Counties: cs, muni: map[generalist.MunicipalityNumber]string{}, county: map[generalist.CountyNumber]string{}}
		for _, m := range ms {
			p.muni[m.Number] = m.ShortName
		}
		for _, c := range cs {
			p.county[generalist.CountyNumber(c.Number)] = c.Name
		}
		return p, nil
	})
}

func (p *places) label(in *generalist.Input) string {
	switch {
	case in.Municipality != "":
		if n, ok := p.muni[in.Municipality]; ok {
			return fmt.Sprintf("%s (%s)", n, in.Municipality)
		}
		return string(in.Municipality)
	case in.County != "":
		if n, ok := p.county[in.County]; ok {
			return n
		}
		return string(in.County)
	}
	return ""
}

func tagLabel(t generalist.InputTag, lang string) string {
	if lang == "en" {
		return t.LabelEN()
	}
	return t.Label()
}

// tagGroups returns the vocabulary by group, marking the selected tags and
// filling in the counts.
func tagGroups(lang string, selected []generalist.InputTag, counts []generalist.TagCount) []tagGroupView {
	n := map[generalist.InputTag]int{}
	for _, c := range counts {
		n[c.Tag] = c.Count
	}
	var out []tagGroupView
	for _, g := range generalist.TagGroups {
		nb, en := generalist.TagGroupLabel(g)
		v := tagGroupView{Group: g, Label: nb}
		if lang == "en" {
			v.Label = en
		}
		for _, t := range generalist.InputTags {
			if t.Group == g {
				v.Tags = append(v.Tags, tagView{ID: t.ID, Label: tagLabel(t.ID, lang), Count: n[t.ID], Selected: slices.Contains(selected, t.ID)})
			}
		}
		out = append(out, v)
	}
	return out
}

// formatDate writes the day of t in Norway for lang: "09.03.2026", or
// "2026-03-09" in English.
func formatDate(lang string, t time.Time) string { return nbfmt.For(lang).NumericDate(t.In(oslo)) }

// oslo is Norway's time zone, for dates shown to people; UTC when the
// system has no zone data.
var oslo = func() *time.Location {
	if l, err := time.LoadLocation("Europe/Oslo"); err == nil {
		return l
	}
	return time.UTC
}()

// view prepares an input for a template. full is for analysts; otherwise
// only the public copy is used.
func (p *places) view(in *generalist.Input, lang string, full bool) inputView {
	c := *in
	if !full {
		c = in.Public()
	}
	v := inputView{In: &c, Place: p.label(&c), Paragraphs: c.Paragraphs(), Created: formatDate(lang, c.CreatedAt), Scenarios: c.Scenarios}
	v.Kind, v.Status, v.Sender = c.Kind.Label(), c.Status.Label(), c.SenderType.Label()
	if lang == "en" {
		v.Kind, v.Status, v.Sender = c.Kind.LabelEN(), c.Status.LabelEN(), c.SenderType.LabelEN()
	}
	for _, t := range c.Tags {
		v.Tags = append(v.Tags, tagView{ID: t, Label: tagLabel(t, lang)})
	}
	if len(v.Paragraphs) > 0 {
		v.Excerpt = v.Paragraphs[0]
		if r := []rune(v.Excerpt); len(r) > 300 {
			v.Excerpt = strings.TrimSpace(string(r[:300])) + " …"
		}
	}
	if c.PublishedAt != nil {
		v.Published = formatDate(lang, *c.PublishedAt)
	}
	if c.ErasedAt != nil {
		v.Erased = formatDate(lang, *c.ErasedAt)
	}
	if c.Name != "" || c.Organisation != "" {
		v.From = strings.Trim(c.Name+", "+c.Organisation, ", ")
	}
	if c.Attachment != nil {
		v.AttachmentSize = chart.FormatNumber(float64(c.Attachment.Size)/1024, 0, lang) + " KiB"
	}
	v.Withdrawable = c.Status != generalist.InputWithdrawn
	v.Editable = c.Status != generalist.InputWithdrawn && c.Status != generalist.InputMerged
	return v
}
