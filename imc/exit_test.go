package imc

import (
	"strings"
	"testing"

	"generalist"
)

func TestExit(t *testing.T) {
	for _, tt := range []struct {
		name     string
		form     generalist.IMCForm
		mod      func(c *generalist.IMC)
		req      ExitRequest
		earliest generalist.CalendarDate
		ref      string
		verified bool
	}{
		{"HostLawYear", generalist.FormHostAdmin, func(c *generalist.IMC) { c.Agreement.NoticeMonths = nil },
			ExitRequest{Participant: "1822", Notice: "2026-03-31"}, "2027-03-31", "kommuneloven § 20-8 annet ledd første punktum", true},
		{"HostAgreedSixMonths", generalist.FormHostAdmin, func(c *generalist.IMC) { n := 6; c.Agreement.NoticeMonths = &n },
			ExitRequest{Participant: "1822", Notice: "2026-08-31"}, "2027-02-28", "kommuneloven § 20-8 annet ledd annet punktum", true},
		// The agreed period applies even when it is longer than the law's.
		{"HostAgreedTwoYears", generalist.FormHostAdmin, func(c *generalist.IMC) { n := 24; c.Agreement.NoticeMonths = &n },
			ExitRequest{Participant: "1818", Notice: "2026-01-01"}, "2028-01-01", "kommuneloven § 20-8 annet ledd annet punktum", true},
		{"HostBoundaryChange", generalist.FormHostAdmin, func(c *generalist.IMC) { c.Agreement.NoticeMonths = nil },
			ExitRequest{Participant: "1822", Notice: "2026-03-01", BoundaryChange: "2026-01-01"}, "2026-09-01", "inndelingslova § 16", true},
		{"HostBoundaryTooLate", generalist.FormHostAdmin, func(c *generalist.IMC) { c.Agreement.NoticeMonths = nil },
			ExitRequest{Participant: "1822", Notice: "2027-01-02", BoundaryChange: "2026-01-01"}, "2028-01-02", "kommuneloven § 20-8 annet ledd første punktum", true},
		{"KOAgreement", generalist.FormKO, func(c *generalist.IMC) {},
			ExitRequest{Participant: "3426", Notice: "2026-05-15"}, "2027-05-15", "kommuneloven § 19-4 fjerde ledd bokstav i", true},
		{"IPRNoPeriod", generalist.FormIPR, func(c *generalist.IMC) { c.Agreement.NoticeMonths = nil },
			ExitRequest{Participant: "33", Notice: "2026-05-15"}, "", "kommuneloven § 18-4 fjerde ledd bokstav g", true},
		{"IPRBoundary", generalist.FormIPR, func(c *generalist.IMC) { c.Agreement.NoticeMonths = nil },
			ExitRequest{Participant: "3320", Notice: "2026-05-15", BoundaryChange: "2026-01-01"}, "2026-11-15", "inndelingslova § 16", true},
		{"IKSUnverified", generalist.FormIKS, func(c *generalist.IMC) {},
			ExitRequest{Participant: "1151", Notice: "2026-05-15"}, "2027-05-15", "IKS-loven § 30 (innhold ikke verifisert)", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := example(t, tt.form)
			tt.mod(c)
			a, err := Exit(c, tt.req)
			if err != nil {
				t.Fatal(err)
			}
			if a.Earliest != tt.earliest || a.Reference != tt.ref || a.Verified != tt.verified {
				t.Errorf("Exit = %s by %q (verified %v), want %s by %q (%v)", a.Earliest, a.Reference, a.Verified, tt.earliest, tt.ref, tt.verified)
			}
			if a.Liability == "" || a.Caveat == "" || len(a.Routes) == 0 {
				t.Errorf("Exit lacks liability, caveat or routes: %+v", a)
			}
		})
	}
	host, _ := Exit(example(t, generalist.FormHostAdmin), ExitRequest{Participant: "1822", Notice: "2026-03-31"})
	var consent *ExitRoute
	for i := range host.Routes {
		if host.Routes[i].Conditional {
			consent = &host.Routes[i]
		}
	}
	if consent == nil || consent.Earliest != "2026-03-31" || consent.Reference != "kommuneloven § 20-8 første ledd" {
		t.Errorf("the dissolution by consent is missing: %+v", host.Routes)
	}
	ko, _ := Exit(example(t, generalist.FormKO), ExitRequest{Participant: "3426", Notice: "2026-05-15"})
	if !strings.Contains(ko.Liability, "§ 19-2 tredje ledd") {
		t.Errorf("KO liability = %q", ko.Liability)
	}
	if len(ko.Agreement) != 2 || ko.Agreement[0].ID != "19-4i" || ko.Agreement[1].ID != "19-4j" {
		t.Errorf("KO agreement items = %+v", ko.Agreement)
	}
	for _, tt := range []struct {
		name string
		req  ExitRequest
		want string
	}{
		{"NotParticipant", ExitRequest{Participant: "0301", Notice: "2026-01-01"}, "0301 is not a participant"},
		{"BeforeStart", ExitRequest{Participant: "1822", Notice: "2023-01-01"}, "before the cooperation starts"},
		{"NoNotice", ExitRequest{Participant: "1822"}, "give the day notice is given"},
		{"BadDate", ExitRequest{Participant: "1822", Notice: "2026-02-30"}, `notice date "2026-02-30"`},
	} {
		if _, err := Exit(example(t, generalist.FormHostAdmin), tt.req); generalist.ErrorCode(err) != generalist.EINVALID || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: Exit = %v, want EINVALID containing %q", tt.name, err, tt.want)
		}
	}
	ended := example(t, generalist.FormHostAdmin)
	ended.End = "2025-12-31"
	if _, err := Exit(ended, ExitRequest{Participant: "1822", Notice: "2026-01-01"}); err == nil || !strings.Contains(err.Error(), "ended on 2025-12-31") {
		t.Errorf("Exit after the end = %v", err)
	}
}
