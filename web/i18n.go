package web

import (
	"fmt"
	"html/template"
	"math"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"generalist"
	"generalist/internal/nbfmt"
	"generalist/sim"
)

// messages holds the UI text in bokmål and English. Terms are the official
// ones (kommune, fylke, folkemengde, sentralitetsklasse …); the English
// column follows the glossary in the root package.
var messages = map[string][2]string{
	// Structure search (/sok).
	"nav.search":               {"Struktursøk", "Structure search"},
	"search.intro":             {"Hvilke grupper av nabokommuner ville la hver gruppe nå en terskel, med færrest mulig sammenslåinger? Verktøyet viser konsekvensene av kriteriene; det foreskriver ikke et kart.", "Which groups of neighbouring municipalities would let every group reach a threshold, with the fewest mergers? The tool shows the consequences of the criteria; it does not prescribe a map."},
	"search.weigh":             {"Terskel for", "Threshold on"},
	"search.population":        {"Folkemengde", "Population"},
	"search.floor":             {"Terskel (innbyggere, eller årsverk for en oppgave)", "Floor (inhabitants, or FTEs for a task)"},
	"search.maxkm":             {"Største avstand til senteret (km)", "Largest distance to the centre (km)"},
	"search.objective":         {"Deretter minimere", "Then minimise"},
	"search.obj.distance":      {"Reiseavstand for innbyggerne (km × innbyggere)", "Travel distance for the inhabitants (km × inhabitants)"},
	"search.obj.border":        {"Grenselengde mellom gruppene (km)", "Border length between groups (km)"},
	"search.obj.heterogeneity": {"Spredning (parvise avstander, km)", "Spread (pairwise distances, km)"},
	"search.seed":              {"Startverdi", "Starting value"},
	"search.options":           {"Vilkår", "Constraints"},
	"search.withincounty":      {"Innenfor fylket", "Within the county"},
	"search.keep":              {"Kommuner over terskelen beholdes (bare de sårbare flyttes)", "Keep municipalities above the floor (only the vulnerable move)"},
	"search.nosea":             {"Ikke grupper over sjøforbindelser", "Do not group across sea links"},
	"search.run":               {"Søk", "Search"},
	"search.summary":           {"%d grupper når terskelen (høyst %d er mulig)", "%d groups reach the floor (at most %d are possible)"},
	"search.detail":            {"%d grupper slås sammen og %d kommuner blir alene ved terskel %s; svaret er høyst %s %% fra det beste mulige antallet grupper.", "%d groups merge and %d municipalities stay alone at the floor %s; the answer is at most %s %% from the best possible number of groups."},
	"search.time":              {"Søket tok %s ms.", "The search took %s ms."},
	"search.mapcaption":        {"Hver farge er en gruppe; nabogrupper har ulike farger. Grå kommuner blir alene.", "Each colour is one group; neighbouring groups differ. Grey municipalities stay alone."},
	"search.merged":            {"Sammenslåtte grupper, minst først", "Merged groups, smallest first"},
	"search.members":           {"Kommuner", "Municipalities"},
	"search.caveat":            {"Gruppene henger sammen over grenser og sjøforbindelser, og hver når terskelen. Søket gir først flest mulig grupper (færrest sammenslåinger) og deretter lavest mulig verdi for det valgte målet. Det beste mulige antallet grupper er beregnet med en forenklet modell som kan love mer enn noen plan klarer, så det virkelige svaret kan ligge nærmere det beste enn vist. Samme startverdi gir samme resultat.", "The groups are connected over borders and sea links, and each reaches the floor. The search first makes as many groups as possible (fewest mergers), then the lowest value of the chosen objective. The best possible number of groups is computed with a simplified model that may promise more than any plan can reach, so the real answer may be closer to the best than shown. The same starting value gives the same result."},
	"search.ensemble":          {"Vis hvor mye svarene varierer (2 000 alternative planer)", "Show how much the answers vary (2,000 alternative plans)"},
	"search.variation":         {"Hvor mye varierer svarene?", "How much do the answers vary?"},
	"search.ensembletext":      {"%d steg der to nabogrupper slås sammen og deles på nytt på en tilfeldig måte, over planer med %d grupper som alle når terskelen, startet fra planen over; %d steg ga en ny plan. Kartet viser for hver kommune hvor ofte de alternative planene er enige med planen over om hver av kommunens naboer (sammen i begge, eller atskilt i begge).", "%d steps in which two neighbouring groups are merged and split again at random, over plans of %d groups that all reach the floor, starting from the plan above; %d steps gave a new plan. The map shows, per municipality, how often the alternative plans agree with the plan above about each of its neighbours (together in both, or apart in both)."},

	// The rest.
	"site":            {"Generalist", "Generalist"},
	"tagline":         {"Beslutningsstøtte for generalistkommunesystemet", "Decision support for the generalist municipality system"},
	"nav.home":        {"Forside", "Home"},
	"nav.list":        {"Kommuner", "Municipalities"},
	"nav.map":         {"Kart", "Map"},
	"nav.compare":     {"Sammenlign", "Compare"},
	"nav.tasks":       {"Oppgaver", "Tasks"},
	"nav.capacity":    {"Kapasitet", "Capacity"},
	"nav.economy":     {"Økonomi", "Economy"},
	"nav.analysis":    {"Analyse", "Analysis"},
	"nav.scenarios":   {"Scenarioer", "Scenarios"},
	"capacity.caveat": {"Bemanningsmodellen er en forenkling: forventede årsverk = årsverk per 1 000 innbyggere i målgruppen × målgruppen / 1 000, robust når det når minste robuste fagmiljø. Tall merket «antakelse» er ikke hentet fra lov eller forskrift og kan endres.", "The staffing model is a simplification: expected FTEs = FTEs per 1,000 inhabitants served × inhabitants served / 1,000, robust when it reaches the smallest robust professional environment. Numbers marked «assumption» are not from law or regulation and can be changed."},
	"vulnerability":   {"Sårbarhetsprofil", "Vulnerability profile"},
	"task":            {"Oppgave", "Task"},
	"role":            {"Rolle", "Role"},
	"sector":          {"Sektor", "Sector"},
	"legalbasis":      {"Lovgrunnlag", "Legal basis"},
	"decisions":       {"Enkeltvedtak", "Individual decisions"},
	"norm":            {"Bemanningsnorm", "Staffing norm"},
	"staffingmodel":   {"Bemanningsmodell", "Staffing model"},
	"served":          {"Målgruppe", "Served"},
	"allinhabitants":  {"alle innbyggere", "all inhabitants"},
	"fteper1000":      {"Årsverk per 1\u00a0000", "FTEs per 1,000"},
	"minteam":         {"Minste robuste fagmiljø (årsverk)", "Smallest robust team (FTEs)"},
	"assumption":      {"antakelse", "assumption"},
	"robustfrom":      {"Robust fra (målgruppe)", "Robust from (served)"},
	"short":           {"Under robust nivå", "Below robust level"},
	"inhabitantsin":   {"Innbyggere i disse", "Inhabitants in them"},
	"expected":        {"Forventede årsverk", "Expected FTEs"},
	"shortby":         {"Mangler", "Short by"},
	"robust":          {"robust", "robust"},
	"yes":             {"ja", "yes"},
	"no":              {"nei", "no"},
	"pressure":        {"Demografisk press", "Demographic pressure"},
	"working2066":     {"Innbyggere 20–66 år per innbygger 80+", "Inhabitants aged 20–66 per inhabitant aged 80+"},
	"growth5":         {"Befolkningsendring siste 5 år", "Population change, last 5 years"},
	"growth10":        {"Befolkningsendring siste 10 år", "Population change, last 10 years"},
	"growth20":        {"Befolkningsendring siste 20 år", "Population change, last 20 years"},
	"shortcount":      {"Antall oppgaver under robust nivå", "Tasks below the robust level"},
	"nav.api":         {"API", "API"},
	"lang.switch":     {"English", "Norsk"},
	"skip":            {"Hopp til hovedinnhold", "Skip to main content"},
	"structure":       {"Kommunestruktur", "Municipal structure"},
	"year":            {"År (1. januar)", "Year (1 January)"},
	"county":          {"Fylke", "County"},
	"all":             {"Alle", "All"},
	"size":            {"Størrelse", "Size"},
	"centrality":      {"Sentralitetsklasse", "Centrality class"},
	"filter":          {"Vis", "Show"},
	"number":          {"Kommunenr.", "Number"},
	"name":            {"Kommune", "Municipality"},
	"population":      {"Folkemengde", "Population"},
	"inhabitants":     {"Innbyggere", "Inhabitants"},
	"area":            {"Areal (km²)", "Area (km²)"},
	"density":         {"Innbyggere per km²", "Inhabitants per km²"},
	"change10":        {"Endring siste 10 år", "Change, last 10 years"},
	"share80":         {"Andel 80 år+", "Share aged 80+"},
	"working80":       {"16–66 år per 80+", "Aged 16–66 per 80+"},
	"costindex":       {"Kostnadsindeks 2026", "Cost index 2026"},
	"robek":           {"ROBEK", "ROBEK"},
	"robek.yes":       {"Ja (§ 28-1 %s)", "Yes (§ 28-1 %s)"},
	"robek.no":        {"Nei", "No"},
	"admincentre":     {"Administrasjonssenter", "Administrative centre"},
	"languageform":    {"Målform", "Official language form"},
	"nodata":          {"ingen data", "no data"},
	"csv":             {"Last ned CSV", "Download CSV"},
	"count":           {"Antall kommuner", "Number of municipalities"},
	"mean":            {"Gjennomsnitt", "Mean"},
	"median":          {"Median", "Median"},
	"largest":         {"Største", "Largest"},
	"smallest":        {"Minste", "Smallest"},
	"under":           {"Under %s innbyggere", "Under %s inhabitants"},
	"source":          {"Kilde", "Source"},
	"date":            {"Dato", "Date"},
	"notstated":       {"ikke oppgitt", "not stated"},
	"computed":        {"beregnet her fra kommunetall", "computed here from municipal figures"},
	"published":       {"publiserte tall", "published figures"},
	"country":         {"Land", "Country"},
	"neighbours":      {"Nabokommuner", "Neighbouring municipalities"},
	"sealink":         {"sjøforbindelse", "sea link"},
	"agesprofile":     {"Aldersfordeling", "Age distribution"},
	"series":          {"Folkemengde 2006–2026", "Population 2006–2026"},
	"similar":         {"Kommuner av lignende størrelse", "Municipalities of similar size"},
	"keyfigures":      {"Nøkkeltall", "Key figures"},
	"indicator":       {"Indikator", "Indicator"},
	"compare.help":    {"Skriv kommunenumre eller navn, skilt med komma (så mange du vil).", "Enter municipality numbers or names, separated by commas (as many as you like)."},
	"compare.none":    {"Velg minst én kommune.", "Choose at least one municipality."},
	"compare.add":     {"Sammenlign", "Compare"},
	"caveat":          {"Merk", "Note"},
	"carried":         {"Tallene er registrert på %d-strukturen og overført med endringsnøklene.", "Figures were recorded on the %d structure and carried over the change mappings."},
	"missingnote":     {"Ingen data for %d kommuner (delte kommuner); tallene gjelder de %d med data.", "No data for %d municipalities (split municipalities); figures cover the %d with data."},
	"notfound":        {"Fant ikke siden", "Page not found"},
	"error":           {"Noe gikk galt", "Something went wrong"},
	"roles":           {"Fire roller", "Four roles"},
	"role.service":    {"Tjenesteyter", "Service provider"},
	"role.democracy":  {"Demokratisk arena", "Democratic arena"},
	"role.authority":  {"Myndighetsutøver", "Authority"},
	"role.community":  {"Samfunnsutvikler", "Community developer"},
	"same.tasks":      {"Samme oppgaver", "Same tasks"},
	"same.money":      {"Samme finansiering", "Same financing"},
	"same.law":        {"Samme lovverk", "Same legal frame"},
	"nordic":          {"Norden", "The Nordic countries"},
	"structuretable":  {"Kommunestrukturen", "The municipal structure"},
	"sort":            {"Sorter", "Sort"},
	"results":         {"%d kommuner", "%d municipalities"},
	"map.nomap":       {"Ingen kartdata for denne strukturen.", "No map data for this structure."},
	"map.only2024":    {"Indikatoren finnes bare for 2024-strukturen.", "The indicator exists for the 2024 structure only."},
	"datasources":     {"Datakilder", "Data sources"},
	"footer":          {"Åpne data: Statistisk sentralbyrå (NLOD/CC BY 4.0), © Kartverket (CC BY 4.0), KDD (NLOD), Statistics Finland (CC BY 4.0).", "Open data: Statistics Norway (NLOD/CC BY 4.0), © Kartverket (CC BY 4.0), KDD (NLOD), Statistics Finland (CC BY 4.0)."},
	"centrality.note": {"Sentralitetsklassene er ikke verifisert mot SSB Klass 128.", "The centrality classes are not verified against SSB Klass 128."},
}

