package web

// glossaryMessages are the texts of the glossary (/ordliste), added to
// messages at start: for each term in glossaryTerms, "gl.<id>" is the
// term and "gl.<id>.text" its plain explanation.
var glossaryMessages = map[string][2]string{
	"nav.glossary":     {"Ordliste", "Glossary"},
	"gl.title":         {"Ordliste", "Glossary"},
	"gl.lead":          {"Ordene denne tjenesten bruker om kommunene, økonomien og beregningene, forklart med vanlige ord. Der ordet er et lovbegrep, står loven det kommer fra.", "The words this service uses about the municipalities, the economy and the calculations, explained in plain words. Where a word is a legal term, the law it comes from is given."},
	"gl.law":           {"Lovgrunnlag:", "Legal basis:"},
	"gl.see":           {"Se også:", "See also:"},
	"gl.group.system":  {"Kommunesystemet og samarbeid", "The municipal system and cooperation"},
	"gl.group.economy": {"Økonomi", "Economy"},
	"gl.group.model":   {"Bemanning og kapasitet", "Staffing and capacity"},
	"gl.group.search":  {"Struktursøk og analyse", "Structure search and analysis"},
	"gl.help":          {"Hva betyr dette? Se ordlisten.", "What does this mean? See the glossary."},

	"gl.generalistkommune":      {"Generalistkommune", "Generalist municipality"},
	"gl.generalistkommune.text": {"At alle kommuner har de samme oppgavene, den samme finansieringen og det samme lovverket, uansett hvor mange innbyggere de har. Generalistkommunesystemet er det systemet som bygger på dette prinsippet.", "That every municipality has the same tasks, the same financing and the same legal frame, however many inhabitants it has. The generalist municipality system is the system built on this principle."},
	"gl.kommunestruktur":        {"Kommunestruktur", "Municipal structure"},
	"gl.kommunestruktur.text":   {"Hvilke kommuner som finnes og hvor grensene går, på en bestemt dato. Tjenesten har 2024-strukturen (357 kommuner) og 2020-strukturen; tall fra eldre år er overført til strukturen med SSBs endringsnøkler.", "Which municipalities exist and where their borders run, on a given date. The service has the 2024 structure (357 municipalities) and the 2020 structure; figures from earlier years are carried over to the structure with Statistics Norway's change mappings."},
	"gl.ipr":                    {"Interkommunalt politisk råd", "Inter-municipal political council"},
	"gl.ipr.text":               {"Et samarbeidsorgan der kommuner (og fylkeskommuner) drøfter saker som går på tvers av grensene. Rådet kan ikke få myndighet til å treffe enkeltvedtak.", "A joint body where municipalities (and counties) discuss matters that cross their borders. The council cannot be given authority to make individual decisions."},
	"gl.ko":                     {"Kommunalt oppgavefellesskap", "Municipal joint task body"},
	"gl.ko.text":                {"Et samarbeid der kommuner løser en felles oppgave sammen, med et representantskap som øverste organ. Det kan ikke få myndighet til å treffe enkeltvedtak.", "A cooperation in which municipalities carry out a shared task together, led by a council of representatives. It cannot be given authority to make individual decisions."},
	"gl.vertskommune":           {"Vertskommune", "Host municipality"},
	"gl.vertskommune.text":      {"En kommune som utfører en oppgave for andre kommuner etter avtale, og som kan få myndighet til å treffe enkeltvedtak på deres vegne. Oppgaven blir da løst av vertskommunens fagfolk.", "A municipality that carries out a task for other municipalities by agreement, and can be given authority to make individual decisions on their behalf. The task is then done by the host's staff."},
	"gl.iks":                    {"Interkommunalt selskap (IKS)", "Inter-municipal company (IKS)"},
	"gl.iks.text":               {"Et selskap som bare kommuner og fylkeskommuner eier, og som driver en virksomhet for dem, for eksempel renovasjon, revisjon eller brannvesen. Eierne svarer for selskapets gjeld etter sine eierandeler.", "A company owned only by municipalities and counties that runs an activity for them, such as waste collection, auditing or the fire service. The owners answer for its debts by their shares."},
	"gl.differensiering":        {"Oppgavedifferensiering", "Task differentiation"},
	"gl.differensiering.text":   {"At kommuner får ulike oppgaver, for eksempel at små kommuner gir en oppgave fra seg til fylkeskommunen, en vertskommune eller staten. Det bryter med generalistkommuneprinsippet.", "That municipalities are given different tasks, for example that small municipalities hand a task over to the county, a host municipality or the state. It departs from the generalist principle."},
	"gl.robek":                  {"ROBEK", "ROBEK"},
	"gl.robek.text":             {"Registeret om betinget godkjenning og kontroll: kommuner med økonomiske problemer som må ha statens godkjenning for å låne og inngå langsiktige leieavtaler.", "The register of municipalities with financial problems that need the state's approval to borrow and to enter into long leases."},

	"gl.rammetilskudd":           {"Rammetilskudd", "Block grant"},
	"gl.rammetilskudd.text":      {"Penger staten gir kommunene uten at de er bundet til et bestemt formål. Rammetilskuddet består av flere deler: innbyggertilskudd, utgiftsutjevning, inntektsutjevning, distriktstilskudd og andre.", "Money the state gives the municipalities without tying it to a particular purpose. The block grant has several parts: a per-inhabitant grant, expenditure equalisation, income equalisation, district grants and others."},
	"gl.frieinntekter":           {"Frie inntekter", "Free income"},
	"gl.frieinntekter.text":      {"Rammetilskuddet og skatteinntektene til sammen: pengene kommunen selv bestemmer over.", "The block grant and the tax income together: the money the municipality decides over itself."},
	"gl.inntektsutjevning":       {"Inntektsutjevning", "Income equalisation"},
	"gl.inntektsutjevning.text":  {"Den delen av rammetilskuddet som jevner ut forskjeller i skatteinntekt: kommuner med lav skatt per innbygger får tilskudd, og kommuner med høy skatt får trekk.", "The part of the block grant that evens out differences in tax income: municipalities with low tax per inhabitant receive money, those with high tax have money deducted."},
	"gl.inndelingstilskudd":      {"Inndelingstilskudd", "Merger compensation (inndelingstilskudd)"},
	"gl.inndelingstilskudd.text": {"Et tilskudd som gjør at kommuner som slår seg sammen, ikke taper rammetilskudd på det: de får tapt basistilskudd og tapte distriktstilskudd fullt kompensert i 15 år, og så trappes tilskuddet ned over 5 år.", "A grant that keeps merging municipalities from losing block grant by merging: the lost basis grant and lost district grants are compensated in full for 15 years, then phased out over 5 years."},
	"gl.kostnadsindeks":          {"Kostnadsindeks", "Cost index"},
	"gl.kostnadsindeks.text":     {"Et tall som viser hvor dyrt det er å gi innbyggerne i kommunen tjenester, sammenlignet med landsgjennomsnittet (1,00). Over 1 betyr dyrere enn gjennomsnittet.", "A number showing how costly it is to provide the municipality's inhabitants with services, compared with the national average (1.00). Above 1 means more costly than average."},

	"gl.arsverk":          {"Årsverk", "Full-time equivalent (FTE)"},
	"gl.arsverk.text":     {"Arbeidet til én person i full stilling i ett år. To halve stillinger er ett årsverk.", "The work of one person in a full-time post for one year. Two half-time posts make one FTE."},
	"gl.fagmiljo":         {"Robust fagmiljø", "Robust professional environment"},
	"gl.fagmiljo.text":    {"Nok fagfolk på en oppgave til at de kan dele kunnskap, ta over for hverandre ved fravær og stå i krevende saker. Her måles det i årsverk: en kommune har et robust fagmiljø for en oppgave når de forventede årsverkene når et minste antall. De fleste av disse minstetallene er antakelser, merket på oppgavesiden.", "Enough professionals on a task to share knowledge, stand in for each other and handle demanding cases. Here it is measured in FTEs: a municipality has a robust professional environment for a task when its expected FTEs reach a minimum. Most of these minimums are assumptions, marked on the tasks page."},
	"gl.malgruppe":        {"Målgruppe", "Target group"},
	"gl.malgruppe.text":   {"Innbyggerne en oppgave er for, for eksempel barn 0–17 år for barnevernet eller alle innbyggere.", "The inhabitants a task serves, for example children aged 0–17 for child welfare, or all inhabitants."},
	"gl.norm":             {"Bemanningsnorm", "Staffing norm"},
	"gl.norm.text":        {"Hvor mange årsverk en oppgave krever per 1 000 innbyggere i målgruppen. Forventede årsverk i en kommune = normen × målgruppen / 1 000.", "How many FTEs a task needs per 1,000 inhabitants in its target group. Expected FTEs in a municipality = the norm × the target group / 1,000."},
	"gl.sentralitet":      {"Sentralitetsklasse", "Centrality class"},
	"gl.sentralitet.text": {"SSBs inndeling av kommunene etter hvor mange arbeidsplasser og tjenester innbyggerne når innen rimelig reisetid, fra 1 (mest sentral) til 6 (minst sentral). Klassene i denne tjenesten er ikke kontrollert mot SSBs egen liste.", "Statistics Norway's grouping of the municipalities by how many jobs and services the inhabitants can reach within reasonable travel time, from 1 (most central) to 6 (least central). The classes in this service are not checked against Statistics Norway's own list."},

	"gl.struktursok":      {"Struktursøk", "Structure search"},
	"gl.struktursok.text": {"Et verktøy som leter etter grupper av nabokommuner der hver gruppe når en terskel, med færrest mulig sammenslåinger. Det viser hva et kriterium fører til; det foreslår ikke et kart.", "A tool that looks for groups of neighbouring municipalities in which every group reaches a threshold, with as few mergers as possible. It shows what a criterion leads to; it does not propose a map."},
	"gl.terskel":          {"Terskel", "Threshold"},
	"gl.terskel.text":     {"Det minste innbyggertallet (eller antallet årsverk for en oppgave) hver gruppe i struktursøket skal nå.", "The smallest number of inhabitants (or of FTEs for a task) every group in the structure search must reach."},
	"gl.startverdi":       {"Startverdi", "Starting value (seed)"},
	"gl.startverdi.text":  {"Et tall som bestemmer hvor søket begynner å lete. Samme startverdi gir alltid samme svar; en annen startverdi kan gi et annet, like godt svar.", "A number that decides where the search starts looking. The same starting value always gives the same answer; another may give a different, equally good answer."},
	"gl.ovregrense":       {"Beste mulige antall grupper", "Best possible number of groups"},
	"gl.ovregrense.text":  {"Et tall som søket vet at ingen løsning kan gå over (matematisk: en øvre grense). Avstanden fra søkets svar til dette tallet viser hvor langt fra det beste svaret søket høyst kan være.", "A number the search knows no plan can exceed (mathematically: an upper bound). The gap between the search's answer and this number shows how far from the best answer the search can at most be."},
	"gl.ensemble":         {"Alternative planer (ensemble)", "Alternative plans (ensemble)"},
	"gl.ensemble.text":    {"Mange andre inndelinger som oppfyller de samme kravene, laget ved å slå sammen to nabogrupper og dele dem på nytt, gang på gang. De viser hvor mye svaret kunne variert: en kommune som havner i samme gruppe i nesten alle planene, har et sikrere svar.", "Many other groupings that meet the same criteria, made by merging two neighbouring groups and splitting them again, over and over. They show how much the answer could vary: a municipality that lands in the same group in nearly every plan has a firmer answer."},
	"gl.personkm":         {"Reiseavstand for innbyggerne", "Travel distance for the inhabitants"},
	"gl.personkm.text":    {"Avstanden fra hver kommune til senteret i gruppen, ganget med innbyggerne i kommunen og lagt sammen (personkilometer). Jo lavere, jo nærmere bor innbyggerne senteret.", "The distance from each municipality to its group's centre, times the municipality's inhabitants, added up (person-kilometres). The lower it is, the closer the inhabitants live to the centre."},
	"gl.regresjon":        {"Regresjon", "Regression"},
	"gl.regresjon.text":   {"En beregning som finner hvordan et tall (for eksempel kostnad per innbygger) henger sammen med andre (for eksempel folketall og sentralitet), alt annet likt. Den viser sammenheng, ikke årsak.", "A calculation that finds how one figure (say cost per inhabitant) goes with others (say population and centrality), all else equal. It shows association, not cause."},
	"gl.koeffisient":      {"Koeffisient", "Coefficient"},
	"gl.koeffisient.text": {"Hvor mye tallet som forklares endrer seg i snitt når det forklarende tallet øker med én enhet, og de andre holdes like. En koeffisient på 2,5 for «log2(folkemengde)» betyr: dobbelt så mange innbyggere går sammen med 2,5 enheter høyere verdi.", "How much the explained figure changes on average when the explaining figure rises by one unit, the others held equal. A coefficient of 2.5 on «log2(population)» means: twice as many inhabitants go with a value 2.5 units higher."},
	"gl.r2":               {"Forklaringsgrad (R²)", "Explained share (R²)"},
	"gl.r2.text":          {"Hvor stor del av forskjellene mellom kommunene regresjonen forklarer, fra 0 (ingenting) til 1 (alt).", "How much of the differences between the municipalities the regression explains, from 0 (nothing) to 1 (everything)."},
	"gl.konfidens":        {"Usikkerhet (standardfeil)", "Uncertainty (standard error)"},
	"gl.konfidens.text":   {"Hvor mye en koeffisient kunne variert av tilfeldigheter. Er koeffisienten mindre enn om lag to standardfeil fra 0, kan sammenhengen like gjerne være tilfeldig.", "How much a coefficient could vary by chance. When it is less than about two standard errors from 0, the association may just as well be chance."},
}

