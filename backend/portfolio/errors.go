package portfolio

import (
	"errors"
	"fmt"
)

// ErrorCode classifies a failure so that both front doors can react to it: the CLI maps it to an
// exit code, the GUI to a message. Only errors built with Errorf carry a user-safe message;
// anything else is reported as an internal error while the log keeps the cause.
type ErrorCode string

const (
	CodeInvalid  ErrorCode = "invalid"   // the input was wrong; the message says what to change
	CodeNotFound ErrorCode = "not_found" // the thing asked for does not exist
	CodeConflict ErrorCode = "conflict"  // the state does not allow it
	CodeLocked   ErrorCode = "locked"    // another window or process holds the portfolio
	CodeTooNew   ErrorCode = "too_new"   // written by a newer version of ReadyFolio
	CodeTooLarge ErrorCode = "too_large" // a size limit was exceeded
	CodeCorrupt  ErrorCode = "corrupt"   // stored data failed a check
	CodeRefused  ErrorCode = "refused"   // a file was read and found unusable; nothing was changed
	CodeInternal ErrorCode = "internal"  // a bug or an unexpected system failure
)

// Error is a domain error with a code and a message written for the educator.
type Error struct {
	Code    ErrorCode
	Message string
}

func (e *Error) Error() string { return e.Message }

// Errorf builds a domain error whose message is safe to show to the user.
func Errorf(code ErrorCode, format string, args ...any) error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Code returns the code of err, CodeInternal for errors that are not domain errors.
func Code(err error) ErrorCode {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	if err == nil {
		return ""
	}
	return CodeInternal
}

// Message returns a sentence to show to the user for err.
func Message(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	if err == nil {
		return ""
	}
	return "Internal error: " + err.Error()
}
