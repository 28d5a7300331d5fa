package workspace

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/readyfolio/readyfolio/backend/openbadges"
	"github.com/readyfolio/readyfolio/backend/portfolio"
	"github.com/readyfolio/readyfolio/backend/present"
)

// CredentialView is a credential with what its file claims and what could be checked offline:
// Badge and Findings are set when the file is an Open Badge.
type CredentialView struct {
	portfolio.Credential
	Held     bool                 `json:"held"` // not expired today
	Badge    *openbadges.Badge    `json:"badge,omitempty"`
	Findings []openbadges.Finding `json:"findings"`
}

// ImportBadge records the Open Badges file at path (an assertion or credential as JSON, or a
// badge baked into a PNG or SVG) as a credential: its fields come from what the badge claims and
// the file itself is kept. A file that is not a readable badge is refused with a message that
// says why, and nothing is stored.
func (w *Workspace) ImportBadge(ctx context.Context, path string) (CredentialView, error) {
	data, err := readBadgeFile(path)
	if err != nil {
		return CredentialView{}, err
	}
	return w.ImportBadgeData(ctx, filepath.Base(path), data)
}

// ImportBadgeData is ImportBadge for a badge file already read: fileName is the name it keeps.
func (w *Workspace) ImportBadgeData(ctx context.Context, fileName string, data []byte) (CredentialView, error) {
	badge, err := openbadges.Read(data)
	if err != nil {
		return CredentialView{}, err
	}
	c := portfolio.Credential{
		Kind: portfolio.CredentialBadge, Name: badge.Achievement, Issuer: badge.Issuer,
		IssuedOn: present.Day(badge.IssuedOn), ExpiresOn: present.Day(badge.ExpiresOn), CredentialID: badge.CredentialID,
		VerificationURL: webAddress(badge.VerificationURL), BadgeFormat: string(badge.Format),
	}
	if c.Name == "" {
		// The file names its achievement only by address, which is not followed offline.
		c.Name = "Badge " + strings.TrimSpace(badge.AchievementID)
	}
	if c.Issuer == "" {
		c.Issuer = badge.IssuerURL
	}
	if c.IssuedOn != "" && c.ExpiresOn != "" && c.ExpiresOn < c.IssuedOn {
		c.ExpiresOn = "" // contradictory dates: Check reports them; the record keeps the issue date
	}
	return w.addCredential(ctx, c, func() (portfolio.Artifact, error) {
		return w.storeStream(ctx, fileName, bytes.NewReader(data))
	})
}

// readBadgeFile reads a badge file whole, refusing one far larger than any badge before reading it.
func readBadgeFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, portfolio.Errorf(portfolio.CodeInvalid, "Cannot open %s: %v.", path, errors.Unwrap(err))
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, openbadges.MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	return data, nil
}

// AddCredential records a credential typed by the educator, with its file when path is not
// empty (a certificate PDF, an image). The same file recorded twice is refused.
func (w *Workspace) AddCredential(ctx context.Context, c portfolio.Credential, path string) (CredentialView, error) {
	if path == "" {
		return w.addCredential(ctx, c, nil)
	}
	return w.addCredential(ctx, c, func() (portfolio.Artifact, error) { return w.storeFile(ctx, path, nil) })
}

// addCredential checks c, stores its file with storeFile (when not nil) and records both; a
// credential refused after its file was stored takes the file away again.
func (w *Workspace) addCredential(ctx context.Context, c portfolio.Credential, storeFile func() (portfolio.Artifact, error)) (CredentialView, error) {
	c, err := portfolio.NormalizeCredential(c)
	if err != nil {
		return CredentialView{}, err
	}
	if storeFile != nil {
		file, err := storeFile()
		if err != nil {
			return CredentialView{}, err
		}
		if err := w.refuseDuplicate(ctx, file.SHA256); err != nil {
			return CredentialView{}, err
		}
		c.FileName, c.MediaType, c.Size, c.SHA256 = file.FileName, file.MediaType, file.Size, file.SHA256
	}
	saved, err := w.Store.CreateCredential(ctx, c)
	if err != nil {
		if c.SHA256 != "" {
			w.collectGarbage(context.WithoutCancel(ctx), []string{c.SHA256})
		}
		return CredentialView{}, err
	}
	return w.Credential(ctx, saved.ID)
}

