// Package economy models the income system of the municipalities
// (inntektssystemet): the income equalisation, the block grant by
// component, the expenditure equalisation from the cost index, and what a
// merger does to the money (inndelingstilskudd, regionsentertilskudd,
// one-off support). It is pure computation: it imports only the domain
// package, and package refdata reads its inputs.
//
// # Parameters and data
//
// [Params] are one budget year's parameters, read from data/economy/<year>.json
// where every parameter is listed with a value and its source, or with no
// value and the reason none was found. Computing something that needs a
// parameter without a value gives "no data" with that reason (in a
// result's Missing and Reasons), never a default. [Data] holds the tables:
// KDD's final income-equalisation settlements, Grønt hefte 1-k/2-k, the
// cost index, populations and the national average tax. The shipped
// tables cover a sample of seven municipalities; an analyst's imports of
// the full tables overlay them ([Data.Overlay]).
//
// # Income equalisation
//
// [Rates.Equalise] computes
//
//	net = s·(a − t) + r·max(0, h·a − t) − D
//
// per inhabitant, from the tax per inhabitant t and the national average
// a. [FitDeduction] derives D from published settlements and [FitRates]
// recovers s, r and h; the tests reproduce KDD's settlements for every
// sample row 2015–2025 within one øre.
//
// # Mergers and scenarios
//
// [MergerEffect] compares a merger group's money with its members'
// (components that add up, the basis criterion counted once, the income
// equalisation recomputed, the inndelingstilskudd 15 years full and then
// phased out) in a year-by-year table. [Evaluate] is the economy section
// of a scenario outcome: every merger of the scenario, and the financing
// deduction recomputed when the tax data cover the whole country.
//
// # Glossary (Norwegian → English)
//
//	inntektssystemet               the income system
//	rammetilskudd                  block grant ([Grants])
//	innbyggertilskudd              per-inhabitant grant ([PerInhabitantRate])
//	utgiftsutjevning               expenditure equalisation ([ExpenditureEqualisation])
//	kostnadsindeks                 cost index
//	beregningsteknisk utgiftsbehov national expenditure need per inhabitant ([NeedPerInhabitant])
//	basistilskudd, basiskriteriet  basis amount ([BasisAmount])
//	inntektsutjevning              income equalisation ([Equalisation])
//	symmetrisk utjevning           symmetric part ([SymmetricRate])
//	tilleggskompensasjon           additional compensation ([AdditionalRate], [AdditionalThreshold])
//	trekk for finansiering         financing deduction ([FinancingDeduction])
//	sluttavregning                 final settlement ([Settlement])
//	saker med særskilt fordeling   special allocation
//	inntektsgarantiordningen, INGAR income guarantee
//	distriktstilskudd Sør-Norge / Nord-Norge district grants
//	regionsentertilskudd           regional centre grant
//	veksttilskudd                  growth grant
//	storbytilskudd                 metropolitan grant
//	skjønnstilskudd                discretionary grant
//	inndelingstilskudd             merger compensation grant ([Compensation])
//	engangstilskudd                one-off grant
//	reformstøtte                   reform support
//	frie inntekter                 free income
//	Grønt hefte                    the ministry's technical budget documentation (tables 1-k …)
package economy
