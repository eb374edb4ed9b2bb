package generalist

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// OrgNumber is an organisasjonsnummer of Enhetsregisteret: nine digits, the
// last a modulus-11 check digit over the first eight with the weights
// 3 2 7 6 5 4 3 2 (Brønnøysundregistrene).
type OrgNumber string

// ParseOrgNumber parses s as an organisasjonsnummer. Spaces between the
// digits ("974 760 673") and the prefix "NO" and the suffix "MVA" of the
// VAT form are accepted; the result is the nine digits.
func ParseOrgNumber(s string) (OrgNumber, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	t = strings.TrimSuffix(strings.TrimPrefix(t, "NO"), "MVA")
	var digits []byte
	for _, r := range t {
		switch {
		case r >= '0' && r <= '9':
			digits = append(digits, byte(r))
		case r == ' ' || r == '\u00a0' || r == '\u202f':
		default:
			return "", Errorf(EINVALID, "organisation number %q: %q is not a digit", s, r)
		}
	}
	if len(digits) != 9 {
		return "", Errorf(EINVALID, "organisation number %q: must have 9 digits, not %d", s, len(digits))
	}
	if want := orgCheckDigit(digits[:8]); want < 0 || int(digits[8]-'0') != want {
		return "", Errorf(EINVALID, "organisation number %q: the check digit is wrong (modulus 11), so the number has a typing error", s)
	}
	return OrgNumber(digits), nil
}

// orgCheckDigit returns the modulus-11 check digit of eight digits, or -1
// when there is none (a remainder of 1 gives 10, which no number uses).
func orgCheckDigit(d []byte) int {
	weights := [8]int{3, 2, 7, 6, 5, 4, 3, 2}
	sum := 0
	for i, w := range weights {
		sum += int(d[i]-'0') * w
	}
	switch r := sum % 11; r {
	case 0:
		return 0
	case 1:
		return -1
	default:
		return 11 - r
	}
}

// String formats the number in groups of three ("974 760 673").
func (o OrgNumber) String() string {
	if len(o) != 9 {
		return string(o)
	}
	return string(o[:3]) + " " + string(o[3:6]) + " " + string(o[6:])
}

// UnmarshalText implements encoding.TextUnmarshaler: it parses and
// normalises the number; an empty string is no number.
func (o *OrgNumber) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*o = ""
		return nil
	}
	n, err := ParseOrgNumber(string(b))
	if err != nil {
		return err
	}
	*o = n
	return nil
}

// CalendarDate is a day, written 2006-01-02, without a time zone.
type CalendarDate string

// ParseCalendarDate parses 2026-01-31 or the Norwegian 31.01.2026 (also
// 31.1.2026).
func ParseCalendarDate(s string) (CalendarDate, error) {
	t := strings.TrimSpace(s)
	for _, layout := range []string{time.DateOnly, "02.01.2006", "2.1.2006"} {
		if d, err := time.Parse(layout, t); err == nil {
			if d.Year() < 1800 || d.Year() > 2200 {
				break
			}
			return CalendarDate(d.Format(time.DateOnly)), nil
		}
	}
	return "", Errorf(EINVALID, "date %q: write it as 2026-01-31 (or 31.01.2026), a real day between 1800 and 2200", s)
}

// DateOf returns the day of t in its location.
func DateOf(t time.Time) CalendarDate { return CalendarDate(t.Format(time.DateOnly)) }

// Time returns midnight UTC at the start of the day; the zero time for an
// empty or malformed date.
func (d CalendarDate) Time() time.Time {
	t, _ := time.Parse(time.DateOnly, string(d))
	return t
}

// AddMonths returns the day n months later, on the same day of the month
// or, where the month is shorter, on its last day (31 January + 1 month is
// 28 or 29 February), as periods counted in months end.
func (d CalendarDate) AddMonths(n int) CalendarDate {
	t := d.Time()
	y, m, day := t.Date()
	first := time.Date(y, m+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	return DateOf(time.Date(first.Year(), first.Month(), min(day, last), 0, 0, 0, 0, time.UTC))
}

var monthsNB = [...]string{"januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"}

// Long formats the day in bokmål ("1. januar 2026").
func (d CalendarDate) Long() string {
	t := d.Time()
	if d == "" || t.IsZero() {
		return string(d)
	}
	return fmt.Sprintf("%d. %s %d", t.Day(), monthsNB[t.Month()-1], t.Year())
}

// UnmarshalText implements encoding.TextUnmarshaler; it accepts what
// ParseCalendarDate does, and the empty string.
func (d *CalendarDate) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = ""
		return nil
	}
	v, err := ParseCalendarDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

