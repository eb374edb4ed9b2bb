package geomap_test

import (
	"fmt"
	"os"

	"generalist/geo"
	"generalist/geomap"

	"github.com/paulmach/orb"
)

func ExampleBreaks() {
	values := []float64{1, 2, 3, 10, 11, 12, 30, 31}
	fmt.Println(geomap.Breaks(values, 3, geomap.NaturalBreaks))
	fmt.Println(geomap.Breaks(values, 4, geomap.Quantile))
	fmt.Println(geomap.Breaks(values, 3, geomap.EqualInterval))
	// Output:
	// [10 30]
	// [3 11 30]
	// [11 21]
}

func ExampleFormatNumber() {
	fmt.Println(geomap.FormatNumber(5367580))
	fmt.Println(geomap.FormatNumber(12.25))
	fmt.Println(geomap.FormatNumber(3.14159))
	// Output:
	// 5 367 580
	// 12,3
	// 3,14
}

// square returns a feature whose projected outline is a square of side
// metres with its south-west corner at (x, y) in UTM 33N.
func square(code, name string, x, y, side float64) geo.Feature {
	ring := orb.Ring{{x, y}, {x + side, y}, {x + side, y + side}, {x, y + side}, {x, y}}
	return geo.Feature{Code: code, Name: name, Projected: orb.MultiPolygon{{ring}}}
}

// Two made-up square municipalities 20 km wide, one without a value. Real
// maps come from geo.ReadMunicipalities and geo.ReadCounties on the files
// in data/geo.
func ExampleMap_Render() {
	m, err := geomap.New([]geo.Feature{
		square("0301", "Oslo", 250000, 6640000, 20000),
		square("3201", "Bærum", 230000, 6640000, 20000),
	}, nil)
	if err != nil {
		panic(err)
	}
	err = m.Render(os.Stdout, geomap.Options{
		Values: map[string]float64{"0301": 717710},
		Title:  "Folkemengde", Unit: "innbyggere",
		Source: "Kilde: SSB",
		Link:   func(code string) string { return "/kommune/" + code },
		Width:  200, ID: "ex", Legend: geomap.LegendBelow,
	})
	if err != nil {
		panic(err)
	}
	// Output:
	// <svg xmlns="http://www.w3.org/2000/svg" class="geomap" width="200" height="209" viewBox="0 0 200 209" role="group" aria-labelledby="ex-title ex-desc" font-family="sans-serif">
	// <title id="ex-title">Folkemengde (innbyggere)</title>
	// <desc id="ex-desc">Folkemengde (innbyggere). 2 kommuner, 1 klasse: 717 710. 1 uten data. Kilde: SSB.</desc>
	// <defs><pattern id="ex-nodata" width="125" height="125" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="125" height="125" fill="#f2f2f2"/><path d="M0 0V125" stroke="#8c8c8c" stroke-width="31.25"/></pattern><pattern id="ex-nodata-key" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#f2f2f2"/><path d="M0 0V6" stroke="#8c8c8c" stroke-width="1.5"/></pattern><clipPath id="ex-clip"><rect width="200" height="104"/></clipPath></defs>
	// <g clip-path="url(#ex-clip)"><g class="geomap-map" transform="matrix(0.048 0 0 0.048 4 4)">
	// <g class="geomap-areas" stroke="#ffffff" stroke-width="10.417" stroke-linejoin="round">
	// <a href="/kommune/0301"><path class="geomap-area" data-code="0301" data-class="0" fill="#5098d5" d="M2000 2000l2000 0 0-2000-2000 0z"><title>Oslo: 717 710 innbyggere</title></path></a>
	// <a href="/kommune/3201"><path class="geomap-area geomap-nodata" data-code="3201" stroke="#767676" fill="url(#ex-nodata)" d="M0 2000l2000 0 0-2000-2000 0z"><title>Bærum: ingen data</title></path></a>
	// </g>
	// </g>
	// </g>
	// <g class="geomap-legend" transform="translate(4 104)" fill="#1a1a1a" font-size="12">
	// <rect x="-4" width="200" height="105" fill="#ffffff"/>
	// <text x="8" y="21" font-size="13" font-weight="bold">Folkemengde</text>
	// <text x="8" y="37" font-size="13" font-weight="bold">(innbyggere)</text>
	// <rect class="geomap-key" data-class="0" x="8" y="47" width="18" height="12" fill="#5098d5" stroke="#737373"/><text x="32" y="57">717 710</text>
	// <rect class="geomap-key geomap-nodata" x="8" y="65" width="18" height="12" fill="url(#ex-nodata-key)" stroke="#737373"/><text x="32" y="75">ingen data</text>
	// <text x="8" y="94" font-size="10" fill="#4d4d4d">Kilde: SSB</text>
	// </g>
	// </svg>
}
