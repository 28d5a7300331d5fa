package app

import (
	"errors"
	"log"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// userError turns an error into the sentence the frontend shows; Wails rejects the JavaScript
// promise with it. Unexpected errors are logged with their cause.
func userError(err error) error {
	if err == nil {
		return nil
	}
	if portfolio.Code(err) == portfolio.CodeInternal {
		log.Printf("internal error: %v", err)
	}
	return errors.New(portfolio.Message(err))
}
