package web

import (
	"regexp"
	"testing"
)

// TestMessagesKeepDigitGroups: no text of the catalogue offers a line
// break inside a number such as "1 000" or "5 000": the groups are joined
// by a no-break space, whichever file the text was written in.
func TestMessagesKeepDigitGroups(t *testing.T) {
	breakable := regexp.MustCompile(`\d[ \x{2009}]\d{3}(\D|$)`)
	if len(messages) < 500 {
		t.Fatalf("%d messages; the catalogue is not loaded", len(messages))
	}
	for key, v := range messages {
		for i, s := range v {
			if breakable.MatchString(s) {
				t.Errorf("%s [%d]: %q can wrap inside a number", key, i, s)
			}
		}
	}
	for _, s := range []string{normFields["fte_per_1000"][0], problemText("give fte_per_1000 or min_team", "nb", editorNames{})} {
		if breakable.MatchString(s) {
			t.Errorf("%q can wrap inside a number", s)
		}
	}
}
