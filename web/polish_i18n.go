package web

import "fmt"

// polishMessages are the texts of the page review's last fixes (issue 16):
// numbered documents of one source site and the cue that a table or a
// chart scrolls sideways.
var polishMessages = map[string][2]string{
	"src.doc": {"dokument %d", "document %d"},
}

func init() {
	for k, v := range polishMessages {
		if _, dup := messages[k]; dup {
			panic(fmt.Sprintf("web: message key %q of the page review is defined twice", k))
		}
		messages[k] = v
	}
}