// glossaryTerm is one entry: its id (the anchor /ordliste#id), the group
// it is listed under and, for a legal term, the law it comes from
// (written as the law is named, in Norwegian).
type glossaryTerm struct {
	ID, Group, Law string
}

var glossaryTerms = []glossaryTerm{
	{"generalistkommune", "system", ""},
	{"kommunestruktur", "system", ""},
	{"ipr", "system", "kommuneloven kapittel 18"},
	{"ko", "system", "kommuneloven kapittel 19"},
	{"vertskommune", "system", "kommuneloven kapittel 20"},
	{"iks", "system", "lov om interkommunale selskaper (IKS-loven)"},
	{"differensiering", "system", ""},
	{"robek", "system", "kommuneloven § 28-1"},
	{"rammetilskudd", "economy", ""},
	{"frieinntekter", "economy", ""},
	{"inntektsutjevning", "economy", ""},
	{"inndelingstilskudd", "economy", "inndelingslova"},
	{"kostnadsindeks", "economy", ""},
	{"arsverk", "model", ""},
	{"fagmiljo", "model", ""},
	{"malgruppe", "model", ""},
	{"norm", "model", ""},
	{"sentralitet", "model", ""},
	{"struktursok", "search", ""},
	{"terskel", "search", ""},
	{"startverdi", "search", ""},
	{"ovregrense", "search", ""},
	{"ensemble", "search", ""},
	{"personkm", "search", ""},
	{"regresjon", "search", ""},
	{"koeffisient", "search", ""},
	{"r2", "search", ""},
	{"konfidens", "search", ""},
}

var glossaryGroups = []string{"system", "economy", "model", "search"}

func init() { addMessages("the glossary", glossaryMessages) }
