package web_test

import (
	"net/http"
	"regexp"
	"strings"
	"testing"
)

// TestProfileOneWorkingAgeRatio: a municipality's profile shows one
// ratio of working-age inhabitants per inhabitant 80+, the 20–66 one its
// demographic pressure is defined by, and says what it rests on; the
// 16–66 ratio from the age groups shows only for a year without single
// ages, labelled as the other measure it is.
func TestProfileOneWorkingAgeRatio(t *testing.T) {
	ratio := regexp.MustCompile(`<th scope="row">([^<]*per (?:innbygger |inhabitant aged )?80\+[^<]*)</th><td class="num">([^<]*)</td>`)
	for _, tt := range []struct {
		path  string
		want  []string // label = value, in order
		basis string
	}{
		{"/kommune/1151", []string{"Innbyggere 20–66 år per innbygger 80+ = 8,8"}, "20–66 år, per innbygger som er 80 år eller eldre"},
		{"/kommune/1151?lang=en", []string{"Inhabitants aged 20–66 per inhabitant aged 80+ = 8.8"}, "working age, 20–66, per inhabitant aged 80 or over"},
		{"/kommune/1151?structure=2019", []string{"Innbyggere 20–66 år per innbygger 80+ = ingen data", "Innbyggere 16–66 år per innbygger 80+ (fra aldersgrupper) = 15,8"}, "ikke samme mål som 20–66 år"},
	} {
		r := get(t, tt.path)
		if r.Status != http.StatusOK {
			t.Fatalf("%s: %d", tt.path, r.Status)
		}
		body := strings.ReplaceAll(r.Body, "&#43;", "+")
		var got []string
		for _, m := range ratio.FindAllStringSubmatch(body, -1) {
			got = append(got, m[1]+" = "+m[2])
		}
		if strings.Join(got, "; ") != strings.Join(tt.want, "; ") {
			t.Errorf("%s: the ratios per 80+ are %q, want %q", tt.path, got, tt.want)
		}
		if !strings.Contains(body, tt.basis) {
			t.Errorf("%s: the page does not say what the ratio rests on (%q)", tt.path, tt.basis)
		}
	}
}