func (d CalendarDate) validate(field string) error {
	if d == "" {
		return nil
	}
	v, err := ParseCalendarDate(string(d))
	if err != nil || v != d {
		return Errorf(EINVALID, "%s: date %q must be written 2026-01-31", field, string(d))
	}
	return nil
}

// Share is a percentage in hundredths of a percent: 3333 is 33.33 %. Shares
// of a cooperation must sum to exactly 100 % (10000), which whole
// hundredths make exact.
type Share int32

// ParseShare parses a percentage with at most two decimals, with a decimal
// point or comma and an optional "%": "33,33", "33.33 %", "100".
func ParseShare(s string) (Share, error) {
	t := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "%"))
	n, err := parseCents(t, 10000, false)
	if err != nil {
		return 0, Errorf(EINVALID, "share %q: %s", s, err)
	}
	return Share(n), nil
}

// Percent returns the share as a number of percent.
func (s Share) Percent() float64 { return float64(s) / 100 }

// String formats the share in bokmål ("33,33 %", "20 %").
func (s Share) String() string { return centsText(int64(s), ",", false) + " %" }

// MarshalJSON writes the share as a number of percent (33.33).
func (s Share) MarshalJSON() ([]byte, error) { return []byte(centsText(int64(s), ".", false)), nil }

// UnmarshalJSON reads a number of percent with at most two decimals.
func (s *Share) UnmarshalJSON(b []byte) error {
	n, err := parseCents(string(b), 10000, false)
	if err != nil {
		return Errorf(EINVALID, "share %s: %s", b, err)
	}
	*s = Share(n)
	return nil
}

func (s Share) validate(what string) error {
	if s <= 0 || s > 10000 {
		return Errorf(EINVALID, "%s %s must be more than 0 and at most 100 %%", what, s)
	}
	return nil
}

// parseCents parses a non-negative decimal with at most two decimals (a
// point or a comma) into hundredths, exactly, up to max. For an amount,
// three digits after a separator are refused as a likely thousands
// separator.
func parseCents(s string, max int64, amount bool) (int64, error) {
	if s == "" {
		return 0, fmt.Errorf("not a number")
	}
	intPart, frac, hasFrac := strings.Cut(strings.ReplaceAll(s, ",", "."), ".")
	if strings.Contains(frac, ".") {
		return 0, fmt.Errorf("more than one decimal separator")
	}
	if hasFrac && len(frac) == 3 && amount {
		return 0, fmt.Errorf("three digits after the separator: write thousands with a space (1 250 000) and at most two decimals")
	}
	if hasFrac && (len(frac) == 0 || len(frac) > 2) {
		return 0, fmt.Errorf("at most two decimals")
	}
	if intPart == "" || len(intPart) > 18 {
		return 0, fmt.Errorf("not a number")
	}
	for _, part := range []string{intPart, frac} {
		for _, r := range part {
			if r < '0' || r > '9' {
				if r == '-' {
					return 0, fmt.Errorf("must not be negative")
				}
				return 0, fmt.Errorf("%q is not a digit", r)
			}
		}
	}
	n, err := strconv.ParseInt(intPart, 10, 64)
	if err != nil || n > max/100 {
		return 0, fmt.Errorf("too large")
	}
	n *= 100
	if hasFrac {
		f, _ := strconv.ParseInt(frac, 10, 64)
		if len(frac) == 1 {
			f *= 10
		}
		n += f
	}
	if n > max {
		return 0, fmt.Errorf("too large")
	}
	return n, nil
}

// centsText formats hundredths as a decimal with sep; group inserts a
// space between thousands and always writes two decimals, otherwise
// trailing zeros are dropped.
func centsText(n int64, sep string, group bool) string {
	neg := n < 0
	if neg {
		n = -n
	}
	whole := strconv.FormatInt(n/100, 10)
	if group {
		whole = groupDigits(whole)
	}
	c := n % 100
	s := whole
	switch {
	case group:
		s += fmt.Sprintf("%s%02d", sep, c)
	case c%10 == 0 && c != 0:
		s += fmt.Sprintf("%s%d", sep, c/10)
	case c != 0:
		s += fmt.Sprintf("%s%02d", sep, c)
	}
	if neg {
		s = "-" + s
	}
	return s
}

