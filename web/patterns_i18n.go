package web

import "fmt"

// patternsMessages are the texts of the cooperation patterns page
// (/samarbeid/monster), added to messages at start.
var patternsMessages = map[string][2]string{
	"patterns.title": {"Samarbeidsmønstre: faste partnere eller shopping?", "Cooperation patterns: fixed partners or shopping?"},
	"patterns.link":  {"Samarbeidsmønstre", "Cooperation patterns"},
	"patterns.lead": {"Samarbeider kommunen med de samme nabokommunene om oppgave etter oppgave, eller finner den nye partnere for hver oppgave? Siden viser dette for hver kommune med en fastpartnerindeks, og for hvert fylke hvilke grupper av kommuner som samarbeider mest med hverandre. Tallene bygger bare på samarbeidene i registeret.",
		"Does the municipality cooperate with the same neighbours task after task, or find new partners for each task? This page shows it for each municipality with a fixed-partner index, and for each county which groups of municipalities cooperate most with each other. The figures rest only on the cooperations in the registry."},
	"patterns.show":        {"Vis", "Show"},
	"patterns.examples.on": {"Eksempelsamarbeidene er regnet med. De er ikke reelle registreringer, og mønstrene under viser ikke dagens system.", "The example cooperations are counted. They are not real registrations, and the patterns below do not show today's system."},
	"patterns.empty.registry": {"Registeret har ingen registrerte samarbeid ennå, så det finnes ingen mønstre å vise: importer samarbeid fra en fil etter malen (krever innlogging).",
		"The registry has no registered cooperations yet, so there are no patterns to show: import cooperations from a file made from the template (needs signing in)."},
	"patterns.empty.registry.examples": {"Registeret har ingen registrerte samarbeid ennå, så det finnes ingen mønstre å vise: importer samarbeid fra en fil etter malen (krever innlogging), eller se hvordan siden virker med eksemplene.",
		"The registry has no registered cooperations yet, so there are no patterns to show: import cooperations from a file made from the template (needs signing in), or see how the page works with the examples."},
	"patterns.empty.examples":      {"Vis med eksemplene", "Show with the examples"},
	"patterns.empty.day":           {"Ingen samarbeid med minst to kommuner var i drift %s. Velg en annen dato.", "No cooperation with at least two municipalities was running on %s. Choose another date."},
	"patterns.basis":               {"%s samarbeid med minst to kommuner i drift %s; %s kommuner deltar i minst ett.", "%s cooperations with at least two municipalities running on %s; %s municipalities take part in at least one."},
	"patterns.leftout":             {"%d samarbeid med færre enn to kommuner (for eksempel en kommune og en fylkeskommune) er ikke tatt med.", "%d cooperations with fewer than two municipalities (a municipality and a county, say) are left out."},
	"patterns.examples.leftout":    {"%d eksempelsamarbeid er ikke regnet med.", "%d example cooperations are not counted."},
	"patterns.index.heading":       {"Faste partnere per kommune", "Fixed partners per municipality"},
	"patterns.table.region":        {"Tabell over samarbeidsmønstrene", "Table of the cooperation patterns"},
	"patterns.table.caption":       {"Samarbeid, partnere og fastpartnerindeks per kommune", "Cooperations, partners and fixed-partner index per municipality"},
	"patterns.county":              {"Fylke", "County"},
	"patterns.cooperations":        {"Samarbeid", "Cooperations"},
	"patterns.partners":            {"Ulike partnere", "Distinct partners"},
	"patterns.index":               {"Fastpartnerindeks", "Fixed-partner index"},
	"patterns.table.note":          {"Bare kommuner som deltar i minst ett samarbeid er med. Indeksen går fra 0 (shopping) til 1 (faste partnere); med færre enn to samarbeid kan den ikke regnes ut.", "Only municipalities that take part in at least one cooperation are listed. The index runs from 0 (shopping) to 1 (fixed partners); with fewer than two cooperations it cannot be computed."},
	"patterns.map.title":           {"Fastpartnerindeks (0 = shopping, 1 = faste partnere)", "Fixed-partner index (0 = shopping, 1 = fixed partners)"},
	"patterns.map.nodata":          {"ingen data (færre enn to samarbeid)", "no data (fewer than two cooperations)"},
	"patterns.map.source":          {"Generalist, samarbeidsregisteret", "Generalist, the cooperation registry"},
	"patterns.communities.heading": {"Samarbeidsfellesskap per fylke", "Cooperation communities per county"},
	"patterns.communities.lead": {"Kommuner som deler mange samarbeid med hverandre, og færre med resten av fylket, er samlet i et fellesskap. Modulariteten Q sier hvor tydelig fellesskapene skiller seg fra hverandre: 0 er ikke bedre enn tilfeldig, og over omtrent 0,3 er de klart atskilt.",
		"Municipalities that share many cooperations with each other, and fewer with the rest of the county, are grouped in a community. The modularity Q says how clearly the communities stand apart: 0 is no better than chance, and above about 0.3 they are clearly separate."},
	"patterns.region.graph":       {"%s kommuner samarbeider med minst én annen kommune i fylket, i %s par, med %s felles samarbeid til sammen.", "%s municipalities cooperate with at least one other in the county, in %s pairs, sharing %s cooperations in all."},
	"patterns.region.q":           {"Modularitet Q:", "Modularity Q:"},
	"patterns.region.nolinks":     {"Ingen kommuner i fylket samarbeider med hverandre i registeret, så det er ingen fellesskap, og modulariteten kan ikke regnes ut (ingen data).", "No municipalities of the county cooperate with each other in the registry, so there are no communities, and the modularity cannot be computed (no data)."},
	"patterns.region.cross":       {"%s kommunepar deler samarbeid over fylkesgrensen; de er ikke med i fellesskapene.", "%s pairs of municipalities share cooperations across the county border; they are not part of the communities."},
	"patterns.region.unlinked":    {"Samarbeider bare med kommuner i andre fylker:", "Cooperate only with municipalities of other counties:"},
	"patterns.community.internal": {"%s felles samarbeid innad", "%s shared cooperations within"},
	"patterns.how.heading":        {"Slik regnes det", "How it is computed"},
	"patterns.how.count":          {"Vi teller samarbeidene i registeret som er i drift på datoen, med minst to kommuner. Fylkeskommuner som deltar, regnes ikke som partnere. Eksempelsamarbeidene telles bare når du velger det. Hvert samarbeid teller én gang, uansett oppgave, form og størrelse.", "We count the cooperations of the registry running on the date with at least two municipalities. Counties taking part are not counted as partners. The example cooperations count only when you choose so. Each cooperation counts once, whatever its task, form and size."},
	"patterns.how.index":          {"Fastpartnerindeksen sammenligner partnerne i hvert par av kommunens samarbeid: hvor mange partnere de to har felles, delt på hvor mange ulike partnere de har til sammen (Jaccard-likhet). Indeksen er gjennomsnittet over alle par. Den er 1 når kommunen har nøyaktig de samme partnerne i alle samarbeidene sine (faste partnere), og 0 når ingen to av samarbeidene har en eneste partner felles (shopping).", "The fixed-partner index compares the partners of each pair of the municipality's cooperations: how many partners the two have in common, divided by how many different partners they have together (Jaccard similarity). The index is the mean over all pairs. It is 1 when the municipality has exactly the same partners in all its cooperations (fixed partners), and 0 when no two of its cooperations share a single partner (shopping)."},
	"patterns.how.example":        {"Eksempel: en kommune samarbeider med A og B om barnevern, med A og B om legevakt og med C om revisjon. Parene gir 1 (samme partnere), 0 og 0, og indeksen blir (1 + 0 + 0) / 3 = 0,33.", "Example: a municipality cooperates with A and B on child welfare, with A and B on the emergency room and with C on auditing. The pairs give 1 (the same partners), 0 and 0, and the index is (1 + 0 + 0) / 3 = 0.33."},
	"patterns.how.nodata":         {"Med færre enn to samarbeid finnes det ingen par å sammenligne. Da vises «ingen data», aldri 0: ett samarbeid er verken faste partnere eller shopping.", "With fewer than two cooperations there is no pair to compare. Then «no data» is shown, never 0: one cooperation is neither fixed partners nor shopping."},
	"patterns.how.communities":    {"Fellesskapene finnes for hvert fylke i et nettverk der to kommuner er knyttet sammen når de deler samarbeid, og bindingen er sterkere jo flere samarbeid de deler. En kjent metode for å finne grupper i nettverk, Louvain-metoden, deler nettverket slik at modulariteten Q blir så høy som mulig. Metoden prøver seg fram i tilfeldig rekkefølge; vi kjører den ti ganger med faste startverdier og beholder den beste inndelingen, så samme register gir alltid samme svar.", "The communities are found for each county in a network where two municipalities are linked when they share cooperations, and the link is stronger the more they share. A well-known method for finding groups in networks, the Louvain method, divides the network so that the modularity Q is as high as possible. It works by trial in a random order; we run it ten times with fixed seeds and keep the best division, so the same registry always gives the same answer."},
	"patterns.how.limits":         {"Tallene sier bare hvordan partnerne er fordelt, ikke om samarbeidene fungerer godt. Et stort regionalt selskap med mange eiere trekker indeksen ned for en kommune som ellers har faste partnere. Fargeklassene i kartet er inndelt i fjerdedeler for lesbarhet og er ingen vurdering.", "The figures only say how the partners are spread, not whether the cooperations work well. A large regional company with many owners pulls the index down for a municipality that otherwise has fixed partners. The map's colour classes are quarters for readability and are no judgement."},
}

func init() {
	for k, v := range patternsMessages {
		if _, dup := messages[k]; dup {
			panic(fmt.Sprintf("web: message key %q of the cooperation patterns is defined twice", k))
		}
		messages[k] = v
	}
}
