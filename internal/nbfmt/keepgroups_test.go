package nbfmt

import "testing"

func TestKeepGroups(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Sammenslåing til minst 5 000 innbyggere", "Sammenslåing til minst 5\u00a0000 innbyggere"},
		{"1 000 000 kr", "1\u00a0000\u00a0000 kr"},
		{"under 3 000", "under 3\u00a0000"},
		{"15\u2009077,5", "15\u00a0077,5"},
		{"5 000-grensen", "5\u00a0000-grensen"},
		{"kapittel 3 og 4", "kapittel 3 og 4"},
		{"3 0000", "3 0000"},    // four digits after the space: not a group
		{"3 00 kr", "3 00 kr"},  // two digits: not a group
		{"a 000", "a 000"},      // no digit before the space
		{"5 000", "5\u00a0000"}, // at the end
		{"", ""},
		{"Ingen tall", "Ingen tall"},
	} {
		if got := KeepGroups(c.in); got != c.want {
			t.Errorf("KeepGroups(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