// CostBasis is what a part of a cost key shares by.
type CostBasis string

// The bases of a cost key.
const (
	// BasisEqual shares equally between the participants.
	BasisEqual CostBasis = "lik"
	// BasisInhabitants shares by the participants' inhabitants on
	// 1 January of a chosen year (a county by the sum of its
	// municipalities).
	BasisInhabitants CostBasis = "innbyggere"
	// BasisUsage shares by volumes of use the user enters (cases, hours,
	// tonnes).
	BasisUsage CostBasis = "bruk"
	// BasisFixed shares by fixed percentages: the participants'
	// ownership shares (eierandel).
	BasisFixed CostBasis = "fast"
)

// CostBases lists the bases.
var CostBases = []CostBasis{BasisEqual, BasisInhabitants, BasisUsage, BasisFixed}

var basisAliases = map[string]CostBasis{
	"lik": BasisEqual, "likt": BasisEqual, "equal": BasisEqual, "flat": BasisEqual,
	"innbyggere": BasisInhabitants, "innbygger": BasisInhabitants, "folketall": BasisInhabitants, "inhabitants": BasisInhabitants, "per-innbygger": BasisInhabitants, "population": BasisInhabitants,
	"bruk": BasisUsage, "forbruk": BasisUsage, "usage": BasisUsage,
	"fast": BasisFixed, "fixed": BasisFixed, "eierandel": BasisFixed, "ownership": BasisFixed,
}

// Label is the basis in bokmål.
func (b CostBasis) Label() string {
	switch b {
	case BasisEqual:
		return "likt per deltaker"
	case BasisInhabitants:
		return "etter innbyggertall"
	case BasisUsage:
		return "etter bruk"
	case BasisFixed:
		return "etter eierandel"
	}
	return string(b)
}

// CostKeyPart is one part of a cost key: a basis and the share of the
// cost it distributes.
type CostKeyPart struct {
	Basis  CostBasis `json:"basis"`
	Weight Share     `json:"weight"`
}

// CostKey is a key for sharing a cost: one or more parts whose weights sum
// to 100 % ("20 % lik + 80 % innbyggere").
type CostKey []CostKeyPart

// Validate checks that there is at least one part, that every basis is
// known and used once, and that the weights are positive and sum to
// exactly 100 %.
func (k CostKey) Validate() error {
	if len(k) == 0 {
		return Errorf(EINVALID, "the cost key is empty")
	}
	seen := map[CostBasis]bool{}
	var sum int64
	for _, p := range k {
		if _, ok := basisAliases[string(p.Basis)]; !ok || basisAliases[string(p.Basis)] != p.Basis {
			return Errorf(EINVALID, "cost key basis %q must be one of lik, innbyggere, bruk, fast", p.Basis)
		}
		if seen[p.Basis] {
			return Errorf(EINVALID, "cost key basis %s appears twice", p.Basis)
		}
		seen[p.Basis] = true
		if p.Weight <= 0 || p.Weight > 10000 {
			return Errorf(EINVALID, "cost key weight %s of %s must be more than 0 and at most 100 %%", p.Weight, p.Basis)
		}
		sum += int64(p.Weight)
	}
	if sum != 10000 {
		return Errorf(EINVALID, "the cost key's weights sum to %s, not 100 %%", Share(sum))
	}
	return nil
}

// Has reports whether the key uses the basis.
func (k CostKey) Has(b CostBasis) bool {
	for _, p := range k {
		if p.Basis == b {
			return true
		}
	}
	return false
}

// String writes the key as ParseCostKey reads it ("20 % lik + 80 %
// innbyggere").
func (k CostKey) String() string {
	var parts []string
	for _, p := range k {
		parts = append(parts, p.Weight.String()+" "+string(p.Basis))
	}
	return strings.Join(parts, " + ")
}

