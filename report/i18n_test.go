package report

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"generalist"
)

// TestCatalogue: every text has both languages with the same verbs, and
// every key the code and the template use is in texts.
func TestCatalogue(t *testing.T) {
	verbs := regexp.MustCompile(`%[-+# 0-9.\[\]]*[a-zA-Z%]`)
	for key, tx := range texts {
		if strings.TrimSpace(tx[0]) == "" || strings.TrimSpace(tx[1]) == "" {
			t.Errorf("%s: lacks a language: %q", key, tx)
		}
		if nb, en := verbs.FindAllString(tx[0], -1), verbs.FindAllString(tx[1], -1); strings.Join(nb, " ") != strings.Join(en, " ") {
			t.Errorf("%s: bokmål takes %v, English %v", key, nb, en)
		}
	}
	used := regexp.MustCompile(`\b(?:c\.)?t\(\s*"([^"]+)"|\{\{\s*t\s+"([^"]+)"|"((?:src|asm|econ\.asm|csv)\.[a-z.]+)"`)
	files, _ := filepath.Glob("*.go")
	tmpl, _ := filepath.Glob("templates/*.tmpl")
	n := 0
	for _, f := range append(files, tmpl...) {
		if strings.HasSuffix(f, "_test.go") || f == "i18n.go" {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range used.FindAllStringSubmatch(string(b), -1) {
			key := m[1] + m[2] + m[3]
			n++
			if _, ok := texts[key]; !ok {
				t.Errorf("%s uses the key %q, which texts lacks", f, key)
			}
		}
	}
	if n < 50 {
		t.Errorf("found %d uses of keys; the pattern no longer finds them", n)
	}
	for _, keys := range [][]string{sourceKeys, assumptionKeys, economyAssumptionKeys, economyHeadKeys} {
		for _, k := range keys {
			if _, ok := texts[k]; !ok {
				t.Errorf("key %q is listed but not in texts", k)
			}
		}
	}
	for _, r := range generalist.Roles {
		if _, ok := texts["role."+string(r)]; !ok {
			t.Errorf("role %q has no name", r)
		}
	}
}

// english is the fixture written in English.
func english() *Comparison {
	c := fixture()
	c.Lang = "en"
	c.Catalogue.Tasks[0].NameEN = "Child welfare service"
	c.Catalogue.Tasks[1].NameEN = "Emergency primary care"
	return c
}

// TestEnglish: an English report has its words, numbers and dates in
// English, keeps the proper names, and shows no bokmål word of the
// report's own; the golden files pin the whole text.
func TestEnglish(t *testing.T) {
	checkGoldens(t, ".en", english)
	for format, body := range renderAll(t, english()) {
		for _, w := range []string{"Today's system", "Service provider", "Child welfare service",
			"Task–municipality pairs below the robust level", "assumption (based on SSB 2018)",
			"Economy by merger (the income system of 2025)", "-475,795", "+1,000,000", "2 years in full, then phased out over 1 years",
			"The economy is missing for “Nordfjord”", "in operation on 1 January 2026", "Samarbeid om barnevern", "Dalane", "Sokndal + Lund"} {
			if !strings.Contains(body, w) {
				t.Errorf("%s: lacks %q", format, w)
			}
		}
		for _, w := range []string{"Summary by role", "Key figures", "Assumptions", "Sources"} {
			if format != "CSV" && !strings.Contains(body, w) {
				t.Errorf("%s: lacks %q", format, w)
			}
		}
		for _, bad := range []string{"[", "Dagens system", "Nøkkeltall", "Forutsetninger", "Kilder", "ingen data", "antakelse", "Tjenesteyter",
			"Sammenslåing", "Økonomi", "årsverk", "i drift per", "Barnevernstjeneste", "475 795"} {
			if format == "MD" && bad == "[" {
				continue // Markdown escapes its own brackets
			}
			if strings.Contains(body, bad) {
				t.Errorf("%s: English report shows %q", format, bad)
			}
		}
	}
	var h bytes.Buffer
	if err := HTML(&h, english()); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(h.String(), `<html lang="en">`) {
		t.Error(`HTML: not <html lang="en">`)
	}
	// The default title becomes English; a title the user gave is kept.
	c := english()
	c.Title = DefaultTitle("nb")
	var m bytes.Buffer
	if err := Markdown(&m, c); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(m.String(), "# Alternatives to today's generalist municipality system\n") {
		t.Errorf("default title not in English:\n%s", m.String()[:80])
	}
}

// TestLanguageRefused: a language the report cannot write is refused.
func TestLanguageRefused(t *testing.T) {
	c := fixture()
	c.Lang = "de"
	if err := CSV(&bytes.Buffer{}, c); generalist.ErrorCode(err) != generalist.EINVALID {
		t.Errorf("Lang de: %v, want EINVALID", err)
	}
}

// TestNumberLang: an English report for Excel with Norwegian settings
// keeps its English words and writes Norwegian numbers.
func TestNumberLang(t *testing.T) {
	c := english()
	c.NumberLang = "nb"
	var b bytes.Buffer
	if err := CSV(&b, c); err != nil {
		t.Fatal(err)
	}
	s := strings.ReplaceAll(b.String(), "\u00a0", " ")
	for _, w := range []string{"Inhabitants with data,10 000,10 000", "\"2,1 %\"", "-475 795", "Today's system"} {
		if !strings.Contains(s, w) {
			t.Errorf("lacks %q:\n%s", w, s)
		}
	}
	if strings.Contains(s, "10,000") {
		t.Errorf("English thousands separator in a CSV for Norwegian Excel:\n%s", s)
	}
}

// TestDigitGroupsKeptTogether pins that a bokmål text never offers a line
// break inside a number such as "1 000": the groups are joined by a
// no-break space. CSV headers stay plain text for the programs that read
// them.
func TestDigitGroupsKeptTogether(t *testing.T) {
	breakable := regexp.MustCompile(`\d[ \x{2009}]\d{3}(\D|$)`)
	c := &Comparison{Lang: "nb"}
	checked := 0
	for key := range texts {
		if strings.HasPrefix(key, "csv.") {
			continue
		}
		if s := c.t(key); breakable.MatchString(s) {
			t.Errorf("%s: %q can wrap inside a number", key, s)
		}
		checked++
	}
	if checked == 0 {
		t.Fatal("no texts checked")
	}
}
