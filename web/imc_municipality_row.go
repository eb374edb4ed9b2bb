package web

import (
	"strings"

	"generalist"
	"generalist/imc"
)

// imcMunicipalityRow is one row of a municipality's cooperation page: the
// overview's row, with the name an example's badge does not repeat and
// the key of what the host field is for its form.
type imcMunicipalityRow struct {
	imc.OverviewRow
	// HostRole is the message key of the host's role: vertskommune
	// (kommuneloven ch. 20), kontorkommune (an IPR or KO, ch. 18 and 19)
	// or hovedkontor (the head office of a company, IKS-loven § 4).
	HostRole string
}

// exampleSuffix ends the names of the shipped example cooperations; the
// page's badge says the same, in the page's language.
const exampleSuffix = " (eksempel)"

func municipalityRowOf(r imc.OverviewRow) imcMunicipalityRow {
	v := imcMunicipalityRow{OverviewRow: r, HostRole: hostRoleKey(r.Form)}
	if r.Example {
		v.Name = strings.TrimSuffix(r.Name, exampleSuffix)
	}
	return v
}

// hostRoleKey is the message key of what a cooperation's host field is
// for form f.
func hostRoleKey(f generalist.IMCForm) string {
	switch {
	case f.Host() || f == generalist.FormHostCounty || f == generalist.FormSamkommune:
		return "imc.muni.role.host"
	case f == generalist.FormIPR || f == generalist.FormKO:
		return "imc.muni.role.office"
	}
	return "imc.muni.role.headoffice"
}
