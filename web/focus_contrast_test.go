package web

import (
	"math"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestFocusContrast checks the focus indicator of app.css against the
// backgrounds it is drawn on (WCAG 2.1 success criterion 1.4.11: at least
// 3:1): the dark ring on the page's white and tinted backgrounds, the
// yellow ring on the blue header. It reads the colours from the CSS (the
// custom properties in :root and Designsystemet's theme tokens) and checks
// that the focus rules use those properties, so a colour changed in the
// stylesheet is a colour checked here.
func TestFocusContrast(t *testing.T) {
	css := readText(t, "static/app/app.css")
	theme := readText(t, "static/vendor/designsystemet/designsystemet-theme/digdir.css")
	v := func(src, name string) string {
		t.Helper()
		m := regexp.MustCompile(regexp.QuoteMeta(name) + `:\s*(#[0-9a-fA-F]{6})\b`).FindStringSubmatch(src)
		if m == nil {
			t.Fatalf("no colour %s", name)
		}
		return strings.ToLower(m[1])
	}
	outer, inner, header, headerBG := v(css, "--focus-outer"), v(css, "--focus-inner"), v(css, "--focus-header"), v(css, "--header-bg")
	pageBG, tinted := v(theme, "--ds-color-neutral-background-default"), v(theme, "--ds-color-neutral-background-tinted")
	if accent := v(theme, "--ds-color-accent-base-default"); accent != headerBG {
		t.Errorf("--header-bg %s is not the theme's accent colour %s", headerBG, accent)
	}
	for _, c := range []struct {
		what, fg, bg string
	}{
		{"focus ring on the page", outer, pageBG},
		{"focus ring on tinted panels", outer, tinted},
		{"focus ring's white gap against the ring", inner, outer},
		{"focus ring on the header", header, headerBG},
	} {
		if r := wcagRatio(c.fg, c.bg); r < 3 {
			t.Errorf("%s: %s on %s is %.2f:1, want at least 3:1", c.what, c.fg, c.bg, r)
		}
	}
	for _, rule := range []string{
		`a:focus-visible, summary:focus-visible, [tabindex]:focus-visible, svg a:focus { outline: 3px solid var(--focus-outer);`,
		`.site-header a:focus-visible, .site-header summary:focus-visible { outline: 3px solid var(--focus-header);`,
		`.site-header { background: var(--header-bg);`,
	} {
		if !strings.Contains(css, rule) {
			t.Errorf("app.css lacks the rule %q", rule)
		}
	}
	if m := regexp.MustCompile(`outline:[^;]*#[0-9a-fA-F]{3,6}`).FindAllString(css, -1); len(m) > 0 {
		t.Errorf("app.css draws an outline in a colour this test does not check: %q", m)
	}
}

func TestWCAGRatio(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want float64
	}{{"#000000", "#ffffff", 21}, {"#ffffff", "#ffffff", 1}, {"#ffda06", "#ffffff", 1.37}, {"#767676", "#ffffff", 4.54}} {
		if got := wcagRatio(c.a, c.b); math.Abs(got-c.want) > 0.01 {
			t.Errorf("wcagRatio(%s, %s) = %.3f, want %.2f", c.a, c.b, got, c.want)
		}
	}
}

// wcagRatio is WCAG 2's contrast ratio of two #rrggbb colours.
func wcagRatio(a, b string) float64 {
	lum := func(h string) float64 {
		var c [3]float64
		for i := range 3 {
			n, _ := strconv.ParseUint(h[1+2*i:3+2*i], 16, 8)
			x := float64(n) / 255
			if x <= 0.03928 {
				c[i] = x / 12.92
			} else {
				c[i] = math.Pow((x+0.055)/1.055, 2.4)
			}
		}
		return 0.2126*c[0] + 0.7152*c[1] + 0.0722*c[2]
	}
	la, lb := lum(a), lum(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

func readText(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
