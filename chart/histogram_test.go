package chart

import (
	"bytes"
	"strings"
	"testing"
)

func histogram() HistogramChart {
	return HistogramChart{Title: "Største gruppe", Unit: "Innbyggere", Of: "planer", Lo: 100, Hi: 200, Counts: []int{1, 0, 3, 4, 2},
		Marks: []Reference{{Label: "Planen", Value: 150}}, Source: "SSB 07459", ID: "h"}
}

// TestHistogram: one bar per non-empty bin, with heights in proportion
// to the counts; the mark is drawn and described with the share of
// plans below it; the output is valid, deterministic SVG.
func TestHistogram(t *testing.T) {
	var a, b bytes.Buffer
	if err := Histogram(&a, histogram()); err != nil {
		t.Fatal(err)
	}
	if err := Histogram(&b, histogram()); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("the same chart twice gave different output")
	}
	checkSVG(t, a.Bytes())
	s := a.String()
	if n := strings.Count(s, `class="chart-bar"`); n != 4 {
		t.Errorf("%d bars, want 4 (one per non-empty bin)", n)
	}
	for _, want := range []string{
		"10 planer, fra 100–200.", "Vanligst: 160–180 (40,0 %).", // 4 of 10 in the fourth bin
		"Planen: 150, omtrent 25 % planer lavere.", // 1 + 0 + half of the 3 in 140–160: 2.5 of 10
		"Andel av planer (%)", `class="chart-ref"`, `role="img"`, `lang="nb"`, "140–160: 30,0 %",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	c := histogram()
	c.Lang, c.Of = "en", ""
	b.Reset()
	if err := Histogram(&b, c); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "10 observations, from 100–200.") || !strings.Contains(b.String(), "Share of observations (%)") {
		t.Errorf("English description: %s", b.String()[:min(600, b.Len())])
	}
	// The mark widens the axis.
	c = histogram()
	c.Marks[0].Value = 400
	b.Reset()
	if err := Histogram(&b, c); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), ">400<") {
		t.Error("the axis does not reach a mark beyond the data")
	}
}

func TestHistogramNoData(t *testing.T) {
	c := histogram()
	c.Counts = []int{0, 0}
	var b bytes.Buffer
	if err := Histogram(&b, c); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "ingen data") || strings.Contains(b.String(), `class="chart-bar"`) {
		t.Error("an empty histogram does not say ingen data")
	}
	// One value only: one bar.
	c = histogram()
	c.Lo, c.Hi, c.Counts, c.Marks = 5, 5, []int{7}, nil
	b.Reset()
	if err := Histogram(&b, c); err != nil {
		t.Fatal(err)
	}
	if strings.Count(b.String(), `class="chart-bar"`) != 1 {
		t.Error("a constant sample does not give one bar")
	}
}

func TestHistogramErrors(t *testing.T) {
	nan := 0.0
	nan /= nan
	for name, mod := range map[string]func(*HistogramChart){
		"no title":       func(c *HistogramChart) { c.Title = " " },
		"reversed range": func(c *HistogramChart) { c.Lo, c.Hi = 3, 2 },
		"NaN range":      func(c *HistogramChart) { c.Hi = nan },
		"negative count": func(c *HistogramChart) { c.Counts[1] = -1 },
		"NaN mark":       func(c *HistogramChart) { c.Marks[0].Value = nan },
		"narrow":         func(c *HistogramChart) { c.Width = 10 },
		"bad id":         func(c *HistogramChart) { c.ID = "1x" },
	} {
		c := histogram()
		mod(&c)
		var b bytes.Buffer
		if err := Histogram(&b, c); err == nil || b.Len() > 0 {
			t.Errorf("%s: err %v, %d bytes written", name, err, b.Len())
		}
	}
}
