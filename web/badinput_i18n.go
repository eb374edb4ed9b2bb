package web

import "fmt"

// badInputMessages word the refusals of malformed requests that are not
// any one page's: an address whose query cannot be read. Added to
// messages at start.
var badInputMessages = map[string][2]string{
	"err.query.unreadable": {"Adressen kan ikke leses: delen etter spørsmålstegnet er skadet eller har altfor mange valg. Gå tilbake og prøv igjen, eller start fra forsiden.",
		"The address cannot be read: the part after the question mark is damaged or has far too many choices. Go back and try again, or start from the home page."},
}

func init() {
	for k, v := range badInputMessages {
		if _, dup := messages[k]; dup {
			panic(fmt.Sprintf("web: message key %q of the bad input refusals is defined twice", k))
		}
		messages[k] = v
	}
}
