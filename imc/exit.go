package imc

import (
	"fmt"

	"generalist"
)

// ExitRequest asks when a participant can leave.
type ExitRequest struct {
	// Participant is the kommunenummer or fylkesnummer.
	Participant string
	// Notice is the day the participant gives notice.
	Notice generalist.CalendarDate
	// BoundaryChange is the day a boundary change (grenseendring) that
	// touched the participant took effect, if any (inndelingslova § 16).
	BoundaryChange generalist.CalendarDate
}

// ExitRoute is one legal way out, with the earliest day it gives.
type ExitRoute struct {
	Rule      string `json:"rule"`
	Reference string `json:"reference"`
	Verified  bool   `json:"verified"`
	// Applies is false when the route is shown for information but does
	// not apply to this request (no boundary change, no agreed period).
	Applies bool `json:"applies"`
	// Conditional routes need something beyond the participant's own
	// notice (all participants agreeing).
	Conditional bool `json:"conditional,omitempty"`
	// Earliest is the first day the participant is out by this route; ""
	// when the registry cannot tell.
	Earliest generalist.CalendarDate `json:"earliest,omitempty"`
	Why      string                  `json:"why"`
}

// ExitAnswer is the answer to an ExitRequest.
type ExitAnswer struct {
	Participant string                  `json:"participant"`
	Name        string                  `json:"name,omitempty"`
	Notice      generalist.CalendarDate `json:"notice"`
	// Earliest is the earliest day by a route that applies without
	// conditions, and Rule and Reference that route; Earliest is "" when
	// no route gives a date.
	Earliest  generalist.CalendarDate `json:"earliest,omitempty"`
	Rule      string                  `json:"rule"`
	Reference string                  `json:"reference"`
	Verified  bool                    `json:"verified"`
	Routes    []ExitRoute             `json:"routes"`
	// Liability says what the participant still answers for after it
	// leaves.
	Liability string `json:"liability"`
	// Agreement lists what the agreement must say about exit, dissolution
	// and archives, and whether it does.
	Agreement []Item `json:"agreement"`
	Caveat    string `json:"caveat"`
}

