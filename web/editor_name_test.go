package web

import (
	"strings"
	"testing"
)

// TestEditorEvaluateWithoutName: a plan without a name yet is evaluated
// like any other, with no problem at the name (the editor asks for it
// when saving), and in both languages.
func TestEditorEvaluateWithoutName(t *testing.T) {
	e := newInputEnv(t)
	for _, lang := range []string{"nb", "en"} {
		var v map[string]any
		code := postEvaluate(t, e.URL, lang, `{"name":" ","structure":2024,"year":2026,"mergers":[{"name":"Dalane","members":["1111","1112"],"centre":"1111"}]}`, &v)
		f, _ := v["figures"].(map[string]any)
		if code != 200 || v["ok"] != true || f == nil || f["municipalities"] != "356" {
			t.Fatalf("%s: a merger without a name: %d %v", lang, code, v)
		}
		for _, p := range v["problems"].([]any) {
			if p := p.(map[string]any); p["section"] == "name" || strings.Contains(p["text"].(string), "navn") || strings.Contains(p["text"].(string), "name") {
				t.Errorf("%s: a problem about the name while evaluating: %v", lang, p)
			}
		}
	}
}