// The base catalogue keeps its digit groups together too (keepGroups is
// idempotent, so the order of the init functions does not matter).
func init() {
	for k, v := range messages {
		messages[k] = keepGroups(v)
	}
}

// addMessages merges the catalogues of a part of the site (of names it in
// the panic) into messages at start, with the digit groups of their
// numbers kept together. A key defined twice is a programming error that
// every test run finds.
func addMessages(of string, catalogues ...map[string][2]string) {
	for _, m := range catalogues {
		for k, v := range m {
			if _, dup := messages[k]; dup {
				panic(fmt.Sprintf("web: message key %q of %s is defined twice", k, of))
			}
			messages[k] = keepGroups(v)
		}
	}
}

// keepGroups joins the digit groups of the numbers in a message ("per
// 1 000", "under 5 000") with no-break spaces, so that a line never wraps
// inside a number.
func keepGroups(v [2]string) [2]string {
	return [2]string{nbfmt.KeepGroups(v[0]), nbfmt.KeepGroups(v[1])}
}

func msg(lang, key string) string {
	m, ok := messages[key]
	if !ok {
		return key
	}
	if lang == "en" {
		return m[1]
	}
	return m[0]
}

// langOf picks the language: ?lang= first, then the cookie, then bokmål.
func langOf(r *http.Request) string {
	if l := r.URL.Query().Get("lang"); l == "en" || l == "nb" {
		return l
	}
	if c, err := r.Cookie("lang"); err == nil && (c.Value == "en" || c.Value == "nb") {
		return c.Value
	}
	return "nb"
}

