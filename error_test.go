package generalist

import (
	"fmt"
	"testing"
)

func TestErrorw(t *testing.T) {
	field := Term{Key: "field.name", EN: "name"}
	err := Errorw(EINVALID, "err.field.required", "%v: required (line %d)", field, 3)
	if got, want := err.Error(), "name: required (line 3)"; got != want {
		t.Errorf("Message = %q, want %q", got, want)
	}
	wrapped := fmt.Errorf("saving: %w", err)
	key, args := ErrorKey(wrapped)
	if key != "err.field.required" || len(args) != 2 || args[0] != field || args[1] != 3 {
		t.Errorf("ErrorKey = %q %v", key, args)
	}
	if ErrorCode(wrapped) != EINVALID || ErrorMessage(wrapped) != "name: required (line 3)" {
		t.Errorf("code %q message %q", ErrorCode(wrapped), ErrorMessage(wrapped))
	}
	if key, args := ErrorKey(Errorf(EINVALID, "no key")); key != "" || args != nil {
		t.Errorf("ErrorKey of an error without a key = %q %v", key, args)
	}
	if key, _ := ErrorKey(fmt.Errorf("plain")); key != "" {
		t.Errorf("ErrorKey of a plain error = %q", key)
	}
}
