package web

import (
	"generalist"
	"generalist/internal/nbfmt"
)

// kronerText writes an amount for a page whose label already names the
// unit ("Årlig kostnad å fordele (kr)"): whole kroner when the øre are
// zero ("18 000 000"), two decimals otherwise ("1 250 000,50"), grouped
// as the page's language groups numbers, and without "kr".
func kronerText(nf nbfmt.Locale, o generalist.Ore) string {
	if o%100 == 0 {
		return nf.Int(int64(o / 100))
	}
	return nf.Decimal(float64(o)/100, 2)
}