// rememberLang stores an explicit ?lang= choice in a cookie.
func rememberLang(w http.ResponseWriter, r *http.Request) {
	if l := langToRemember(r); l != "" {
		http.SetCookie(w, &http.Cookie{Name: "lang", Value: l, Path: "/", MaxAge: 365 * 24 * 3600, HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: r.TLS != nil})
	}
}

// langToRemember is the language of an explicit ?lang= choice that the
// request's cookie does not hold yet, or "" when there is nothing to
// remember (no Set-Cookie, so caches may keep the page).
func langToRemember(r *http.Request) string {
	l := r.URL.Query().Get("lang")
	if l != "en" && l != "nb" {
		return ""
	}
	if c, err := r.Cookie("lang"); err == nil && c.Value == l {
		return ""
	}
	return l
}

func templateFuncs(lang string) template.FuncMap {
	nf := nbfmt.For(lang)
	return template.FuncMap{
		"t":    func(key string) string { return msg(lang, key) },
		"tf":   func(key string, args ...any) string { return sprintf(msg(lang, key), args...) },
		"lang": func() string { return lang },
		// nbtext is a key's bokmål text whatever the page's language: the
		// Norwegian legal term beside its English explanation.
		"nbtext": func(key string) string { return msg("nb", key) },
		"num": func(v float64, decimals int) string {
			return nf.Decimal(v, decimals)
		},
		"persons": func(p generalist.Persons) string { return nf.Int(int64(p)) },
		"int":     func(n int) string { return nf.Int(int64(n)) },
		// keepnum keeps the digit groups of a number in a text from data
		// (a scenario's name) on one line: "5 000" never wraps.
		"keepnum": nbfmt.KeepGroups,
		// kroner is an amount without its unit, whole kroner when the
		// øre are zero: for a label or column that names the unit.
		"kroner": func(o generalist.Ore) string { return kronerText(nf, o) },
		// nb marks an element whose text exists in bokmål only (law
		// texts, the task catalogue's notes) on an English page, so that
		// screen readers read it as Norwegian (WCAG 3.1.2).
		"nb": func() template.HTMLAttr {
			if lang == "en" {
				return ` lang="nb"`
			}
			return ""
		},
		"opt": func(v *float64, decimals int) string {
			if v == nil || math.IsNaN(*v) {
				return msg(lang, "nodata")
			}
			return nf.Decimal(*v, decimals)
		},
		"optint": func(v *int) string {
			if v == nil {
				return msg(lang, "nodata")
			}
			return strconv.Itoa(*v)
		},
		"count": func(c generalist.Count) string {
			if !c.Known {
				return msg(lang, "nodata")
			}
			return nf.Int(int64(c.Value))
		},
		"svg":        func(b []byte) template.HTML { return template.HTML(b) }, // produced by our own chart/geomap packages, escaped there
		"query":      func(v url.Values) string { return v.Encode() },
		"excelurl":   excelURL,
		"join":       strings.Join,
		"hasprefix":  strings.HasPrefix,
		"add":        func(a, b int) int { return a + b },
		"pct":        func(v float64) string { return nf.Percent(v, 1) },
		"pctopt":     func(v *float64) string { return pctOpt(v, lang) },
		"langurl":    func(path string, q url.Values, to string) string { return langURL(path, q, to) },
		"list6":      func() []int { return []int{1, 2, 3, 4, 5, 6} },
		"structures": func() []generalist.Structure { return generalist.Structures },
		"role": func(r generalist.Role) string {
			return msg(lang, map[generalist.Role]string{generalist.RoleServiceProvider: "role.service", generalist.RoleDemocraticArena: "role.democracy",
				generalist.RoleAuthority: "role.authority", generalist.RoleCommunityDev: "role.community"}[r])
		},
		"taskname": func(t *generalist.Task) string {
			if t == nil {
				return ""
			}
			if lang == "en" {
				return t.NameEN
			}
			return t.NameNB
		},
		"threshold": func(t *generalist.Task) string {
			if t == nil || t.Staffing == nil || t.Staffing.FTEPer1000.Value == 0 {
				return msg(lang, "nodata")
			}
			return nf.Decimal(t.Staffing.MinTeam.Value/t.Staffing.FTEPer1000.Value*1000, 0)
		},
		// Dates in t's location: "9.3.2026", "9.3.2026 15:04" and
		// "9. mars 2026" in bokmål; "2026-03-09", "2026-03-09 15:04" and
		// "9 March 2026" in English.
		"date":        nf.NumericDate,
		"datetime":    nf.DateTime,
		"longdate":    nf.Date,
		"cellclass":   cellClass,
		"has":         func(list []string, v string) bool { return slices.Contains(list, v) },
		"sources":     sourceLinks,
		"sourcelabel": func(s string) string { return sourceLabel(lang, s) },
		"longday":     func(d generalist.CalendarDate) string { return longDay(lang, d) },
		"shortday":    func(d generalist.CalendarDate) string { return shortDay(lang, d) },
		"deref":       func(v *float64) float64 { return *v },
		"mul100":      func(v float64) float64 { return 100 * v },
		"roles":       func() []generalist.Role { return generalist.Roles },
		"rolevuln": func(o *sim.Outcome, r generalist.Role) int {
			for _, x := range o.Roles {
				if x.Role == r {
					return x.Vulnerable
				}
			}
			return 0
		},
		"columns": func() []column { return listColumns },
		"sorturl": sortURL,
	}
}

