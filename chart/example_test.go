package chart_test

import (
	"bytes"
	"fmt"
	"os"
	"regexp"
	"strings"

	"generalist/chart"
)

func ExampleFormatNumber() {
	// The bokmål separator is a no-break space; show it as "_" here.
	nb := func(s string) string { return strings.ReplaceAll(s, "\u00a0", "_") }
	fmt.Println(nb(chart.FormatNumber(5367580, 0, "nb")))
	fmt.Println(nb(chart.FormatNumber(15077.5, 1, "nb")))
	fmt.Println(chart.FormatNumber(15077.5, 1, "en"))
	// Output:
	// 5_367_580
	// 15_077,5
	// 15,077.5
}

func ExampleTicks() {
	fmt.Println(chart.Ticks(31738, 38663, 5))
	fmt.Println(chart.Ticks(0, 1.57, 5))
	// Output:
	// [30000 32000 34000 36000 38000 40000]
	// [0 0.5 1 1.5 2]
}

// The description that screen readers announce is generated from the
// data; the years without data are part of it.
func ExampleLine() {
	var buf bytes.Buffer
	err := chart.Line(&buf, chart.LineChart{
		Title: "Folkemengde i Utsira",
		Lang:  "en",
		Series: []chart.Series{{Name: "Utsira", Points: []chart.Point{
			{X: 2022, Y: 202, Known: true},
			{X: 2023},
			{X: 2024, Y: 207, Known: true},
			{X: 2025, Y: 199, Known: true},
		}}},
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	desc := regexp.MustCompile(`<desc[^>]*>([^<]*)</desc>`).FindStringSubmatch(buf.String())[1]
	fmt.Println(desc)
	// Output:
	// Time series 2022–2025. Utsira: 202 in 2022 and 199 in 2025 (change -3, -1.5%); lowest 199 in 2025, highest 207 in 2024; no data for 2023. The y axis does not start at zero but at 198.
}