func (w *Workspace) refuseDuplicate(ctx context.Context, sha256 string) error {
	list, err := w.Store.Credentials(ctx)
	if err != nil {
		return err
	}
	for _, c := range list {
		if c.SHA256 == sha256 {
			return portfolio.Errorf(portfolio.CodeConflict, "This file is already in your credentials as %q.", c.Name)
		}
	}
	return nil
}

// Credentials lists every credential with what its file claims and the offline checks.
func (w *Workspace) Credentials(ctx context.Context) ([]CredentialView, error) {
	list, err := w.Store.Credentials(ctx)
	if err != nil {
		return nil, err
	}
	emails, err := w.profileEmails(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]CredentialView, len(list))
	for i, c := range list {
		out[i] = w.view(c, emails)
	}
	return out, nil
}

// Credential returns one credential with what its file claims and the offline checks.
func (w *Workspace) Credential(ctx context.Context, id string) (CredentialView, error) {
	c, err := w.Store.Credential(ctx, id)
	if err != nil {
		return CredentialView{}, err
	}
	emails, err := w.profileEmails(ctx)
	if err != nil {
		return CredentialView{}, err
	}
	return w.view(c, emails), nil
}

// DeleteCredential removes a credential and its file, unless something else refers to the file.
func (w *Workspace) DeleteCredential(ctx context.Context, id string) error {
	c, err := w.Store.DeleteCredential(ctx, id)
	if err != nil || c.SHA256 == "" {
		return err
	}
	return w.collectGarbage(ctx, []string{c.SHA256})
}

// view reads the badge in a credential's file again, so that the checks say what is true today
// with the profile as it is now. A stored file that no longer reads as a badge is reported as a
// failed well-formed check rather than hiding the credential.
func (w *Workspace) view(c portfolio.Credential, emails []string) CredentialView {
	now := w.Now()
	v := CredentialView{Credential: c, Held: c.HeldOn(present.Day(now)), Findings: []openbadges.Finding{}}
	if c.BadgeFormat == "" || c.SHA256 == "" {
		return v
	}
	path, err := w.Blobs.Path(c.SHA256)
	var data []byte
	if err == nil {
		data, err = readBadgeFile(path)
	}
	var badge openbadges.Badge
	if err == nil {
		badge, err = openbadges.Read(data)
	}
	if err != nil {
		v.Findings = []openbadges.Finding{{Check: openbadges.CheckWellFormed, Status: openbadges.StatusFailed,
			Detail: "The stored badge file could not be read again: " + portfolio.Message(err)}}
		return v
	}
	v.Badge = &badge
	v.Findings = badge.Check(emails, now)
	return v
}

// profileEmails are the addresses a badge's recipient is compared with: the profile's email.
func (w *Workspace) profileEmails(ctx context.Context) ([]string, error) {
	p, err := w.Store.Profile(ctx)
	if err != nil {
		return nil, err
	}
	if e := strings.TrimSpace(p.Email); e != "" {
		return []string{e}, nil
	}
	return nil, nil
}

// SetEvaluationRubricFile makes the rubric file at path the one new tool evaluations are scored
// against. Evaluations already scored keep theirs.
func (w *Workspace) SetEvaluationRubricFile(ctx context.Context, path string) (portfolio.Rubric, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return portfolio.Rubric{}, portfolio.Errorf(portfolio.CodeInvalid, "Cannot read %s: %v.", filepath.Base(path), errors.Unwrap(err))
	}
	r, err := portfolio.ParseRubric(data)
	if err != nil {
		return r, err
	}
	return r, w.Store.SetEvaluationRubric(ctx, &r)
}

// webAddress keeps an http or https address; a badge's id may be a urn:uuid, which no one can
// visit.
func webAddress(s string) string {
	if u, err := url.Parse(s); err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" {
		return s
	}
	return ""
}
