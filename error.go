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

// Error is a domain error. Message is English and can be shown to a user
// of the CLI or the API as it is. Key and Args, when Key is set, let an
// edge that speaks another language (the web, in bokmål) word the error
// itself: Key names a text in the edge's message catalogue and Args are
// its parameters, in the order of Message's. An Arg that is itself a word
// to translate (a field name, say) is a Term.
type Error struct {
	Code    string
	Message string
	Key     string
	Args    []any
}

// Term is a parameter of an error that the edge translates too: Key names
// its text in the edge's catalogue; EN is the English word, which is what
// it prints as (so Message reads right).
type Term struct {
	Key string
	EN  string
}

// String returns the English word.
func (t Term) String() string { return t.EN }

// Error implements the error interface.
func (e *Error) Error() string {
	return e.Message
}

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code string, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Errorw returns an *Error with the given code, a message key for the edges
// that word errors themselves, and an English message formatted from
// format and args; args are also the key's parameters.
func Errorw(code, key, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...), Key: key, Args: args}
}

// ErrorKey returns the message key and parameters of the first *Error in
// err's chain, or "" and nil when it has no key.
func ErrorKey(err error) (string, []any) {
	var e *Error
	if errors.As(err, &e) && e.Key != "" {
		return e.Key, e.Args
	}
	return "", nil
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
