// Package generalist is the domain vocabulary of Generalist, the open
// decision-support system for Norway's generalist municipality system
// (generalistkommunesystemet): every municipality has the same statutory
// tasks, the same financing and the same legal frame, whatever its size.
//
// The package holds only types, their validation and small pure helpers; it
// imports nothing but the standard library. Computation lives in its own
// packages (stats, …), storage and HTTP are adapters at the edge (sqlite,
// web), and cmd/generalist wires them together. Data flows one way:
//
//	source files → import (refdata, ssb) → store (sqlite) → model → evaluation → CLI/API/UI/report
//
// # Structures
//
// A [Structure] is a municipal division in force: 2019 (422 municipalities),
// 2020 (356, valid 2020–2023) and 2024 (357, valid from 2024). A [Mapping]
// between two structures lists how each old municipality became part of the
// new ones, and [Mapping.Carry] moves a per-municipality count from one
// structure to another. Where a split makes a carried value unknown the
// result is marked as "no data" rather than guessed.
//
// # Glossary (Norwegian → English)
//
// The official statistics use Norwegian terms; identifiers in the code use
// the English names below.
//
//	kommune                        municipality ([Municipality])
//	kommunenummer                  municipality number ([MunicipalityNumber], "0301")
//	fylke, fylkeskommune           county ([County]); county municipality
//	fylkesnummer                   county number ([CountyNumber], "03")
//	kommunestruktur, inndeling     structure ([Structure])
//	kommuneendring                 municipal change ([Change])
//	sammenslått / delt / nytt nr.  merged / split / renumbered ([ChangeKind])
//	kommunereformen                the municipal reform (2020 structure)
//	folkemengde (1. januar)        population on 1 January ([Population], [Persons])
//	aldersgruppe (kostnadsnøkkel)  cost-key age group ([AgeGroup])
//	menn, kvinner                  men, women
//	areal                          area ([SquareKm])
//	administrasjonssenter          administrative centre
//	målform                        official language form
//	sentralitetsklasse             centrality class (SSB; 1 most central, 6 least)
//	kostnadsindeks                 cost index (expenditure-need index, utgiftsutjevning)
//	ROBEK                          register of municipalities under state financial supervision
//	generalistkommune              generalist municipality
//	tjenesteyter                   service provider (role)
//	demokratisk arena              democratic arena (role)
//	myndighetsutøver               authority (role)
//	samfunnsutvikler               community developer (role)
//	fagmiljø                       professional environment
//	interkommunalt samarbeid       inter-municipal cooperation (IMC): a registered one is an [IMC]
//	                               (the registry, [IMCStore]); one proposed in a scenario an [Arrangement]
//	interkommunalt selskap         inter-municipal company (IKS)
//	vertskommune                   host municipality
//	kommunalt oppgavefellesskap    municipal joint task body
//	inntektssystemet               the income system
//	rammetilskudd                  block grant
//	innbyggertilskudd              per-inhabitant grant
//	utgiftsutjevning               expenditure equalisation
//	inntektsutjevning              income equalisation
//	inndelingstilskudd             merger compensation grant
//	Statistisk sentralbyrå (SSB)   Statistics Norway
//	Kartverket                     the Norwegian Mapping Authority
//	KDD                            Ministry of Local Government and Regional Development
//	Norden                         the Nordic countries
//	innspill                       input ([Input]): a challenge (utfordring) or solution (løsning);
//	                               never a model's input (package sim's is sim.Base) nor an import
//	                               ([PopulationImport], [EconomyFile])
//	kroner, øre                    money: [Ore] (exact øre) in the cooperation registry; the income-system
//	                               model computes in kroner with fractions ([Kroner]; decision 0018)
//	samtykke                       consent ([ConsentText])
//	kvittering, referanse          receipt, reference (Input.Reference)
//	moderering                     moderation (publish, reject, merge)
//	administrator, analytiker      administrator, analyst ([UserRole])
//	kommuneredaktør                municipality editor ([UserEditor])
//	publikum                       the public: not signed in ([UserPublic])
//	logg inn, logg ut              sign in, sign out
//	API-nøkkel                     API token ([APIToken])
//	endringslogg                   audit log ([AuditEntry])
package generalist