// Describe writes the key in words (bokmål) for documents: "20 % likt per
// deltaker og 80 % etter innbyggertall".
func (k CostKey) Describe() string {
	var parts []string
	for _, p := range k {
		if len(k) == 1 {
			parts = append(parts, p.Basis.Label())
		} else {
			parts = append(parts, p.Weight.String()+" "+p.Basis.Label())
		}
	}
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " og " + parts[len(parts)-1]
}

// ParseCostKey parses a cost key. Parts are joined by "+" or ";" (or ","
// when no weight has a decimal comma); each is a basis with its weight in
// percent before or after it: "lik", "20 % lik + 80 % innbyggere",
// "20:lik,80:innbyggere", "equal=20;inhabitants=80". A single basis without
// a weight takes 100 %. The bases are lik, innbyggere, bruk and fast
// (English: equal, inhabitants, usage, fixed).
func ParseCostKey(s string) (CostKey, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return nil, Errorf(EINVALID, "cost key: empty (write for example \"20 %% lik + 80 %% innbyggere\")")
	}
	if len(t) > 500 {
		return nil, Errorf(EINVALID, "cost key: too long")
	}
	parts := strings.FieldsFunc(t, func(r rune) bool { return r == '+' || r == ';' })
	if len(parts) == 1 && strings.Contains(t, ",") && strings.IndexFunc(t, unicode.IsLetter) >= 0 {
		parts = strings.Split(t, ",")
	}
	var k CostKey
	for i, raw := range parts {
		p, err := parseKeyPart(raw, len(parts) == 1)
		if err != nil {
			return nil, Errorf(EINVALID, "cost key %q, part %d (%q): %s", s, i+1, strings.TrimSpace(raw), err)
		}
		k = append(k, p)
	}
	if err := k.Validate(); err != nil {
		return nil, Errorf(EINVALID, "cost key %q: %s", s, ErrorMessage(err))
	}
	return k, nil
}

func parseKeyPart(raw string, alone bool) (CostKeyPart, error) {
	// Separate the letters (the basis) from the digits (the weight); each
	// may come once, in either order.
	var word, num strings.Builder
	var segments []byte // 'w' or 'n', one per run
	last := byte(0)
	for _, r := range strings.ToLower(raw) {
		kind := byte(0)
		switch {
		case unicode.IsLetter(r) || r == '-':
			kind = 'w'
			word.WriteRune(r)
		case r >= '0' && r <= '9' || r == ',' || r == '.':
			kind = 'n'
			num.WriteRune(r)
		case r == ' ' || r == '%' || r == ':' || r == '=' || r == '\t':
		default:
			return CostKeyPart{}, fmt.Errorf("%q is not allowed", r)
		}
		if kind != 0 && kind != last {
			segments = append(segments, kind)
		}
		last = kind
	}
	if len(segments) > 2 || len(segments) == 2 && segments[0] == segments[1] {
		return CostKeyPart{}, fmt.Errorf("one basis and one weight, please")
	}
	b, ok := basisAliases[word.String()]
	if !ok {
		return CostKeyPart{}, fmt.Errorf("basis %q must be lik, innbyggere, bruk or fast", word.String())
	}
	if num.Len() == 0 {
		if !alone {
			return CostKeyPart{}, fmt.Errorf("give the weight in percent, such as 20 %% %s", b)
		}
		return CostKeyPart{Basis: b, Weight: 10000}, nil
	}
	w, err := parseCents(num.String(), 10000, false)
	if err != nil {
		return CostKeyPart{}, fmt.Errorf("weight %q: %s", num.String(), err)
	}
	return CostKeyPart{Basis: b, Weight: Share(w)}, nil
}

// ParseUsage parses a usage volume: a non-negative decimal number with a
// point or comma and spaces between thousands ("1 234,5").
func ParseUsage(s string) (float64, error) {
	t := strings.Map(func(r rune) rune {
		if r == ' ' || r == '\u00a0' || r == '\u202f' {
			return -1
		}
		if r == ',' {
			return '.'
		}
		return r
	}, strings.TrimSpace(s))
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || t == "" || strings.ContainsAny(t, "eEnNiIxXpP_+") {
		return 0, Errorf(EINVALID, "usage %q is not a number", s)
	}
	if v < 0 || math.IsInf(v, 0) || v > 1e12 {
		return 0, Errorf(EINVALID, "usage %q must be between 0 and 10^12", s)
	}
	return v, nil
}
