// Package imc holds the rules of inter-municipal cooperation (interkommunalt
// samarbeid) that the registry applies to a [generalist.IMC]: what the
// agreement must contain for each legal form ([Requirements]), a checklist
// of the law with the paragraph for every item ([Check]), the agreement
// document built from a template ([Render]), cost sharing by equal shares,
// inhabitants, usage, fixed shares or a mix ([Allocate]), the earliest
// legal exit ([Exit]), the process guide from idea to running cooperation
// ([Steps]) and the overview per municipality for the eierskapsmelding
// ([Overview]). It also reads and writes cooperations as JSON and CSV.
//
// Everything here is pure: functions take values (a cooperation, the task
// catalogue, populations) and never a store, so the CLI, the API and the
// web pages give the same answers.
//
// # Sources and what is not verified
//
// The law text is kommuneloven 2018 as adopted (Lovtidend, LTI/lov/
// 2018-06-22-83), chapters 17–20 and §§ 14-8, 26-1, 31-2, and inndelingslova
// § 16 as amended by it (data/kommuneloven-2018-utdrag-ikt-samarbeid.txt).
// That is not the consolidated current text: later amendments (such as
// "fylkesmannen" becoming "statsforvalteren") are not in it, so everything
// should be checked against lovdata.no before it is relied on.
//
// The list of what an IKS agreement must contain (IKS-loven § 4 third
// paragraph), the content of the IKS exit rule (§ 30), the wording of
// arbeidsmiljøloven §§ 16-3 and 16-4, and current registration practice for
// IPR and KO in Enhetsregisteret could not be confirmed from a readable
// source. Items resting on them carry Verified false, and every interface
// shows them as "ikke verifisert", never as law.
package imc

// LawCaveat is shown with every checklist, agreement and exit answer.
const LawCaveat = "Lovteksten er kommuneloven 2018 slik den ble vedtatt (Lovtidend), ikke konsolidert gjeldende tekst; «fylkesmannen» heter nå statsforvalteren. Punkter merket «ikke verifisert» bygger på en ordlyd som ikke er bekreftet mot lovdata.no. Kontroller mot https://lovdata.no/lov/2018-06-22-83 før du bygger på svaret."

// LawCaveatEN is LawCaveat in English.
const LawCaveatEN = "The law text is kommuneloven 2018 as adopted (Lovtidend), not the consolidated current text; «fylkesmannen» is now the statsforvalter. Items marked «not verified» rest on a wording not confirmed against lovdata.no. Check against https://lovdata.no/lov/2018-06-22-83 before relying on the answer."
