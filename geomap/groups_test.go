package geomap

import (
	"bytes"
	"strings"
	"testing"
)

func TestRenderGroupsGolden(t *testing.T) {
	m := mustCountyMap(t, "39")
	// Vestfold in three groups, the third sharing the first's colour.
	g := Groups{
		Members: [][]string{{"3901", "3903", "3905"}, {"3907", "3909"}, {"3911"}},
		Colours: []int{0, 1, 0},
		Labels:  []string{"gruppe 1: 3 kommuner", "gruppe 2: 2 kommuner", "gruppe 3: 1 kommune"},
	}
	var b bytes.Buffer
	if err := m.RenderGroups(&b, g, Options{Width: 400, Link: func(c string) string { return "/kommune/" + c }}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{`data-code="3901" data-class="0" stroke="#767676" fill="#e69f00"`, `data-code="3907" data-class="1" stroke="#767676" fill="#56b4e9"`, "gruppe 2: 2 kommuner"} {
		if !strings.Contains(out, want) {
			t.Errorf("SVG lacks %q", want)
		}
	}
	compareGolden(t, "vestfold_groups.svg", b.Bytes())
}

func TestRenderGroupsErrors(t *testing.T) {
	m := mustMap(t)
	for _, tt := range []struct {
		name string
		g    Groups
	}{
		{"Twice", Groups{Members: [][]string{{"3901"}, {"3901"}}}},
		{"Colour", Groups{Members: [][]string{{"3901"}}, Colours: []int{8}}},
		{"Labels", Groups{Members: [][]string{{"3901"}}, Labels: []string{"a", "b"}}},
		{"Unknown", Groups{Members: [][]string{{"9999"}}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if err := m.RenderGroups(&bytes.Buffer{}, tt.g, Options{}); err == nil {
				t.Error("RenderGroups = nil, want an error")
			}
		})
	}
	// One colour only, and no groups at all.
	for _, g := range []Groups{{Members: [][]string{{"3901", "3903"}}}, {}} {
		if err := m.RenderGroups(&bytes.Buffer{}, g, Options{}); err != nil {
			t.Errorf("RenderGroups(%v) = %v", g.Members, err)
		}
	}
}

// TestRenderGroupsCategories: a categorical map's legend and description
// list its categories (colours and label), never ranges of group labels.
func TestRenderGroupsCategories(t *testing.T) {
	m := mustCountyMap(t, "39")
	g := Groups{
		Members:    [][]string{{"3901", "3903"}, {"3905", "3907"}, {"3909"}},
		Colours:    []int{0, 1, 7},
		Labels:     []string{"region Horten", "region Holmestrand", "alone"},
		Categories: []string{"region", "stays alone"},
		Category:   []int{0, 0, 1},
	}
	var b bytes.Buffer
	if err := m.RenderGroups(&b, g, Options{Width: 400, Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{`class="geomap-legend"`, `class="geomap-key geomap-category"`, `fill="#e69f00"/><rect x="17" y=`,
		`fill="#999999"/><rect`, ">region</text>", ">stays alone</text>", "Key: region; stays alone."} {
		if !strings.Contains(out, want) {
			t.Errorf("SVG lacks %q", want)
		}
	}
	for _, not := range []string{"classes", "–", "region Horten–"} {
		if strings.Contains(out[:strings.Index(out, "</desc>")], not) {
			t.Errorf("the description reads %q", not)
		}
	}
	for _, bad := range []Groups{
		{Members: g.Members, Categories: g.Categories, Category: []int{0, 0}},
		{Members: g.Members, Categories: g.Categories, Category: []int{0, 0, 2}},
		{Members: g.Members, Categories: g.Categories, Category: []int{0, 0, 0}},
	} {
		if err := m.RenderGroups(&bytes.Buffer{}, bad, Options{}); err == nil {
			t.Errorf("RenderGroups(category %v) = nil, want an error", bad.Category)
		}
	}
}
