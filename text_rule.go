package generalist

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"unicode"
)

// The rule for every text the system stores (a scenario's names and
// notes, a cooperation's fields): no NUL and no other control character
// (ESC, BEL, the C1 controls …) except tab and line breaks. Such a
// character is invisible on a page, can repaint a terminal that shows an
// export, and PostgreSQL's text cannot hold a NUL at all.

// ControlChar returns the first control character of s that a stored
// text may not hold (any but tab, line feed and carriage return), and
// whether there is one.
func ControlChar(s string) (rune, bool) {
	for _, r := range s {
		if r == '\t' || r == '\n' || r == '\r' {
			continue
		}
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return r, true
		}
	}
	return 0, false
}

// CheckText refuses a text holding a control character, naming field
// ("mergers[0].name") and the character.
func CheckText(field, s string) error {
	if r, ok := ControlChar(s); ok {
		return Errorw(EINVALID, "err.text.control", "%s: holds a control character (%s); remove it", field, controlName(r))
	}
	return nil
}

// controlName names a control character as U+001B, and the NUL as such.
func controlName(r rune) string {
	if r == 0 {
		return "NUL, U+0000"
	}
	return fmt.Sprintf("%U", r)
}

// TextProblems checks every text in v (a struct, or a pointer to one,
// walked through its nested structs, lists and maps) with CheckText,
// naming each field by its JSON path: "name", "mergers[0].name",
// "norms[2].note". Fields that JSON does not carry (tag "-") are skipped.
func TextProblems(v any) Problems {
	var ps Problems
	walkTexts(reflect.ValueOf(v), "", func(path, s string) {
		if r, ok := ControlChar(s); ok {
			ps = append(ps, Problem{Where: path, Message: fmt.Sprintf("holds a control character (%s); remove it", controlName(r)),
				Key: "err.text.control.at", Args: []any{controlName(r)}})
		}
	})
	return ps
}

func walkTexts(v reflect.Value, path string, fn func(path, s string)) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			walkTexts(v.Elem(), path, fn)
		}
	case reflect.String:
		fn(path, v.String())
	case reflect.Slice, reflect.Array:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return // bytes, not text
		}
		for i := range v.Len() {
			walkTexts(v.Index(i), path+"["+strconv.Itoa(i)+"]", fn)
		}
	case reflect.Map:
		iter := v.MapRange()
		for iter.Next() {
			k := fmt.Sprint(iter.Key().Interface())
			if iter.Key().Kind() == reflect.String {
				fn(joinPath(path, "(key)"), k)
			}
			walkTexts(iter.Value(), joinPath(path, k), fn)
		}
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "-" {
				continue
			}
			if f.Anonymous && name == "" {
				walkTexts(v.Field(i), path, fn)
				continue
			}
			if name == "" {
				name = f.Name
			}
			walkTexts(v.Field(i), joinPath(path, name), fn)
		}
	}
}

func joinPath(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}
