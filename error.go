package generalist

import (
	"errors"
	"fmt"
)

// Error codes. Only the edges (CLI exit status, HTTP status) map them to
// anything else.
const (
	ECONFLICT = "conflict" // the change would contradict stored data
	EINTERNAL = "internal" // a bug or an unexpected failure
	EINVALID  = "invalid"  // the input is malformed or breaks a rule
	ENOTFOUND = "not_found"
	// EUNAUTHORIZED: the caller is not signed in (or the credentials are
	// wrong); EFORBIDDEN: signed in, but the role does not allow it.
	EUNAUTHORIZED = "unauthorized"
	EFORBIDDEN    = "forbidden"
)

// Error is a domain error whose Message can be shown to a user as it is.
type Error struct {
	Code    string
	Message string
}

// Error implements the error interface.
func (e *Error) Error() string {
	return e.Message
}

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code string, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL
// for any other non-nil error, and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the user-facing message of the first *Error in err's
// chain, or "Internal error." for any other error.
func ErrorMessage(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Message
	}
	return "Internal error."
}
