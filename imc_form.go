package generalist

// IMCForm is a legal form of inter-municipal cooperation under
// kommuneloven § 17-1. The values are stable identifiers used in files and
// the API.
type IMCForm string

// The forms of § 17-1 (the host model has two variants, § 20-2 and § 20-3)
// and the forms under debate that would need a change of law.
const (
	FormIPR         IMCForm = "interkommunalt_politisk_rad"          // kommuneloven ch. 18
	FormKO          IMCForm = "kommunalt_oppgavefellesskap"          // kommuneloven ch. 19
	FormHostAdmin   IMCForm = "vertskommune_administrativt"          // kommuneloven § 20-2
	FormHostBoard   IMCForm = "vertskommune_felles_folkevalgt_nemnd" // kommuneloven § 20-3
	FormIKS         IMCForm = "interkommunalt_selskap"               // IKS-loven
	FormAS          IMCForm = "aksjeselskap"                         // aksjeloven
	FormSA          IMCForm = "samvirkeforetak"                      // samvirkelova
	FormAssociation IMCForm = "forening"                             // foreningsretten
	FormOther       IMCForm = "annet"                                // "på en annen måte som det er rettslig adgang til"
)

// IMCForms lists the lawful forms in the order of § 17-1.
var IMCForms = []IMCForm{FormIPR, FormKO, FormHostAdmin, FormHostBoard, FormIKS, FormAS, FormSA, FormAssociation, FormOther}

// Valid reports whether f is one of IMCForms.
func (f IMCForm) Valid() bool {
	for _, x := range IMCForms {
		if f == x {
			return true
		}
	}
	return false
}

// Authority says whether a form may be given authority to make individual
// decisions (enkeltvedtak) or regulations (forskrift) in statutory tasks.
type Authority int

// Authority levels.
const (
	// AuthorityNo: the form may not (IPR and KO may decide only internal
	// matters and grant schemes, kommuneloven §§ 18-1, 19-1).
	AuthorityNo Authority = iota
	// AuthoritySpecialLaw: only where special legislation allows it (IKS,
	// AS; KDD, veileder om interkommunalt samarbeid ch. 5).
	AuthoritySpecialLaw
	// AuthorityYes: the host-municipality model (kommuneloven ch. 20).
	AuthorityYes
)

// Authority returns what authority f may exercise in statutory tasks.
// Forms the research did not settle (SA, association, other) are treated
// like IKS/AS: only where special law allows.
func (f IMCForm) Authority() Authority {
	switch f {
	case FormHostAdmin, FormHostBoard:
		return AuthorityYes
	case FormIPR, FormKO:
		return AuthorityNo
	}
	return AuthoritySpecialLaw
}
