package generalist

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// FieldChange is one difference between two versions of a cooperation:
// the field by its JSON path ("participants[1820].ownership",
// "agreement.exit") and the values before and after, as text ("" for
// absent).
type FieldChange struct {
	Field string `json:"field"`
	From  string `json:"from,omitempty"`
	To    string `json:"to,omitempty"`
}

// diffKeys names, for each list of an IMC, the field that identifies an
// element, so that a change of one participant is reported as such rather
// than as a shift of every later position.
var diffKeys = map[string]string{
	"participants": "number", "tasks": "task", "process": "step", "documents": "title", "agreement.cost_key": "basis",
}

// diffSkip lists fields that are bookkeeping, not content.
var diffSkip = map[string]bool{"id": true, "version": true, "updated_at": true, "updated_by": true}

// DiffIMC returns what changed from a to b (either may be nil, for a
// creation or deletion), sorted by field. Long texts are shortened.
func DiffIMC(a, b *IMC) []FieldChange {
	fa, fb := flattenIMC(a), flattenIMC(b)
	var out []FieldChange
	for k, va := range fa {
		if vb, ok := fb[k]; !ok || vb != va {
			out = append(out, FieldChange{Field: k, From: shorten(va), To: shorten(fb[k])})
		}
	}
	for k, vb := range fb {
		if _, ok := fa[k]; !ok {
			out = append(out, FieldChange{Field: k, To: shorten(vb)})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Field < out[j].Field })
	if out == nil {
		out = []FieldChange{}
	}
	return out
}

func flattenIMC(c *IMC) map[string]string {
	out := map[string]string{}
	if c == nil {
		return out
	}
	b, err := json.Marshal(c)
	if err != nil {
		return out
	}
	var v any
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		return out
	}
	flatten("", v, out)
	return out
}

func flatten(path string, v any, out map[string]string) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if path == "" && diffSkip[k] {
				continue
			}
			if strings.HasPrefix(path, "participants[") && k == "name" {
				continue // filled in from the structure
			}
			p := k
			if path != "" {
				p = path + "." + k
			}
			flatten(p, x, out)
		}
	case []any:
		key := diffKeys[path]
		for i, x := range v {
			id := strconv.Itoa(i)
			if m, ok := x.(map[string]any); ok && key != "" {
				if s, ok := m[key].(string); ok && s != "" {
					id = s
				} else if t, ok := m["text"].(string); ok && t != "" {
					id = t
				}
			}
			flatten(fmt.Sprintf("%s[%s]", path, id), x, out)
		}
	case nil:
	default:
		out[path] = fmt.Sprint(v)
	}
}

func shorten(s string) string {
	const max = 160
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)
	return string(r[:max]) + "…"
}