// Exit answers when a participant can leave a cooperation at the earliest
// after giving notice on a day, by which rule:
//
//   - host arrangement: one year's notice unless the agreement sets another
//     period; immediately if all participants agree (kommuneloven § 20-8);
//   - IPR and KO: as the agreement says (§§ 18-4 g, 19-4 i); liability for
//     obligations that exist when the participant leaves survives
//     (§§ 18-2, 19-2 third paragraph);
//   - IKS: IKS-loven § 30 (one year's notice: recalled, not verified);
//   - after a boundary change, for chapters 18–20 and IKS: notice within
//     one year of the change, with six months' notice (inndelingslova § 16);
//   - AS, SA, association, other: their own law and articles, which the
//     registry cannot read.
//
// Periods counted in months end on the same day of the month, or on the
// last day of a shorter month. EINVALID if the participant is not in the
// cooperation, a date is malformed, or notice falls before the start or
// after the end.
func Exit(c *generalist.IMC, r ExitRequest) (*ExitAnswer, error) {
	p := c.Participant(r.Participant)
	if p == nil {
		return nil, generalist.Errorf(generalist.EINVALID, "%s is not a participant in %s", r.Participant, c.Name)
	}
	for _, d := range []struct {
		name string
		d    generalist.CalendarDate
	}{{"notice", r.Notice}, {"boundary change", r.BoundaryChange}} {
		if d.d == "" {
			continue
		}
		if v, err := generalist.ParseCalendarDate(string(d.d)); err != nil || v != d.d {
			return nil, generalist.Errorf(generalist.EINVALID, "%s date %q must be written 2026-01-31", d.name, string(d.d))
		}
	}
	if r.Notice == "" {
		return nil, generalist.Errorf(generalist.EINVALID, "give the day notice is given")
	}
	if r.Notice < c.Start {
		return nil, generalist.Errorf(generalist.EINVALID, "notice on %s is before the cooperation starts (%s)", r.Notice, c.Start)
	}
	if c.End != "" && r.Notice > c.End {
		return nil, generalist.Errorf(generalist.EINVALID, "the cooperation ended on %s, before notice on %s", c.End, r.Notice)
	}
	ans := &ExitAnswer{Participant: p.Number, Name: p.Name, Notice: r.Notice, Caveat: LawCaveat}
	a := &c.Agreement
	agreed := a.NoticeMonths
	months := func(n int) generalist.CalendarDate { return r.Notice.AddMonths(n) }
	switch {
	case c.Form.Host():
		if agreed != nil {
			ans.Routes = append(ans.Routes, ExitRoute{Rule: fmt.Sprintf("Oppsigelse med avtalt frist på %d måneder", *agreed), Reference: kl + " § 20-8 annet ledd annet punktum",
				Verified: true, Applies: true, Earliest: months(*agreed), Why: "Avtalen fastsetter en annen oppsigelsesfrist enn ett år, som loven tillater."})
			ans.Routes = append(ans.Routes, ExitRoute{Rule: "Oppsigelse med ett års varsel", Reference: kl + " § 20-8 annet ledd første punktum", Verified: true,
				Applies: false, Earliest: months(12), Why: "Lovens frist gjelder når avtalen ikke fastsetter en annen; her gjør den det."})
		} else {
			ans.Routes = append(ans.Routes, ExitRoute{Rule: "Oppsigelse med ett års varsel", Reference: kl + " § 20-8 annet ledd første punktum", Verified: true,
				Applies: true, Earliest: months(12), Why: "Avtalen fastsetter ingen annen oppsigelsesfrist, så lovens frist på ett år gjelder."})
		}
		ans.Routes = append(ans.Routes, ExitRoute{Rule: "Oppløsning med øyeblikkelig virkning når deltakerne er enige", Reference: kl + " § 20-8 første ledd", Verified: true,
			Applies: true, Conditional: true, Earliest: r.Notice, Why: "Gjelder bare hvis alle deltakerne er enige om å oppløse samarbeidet."})
		ans.Liability = "Kapittel 20 har ingen egen regel om ansvar etter uttreden; det økonomiske oppgjøret følger avtalen (§ 20-4 tredje ledd bokstav f)."
	case c.Form == generalist.FormIPR || c.Form == generalist.FormKO:
		ref, liab := kl+" § 18-4 fjerde ledd bokstav g", kl+" § 18-2 tredje ledd"
		if c.Form == generalist.FormKO {
			ref, liab = kl+" § 19-4 fjerde ledd bokstav i", kl+" § 19-2 tredje ledd"
		}
		switch {
		case agreed != nil:
			ans.Routes = append(ans.Routes, ExitRoute{Rule: fmt.Sprintf("Uttreden etter avtalen, %d måneders frist", *agreed), Reference: ref, Verified: true,
				Applies: true, Earliest: months(*agreed), Why: "Loven overlater til avtalen å bestemme hvordan deltakerne kan tre ut; avtalen fastsetter fristen."})
		case has(a.Exit):
			ans.Routes = append(ans.Routes, ExitRoute{Rule: "Uttreden etter avtalen", Reference: ref, Verified: true, Applies: true,
				Why: "Avtalen sier " + quote(a.Exit) + ", men fristen er ikke registrert i måneder (notice_months), så dagen kan ikke regnes ut."})
		default:
			ans.Routes = append(ans.Routes, ExitRoute{Rule: "Uttreden etter avtalen", Reference: ref, Verified: true, Applies: true,
				Why: "Avtalen sier ikke hvordan deltakerne kan tre ut, slik loven krever; uten en slik bestemmelse kan registeret ikke si når uttreden tidligst kan skje."})
		}
		ans.Liability = "Deltakeren fortsetter å ha økonomisk ansvar for sin andel av de forpliktelsene samarbeidet har på det tidspunktet deltakeren trer ut; det samme gjelder ved oppløsning (" + liab + ")."
	case c.Form == generalist.FormIKS:
		ans.Routes = append(ans.Routes, ExitRoute{Rule: "Uttreden etter IKS-loven § 30 (ett års skriftlig varsel)", Reference: iksLoven + " § 30 (innhold ikke verifisert)",
			Verified: false, Applies: true, Earliest: months(12), Why: "Paragrafnummeret er bekreftet; at fristen er ett år er hentet fra hukommelsen og ikke verifisert mot lovteksten."})
		if agreed != nil {
			ans.Routes = append(ans.Routes, ExitRoute{Rule: fmt.Sprintf("Avtalt frist på %d måneder", *agreed), Reference: iksLoven + " § 30 (ikke verifisert)", Verified: false,
				Applies: false, Earliest: months(*agreed), Why: "Om selskapsavtalen kan fravike lovens frist er ikke verifisert."})
		}
		ans.Liability = "Deltakerne har ubegrenset ansvar for sin prosentandel av selskapets forpliktelser (IKS-loven § 3); hvordan ansvaret avvikles ved uttreden, følger IKS-loven § 30 (innhold ikke verifisert)."
	default:
		ans.Routes = append(ans.Routes, ExitRoute{Rule: "Uttreden etter vedtektene og " + GoverningLaw(c.Form), Reference: GoverningLaw(c.Form), Verified: true, Applies: true,
			Why: "Kommuneloven og IKS-loven regulerer ikke uttreden fra denne formen; se vedtektene eller avtalen."})
		ans.Liability = "Følger " + GoverningLaw(c.Form) + " og vedtektene."
	}
	// Inndelingslova § 16 after a boundary change.
	if covered := c.Form == generalist.FormIPR || c.Form == generalist.FormKO || c.Form.Host() || c.Form == generalist.FormIKS; covered {
		route := ExitRoute{Rule: "Oppsigelse etter en grenseendring, med seks måneders frist", Reference: "inndelingslova § 16", Verified: true}
		switch {
		case r.BoundaryChange == "":
			route.Why = "Gjelder bare etter en grenseendring: deltakeren kan da innen ett år fra iverksettingen si opp med seks måneders frist, og kreve avtalen vurdert på nytt."
		case r.Notice < r.BoundaryChange:
			route.Why = "Fristen på ett år løper fra grenseendringen ble iverksatt " + r.BoundaryChange.Long() + ", etter at oppsigelsen er gitt."
		case r.Notice > r.BoundaryChange.AddMonths(12):
			route.Why = "Oppsigelsen gis mer enn ett år etter at grenseendringen ble iverksatt " + r.BoundaryChange.Long() + "."
		default:
			route.Applies, route.Earliest = true, months(6)
			route.Why = "Oppsigelsen gis innen ett år etter grenseendringen " + r.BoundaryChange.Long() + "; fristen er seks måneder, og partene kan kreve avtalen vurdert på nytt."
		}
		ans.Routes = append(ans.Routes, route)
	}
	for _, route := range ans.Routes {
		if route.Applies && !route.Conditional && route.Earliest != "" && (ans.Earliest == "" || route.Earliest < ans.Earliest) {
			ans.Earliest, ans.Rule, ans.Reference, ans.Verified = route.Earliest, route.Rule, route.Reference, route.Verified
		}
	}
	if ans.Earliest == "" {
		for _, route := range ans.Routes {
			if route.Applies && !route.Conditional {
				ans.Rule, ans.Reference, ans.Verified = route.Rule, route.Reference, route.Verified
				break
			}
		}
	}
	ans.Agreement = ExitClauses(c)
	return ans, nil
}

// ExitClauses returns the checklist items on what the agreement must say
// about exit, dissolution and archives for the form.
func ExitClauses(c *generalist.IMC) []Item {
	l := Check(c, nil, Options{})
	var out []Item
	for _, it := range l.Items {
		if r, ok := RequirementByID(it.ID); ok && (r.Clause == "agreement.exit" || r.Clause == "agreement.dissolution") {
			out = append(out, it)
		}
	}
	if out == nil {
		out = []Item{}
	}
	return out
}
