package chart

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestTextWidthErrsWide: the width estimate is at least the width
// Chromium draws at 12 px in DejaVu Sans, the widest face a chart falls
// back to (measured with getComputedTextLength), so that a label laid out
// by the estimate is not cut at the chart's edge.
func TestTextWidthErrsWide(t *testing.T) {
	for s, drawn := range map[string]float64{
		"Pålagt interkommunalt samarbeid om barn…": 270.0,
		"abcdefghijklmnopqrstuvwxyz":               175.8,
		"ABCDEFGHIJKLMNOPQRSTUVWXYZ":               209.7,
		"0123456789":                               76.4,
		"Dagens system":                            92.7,
		"Sammenslåing til minst 5 000 innbyggere":  251.3,
		"æøå ÆØÅ":                                  59.6,
		"iljtfrI.,:;'!|()[]":                       74.0,
		"mwMW":                                     43.7,
	} {
		if got := textWidth(s, 12); got < drawn {
			t.Errorf("textWidth(%q) = %.1f, but it is drawn %.1f px wide", s, got, drawn)
		}
	}
}

// TestBarTickLabelsInside: the value axis's last label, centred on the
// plot's right edge, stays inside the chart ("10,000" was cut to "10,00").
func TestBarTickLabelsInside(t *testing.T) {
	for _, lang := range []string{"nb", "en"} {
		var b bytes.Buffer
		err := Bars(&b, BarChart{Title: "Par", Unit: "par", Width: 720, Lang: lang,
			Bars: []Bar{{Label: "Dagens system", Value: 6922, Known: true}, {Label: "Pålagt interkommunalt samarbeid om barnevern", Value: 6748, Known: true}}})
		if err != nil {
			t.Fatal(err)
		}
		axis := b.String()[strings.Index(b.String(), `chart-axis-x`):]
		axis = axis[:strings.Index(axis, "</g>")]
		for _, m := range regexp.MustCompile(`<text x="([0-9.]+)"[^>]*>([^<]+)</text>`).FindAllStringSubmatch(axis, -1) {
			x, _ := strconv.ParseFloat(m[1], 64)
			if right := x + textWidth(m[2], fontText)/2; right > 720 {
				t.Errorf("%s: tick label %q ends at %.1f, past the chart's width 720", lang, m[2], right)
			}
		}
	}
}
