package app

import (
	"context"
	"os"

	"github.com/readyfolio/readyfolio/backend/portfolio"
	"github.com/readyfolio/readyfolio/backend/signing"
)

// VerifyService is bound to the frontend: "Verify a file…", the reviewer's side.
type VerifyService struct {
	ctx     context.Context
	desktop Desktop
}

// VerifiedFile is the report on one file.
type VerifiedFile struct {
	Path         string               `json:"path"`
	Verification signing.Verification `json:"verification"`
}

// VerifyFile asks for a signed PDF and verifies it; cancelling returns an empty report. It
// needs no open portfolio: a reviewer may have none.
func (s *VerifyService) VerifyFile() (VerifiedFile, error) {
	path, err := s.desktop.OpenFile("Verify a signed file", "Signed PDF", "*.pdf")
	if err != nil || path == "" {
		return VerifiedFile{}, userError(err)
	}
	f, err := os.Open(path)
	if err != nil {
		return VerifiedFile{}, userError(portfolio.Errorf(portfolio.CodeInvalid, "Cannot read %s.", path))
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return VerifiedFile{}, userError(err)
	}
	v, err := signing.VerifyPDF(f, info.Size(), nil)
	return VerifiedFile{Path: path, Verification: v}, userError(err)
}
