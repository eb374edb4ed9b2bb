package imc

import (
	"slices"

	"generalist"
)

// Step is one step of the process guide from idea to running cooperation
// (A–Å), with the law it rests on. Steps that are good practice rather
// than law say so in Reference.
type Step struct {
	ID          string `json:"id"`
	Title       string `json:"title"`
	Description string `json:"description"`
	Reference   string `json:"reference"`
	Verified    bool   `json:"verified"`
	// Law is false for good practice (no legal duty).
	Law bool `json:"law"`
	// Forms lists the forms the step applies to; empty means all.
	Forms []generalist.IMCForm `json:"forms,omitempty"`
}

var (
	chapter18to20 = []generalist.IMCForm{generalist.FormIPR, generalist.FormKO, generalist.FormHostAdmin, generalist.FormHostBoard}
	iprKO         = []generalist.IMCForm{generalist.FormIPR, generalist.FormKO}
	hostForms     = []generalist.IMCForm{generalist.FormHostAdmin, generalist.FormHostBoard}
	entityForms   = []generalist.IMCForm{generalist.FormIPR, generalist.FormKO, generalist.FormIKS, generalist.FormAS, generalist.FormSA, generalist.FormAssociation}
	agreedForms   = []generalist.IMCForm{generalist.FormIPR, generalist.FormKO, generalist.FormHostAdmin, generalist.FormHostBoard, generalist.FormIKS}
	goodPractice  = "God praksis (KDD, Veileder om interkommunalt samarbeid; BDO for KDD, Etablering av samarbeid – huskelister) – ikke et lovkrav"
	amlRef        = "arbeidsmiljøloven"
)