func pctOpt(v *float64, lang string) string {
	if v == nil {
		return msg(lang, "nodata")
	}
	return nbfmt.For(lang).Percent(*v, 1)
}

func langURL(path string, q url.Values, to string) string {
	c := url.Values{}
	for k, v := range q {
		c[k] = v
	}
	c.Set("lang", to)
	return path + "?" + c.Encode()
}

func sprintf(format string, args ...any) string {
	// Plain fmt.Sprintf, isolated so templates cannot call arbitrary fmt.
	return fmtSprintf(format, args...)
}

// column is a sortable column of the municipality list.
type column struct {
	Key, Label string
	Num        bool
}

var listColumns = []column{
	{"number", "number", false}, {"name", "name", false}, {"county", "county", false},
	{"population", "population", true}, {"change10", "change10", true}, {"share80", "share80", true},
	{"density", "density", true}, {"centrality", "centrality", true},
}

// sortURL links a column header: the same filters, sorted by key; clicking
// the current column flips the direction.
func sortURL(q url.Values, key, cur string, desc bool) string {
	c := url.Values{}
	for k, v := range q {
		c[k] = v
	}
	c.Set("sort", key)
	c.Del("dir")
	if key == cur && !desc {
		c.Set("dir", "desc")
	}
	return "/kommuner?" + c.Encode()
}

// cellClass bins a capacity cell for the heat map: robust, short (at least
// half the robust team), severe (under half), or no data.
func cellClass(known, robust bool, share float64) string {
	switch {
	case !known:
		return "cap-nodata"
	case robust:
		return "cap-robust"
	case share >= 0.5:
		return "cap-short"
	}
	return "cap-severe"
}
