package web

// textRuleMessages word the refusals of the rules every stored text and
// every scenario obeys (text_rule.go and scenario.go in the root
// package, the year check of the application).
var textRuleMessages = map[string][2]string{
	"err.text.control":      {"Teksten inneholder et usynlig kontrolltegn (%[2]v). Fjern det og skriv ren tekst.", "The text holds an invisible control character (%[2]v). Remove it and write plain text."},
	"err.text.control.at":   {"Teksten inneholder et usynlig kontrolltegn (%[1]v). Fjern det og skriv ren tekst.", "The text holds an invisible control character (%[1]v). Remove it and write plain text."},
	"err.scenario.namelen":  {"Navnet har %[1]v tegn; grensen er %[2]v.", "The name has %[1]v characters; the limit is %[2]v."},
	"err.scenario.year":     {"Det finnes ikke befolkningstall for 1. januar %[1]v. Årene med tall er %[3]v.", "There is no population data for 1 January %[1]v. The years with data are %[3]v."},
	"err.scenario.noyears":  {"Det finnes ingen befolkningstall ennå. Befolkningstallene må lastes inn først.", "There is no population data yet. The population figures must be loaded first."},
	"err.json.duplicate":    {"Feltet «%[2]v» er oppgitt to ganger i samme objekt (ved byte %[3]v). Oppgi det én gang.", "The field «%[2]v» is given twice in one object (at byte %[3]v). Give it once."},
	"err.media.unsupported": {"Innholdstypen %[1]v kan ikke tas imot her; send application/json.", "The content type %[1]v is not accepted here; send application/json."},
	"err.param.outside":     {"Tallet ligger langt utenfor det som kan brukes. Skriv 0 eller et tall fra %[1]v til %[2]v.", "The number is far outside what can be used. Write 0 or a number from %[1]v to %[2]v."},
}

func init() { addMessages("the text and scenario rules", textRuleMessages) }