// Steps is the process guide, in order.
var Steps = []Step{
	{ID: "behov", Title: "Behov og mål", Description: "Beskriv hva samarbeidet skal løse: oppgaver, fagmiljø, kvalitet, økonomi og hva som skjer uten samarbeid. Se kapasitetsprofilen for kommunene.",
		Reference: goodPractice, Verified: true},
	{ID: "politisk_forankring", Title: "Politisk forankring i hvert kommunestyre og fylkesting", Description: "Kommunestyrene og fylkestingene vedtar selv å opprette et interkommunalt politisk råd eller et kommunalt oppgavefellesskap; i et vertskommunesamarbeid delegerer kommunestyret selv myndigheten.",
		Reference: kl + " §§ 18-1 første ledd, 19-1 første ledd, 20-2 annet ledd, 20-3 annet ledd", Verified: true, Law: true, Forms: chapter18to20},
	{ID: "valg_av_form", Title: "Valg av samarbeidsform", Description: "Velg blant formene i § 17-1. Skal samarbeidet treffe enkeltvedtak eller gi forskrift i lovpålagte oppgaver, krever det normalt vertskommunemodellen; IKS og AS bare der særlov gir adgang.",
		Reference: kl + " § 17-1; KDD, Veileder om interkommunalt samarbeid kap. 5", Verified: true, Law: true},
	{ID: "anskaffelser", Title: "Vurdering etter regelverket om offentlige anskaffelser", Description: "Om samarbeidet omfattes av anskaffelsesreglene, vurderes etter de reglene.",
		Reference: kl + " § 17-1 tredje ledd", Verified: true, Law: true},
	{ID: "avtale", Title: "Samarbeidsavtale med de lovpålagte punktene", Description: "Skriv avtalen med alle punktene loven krever for formen (se sjekklisten), også uttreden, oppløsning og arkiver. Avtalebyggeren lager et utkast.",
		Reference: kl + " §§ 18-4, 19-4, 20-4; IKS-loven § 4", Verified: true, Law: true, Forms: agreedForms},
	{ID: "avtale_vedtatt", Title: "Avtalen vedtatt av hvert kommunestyre eller fylkesting selv", Description: "Avtalen, og senere endringer i de lovpålagte punktene, vedtas av hvert kommunestyre eller fylkesting selv.",
		Reference: kl + " §§ 18-4 annet ledd, 19-4 annet ledd, 20-4 annet ledd; IKS-loven § 4 første ledd", Verified: true, Law: true, Forms: agreedForms},
	{ID: "virksomhetsoverdragelse", Title: "Vurder om det er en virksomhetsoverdragelse", Description: "Overføres en selvstendig enhet som beholder sin identitet til en annen arbeidsgiver, gjelder kapittel 16: arbeidstakernes rettigheter og plikter etter arbeidsavtalen går over til ny arbeidsgiver. Rene forvaltningsoppgaver mellom offentlige organer kan falle utenfor; vurder konkret.",
		Reference: amlRef + " §§ 16-1 og 16-2; Ot.prp. nr. 79 (2000–2001) kap. 4", Verified: true, Law: true},
	{ID: "drofting_tillitsvalgte", Title: "Informasjon og drøfting med tillitsvalgte", Description: "Informer og drøft med de tillitsvalgte så tidlig som mulig.",
		Reference: amlRef + " § 16-5", Verified: true, Law: true},
	{ID: "informasjon_ansatte", Title: "Informasjon til arbeidstakerne, reservasjonsrett", Description: "Arbeidstakerne skal informeres, blant annet om retten til å reservere seg mot overføring og om endringer i tariffavtaler.",
		Reference: amlRef + " § 16-6", Verified: true, Law: true},
	{ID: "stillingsvern", Title: "Tillitsvalgtes stilling og vern mot oppsigelse", Description: "Tillitsvalgtes stilling ved overdragelsen og forbudet mot oppsigelse på grunn av overdragelsen.",
		Reference: amlRef + " §§ 16-3 og 16-4 (ordlyd ikke verifisert)", Verified: false, Law: true},
	{ID: "lokalisering", Title: "Fysisk lokalisering av de ansatte", Description: "Bestem hvor de ansatte skal sitte (vertskommunen, flere kontorsteder, hjemmekontor), reisetid og reiseutgifter, og hvordan innbyggerne i alle deltakerkommunene får tilgang til tjenesten.",
		Reference: goodPractice, Verified: true},
	{ID: "ikt", Title: "IKT-systemer, fagsystemer og arkiv", Description: "Avklar fagsystem, tilganger, databehandleravtaler, overføring av saker og hvem som er arkivansvarlig under og etter samarbeidet.",
		Reference: goodPractice, Verified: true},
	{ID: "registrering", Title: "Registrering i Enhetsregisteret", Description: "Et samarbeid som er eget rettssubjekt registreres (IKS som interkommunalt selskap; IPR og KO som «annen juridisk person», ANNA). Registreringspraksisen for IPR og KO er ikke verifisert.",
		Reference: "Brønnøysundregistrene; KS, Registrering av interkommunalt samarbeid (praksis for IPR og KO ikke verifisert)", Verified: false, Forms: entityForms},
	{ID: "melding_statsforvalter", Title: "Orientering til statsforvalteren", Description: "Vertskommunen orienterer fylkesmannen (nå statsforvalteren) om at samarbeidet er opprettet; mellom fylkeskommuner orienteres departementet.",
		Reference: kl + " § 20-4 femte ledd", Verified: true, Law: true, Forms: hostForms},
	{ID: "budsjett_regnskap", Title: "Eget årsbudsjett, årsregnskap og årsberetning", Description: "Et interkommunalt politisk råd og et kommunalt oppgavefellesskap skal ha eget årsbudsjett, årsregnskap og årsberetning innenfor rammene deltakerne vedtar; merforbruk dekkes inn året etter.",
		Reference: kl + " §§ 14-8 og 14-12", Verified: true, Law: true, Forms: iprKO},
	{ID: "rapportering", Title: "Rapportering til deltakerne", Description: "Rapporter det avtalen krever: for et oppgavefellesskap hva det skal rapportere om, for et vertskommunesamarbeid hvilke vedtak deltakerne skal underrettes om.",
		Reference: kl + " §§ 19-4 fjerde ledd bokstav h, 20-4 tredje ledd bokstav e", Verified: true, Law: true, Forms: []generalist.IMCForm{generalist.FormKO, generalist.FormHostAdmin, generalist.FormHostBoard}},
	{ID: "eierskapsmelding", Title: "Med i eierskapsmeldingen", Description: "Hver deltaker tar samarbeidet med i eierskapsmeldingen, som kommunestyret eller fylkestinget vedtar minst én gang i valgperioden. Oversikten per kommune kan brukes som vedlegg.",
		Reference: kl + " § 26-1", Verified: true, Law: true},
	{ID: "kontroll", Title: "Kontrollutvalg og eierskapskontroll", Description: "Kontrollutvalget kan kreve opplysninger fra IKS, IPR og KO; i et vertskommunesamarbeid fører vertskommunens kontrollutvalg kontroll for alle deltakerne.",
		Reference: kl + " §§ 23-6 og 20-9", Verified: true, Law: true},
	{ID: "evaluering", Title: "Evaluering", Description: "Evaluer om samarbeidet gir det som var målet, for eksempel hvert fjerde år, og før avtalen endres.",
		Reference: goodPractice, Verified: true},
	{ID: "uttreden_opplosning", Title: "Uttreden og oppløsning", Description: "Følg avtalens regler om uttreden og oppløsning (vertskommune: ett års varsel om ikke annet er avtalt), ansvaret som består etter uttreden, arkivene, og retten til å si opp etter en grenseendring.",
		Reference: kl + " §§ 18-2, 19-2, 20-8; inndelingslova § 16", Verified: true, Law: true},
}

// StepByID returns the step with the id.
func StepByID(id string) (Step, bool) {
	for _, s := range Steps {
		if s.ID == id {
			return s, true
		}
	}
	return Step{}, false
}

// Applies reports whether the step applies to a form.
func (s Step) Applies(f generalist.IMCForm) bool {
	return len(s.Forms) == 0 || slices.Contains(s.Forms, f)
}

// Progress is a step with its tracked state in one cooperation.
type Progress struct {
	Step
	Status generalist.StepStatus   `json:"status"`
	Owner  string                  `json:"owner,omitempty"`
	Date   generalist.CalendarDate `json:"date,omitempty"`
	Note   string                  `json:"note,omitempty"`
}

// Guide returns the steps that apply to a cooperation's form with their
// tracked state; an untracked step is not started.
func Guide(c *generalist.IMC) []Progress {
	var out []Progress
	for _, s := range Steps {
		if !s.Applies(c.Form) {
			continue
		}
		p := Progress{Step: s, Status: generalist.StepNotStarted}
		if st := c.Step(s.ID); st != nil {
			p.Status, p.Owner, p.Date, p.Note = st.Status, st.Owner, st.Date, st.Note
		}
		out = append(out, p)
	}
	return out
}

// Done counts the steps that are done or not applicable, of those that
// apply.
func Done(ps []Progress) (done, total int) {
	for _, p := range ps {
		if p.Status == generalist.StepDone || p.Status == generalist.StepNotApplicable {
			done++
		}
	}
	return done, len(ps)
}
