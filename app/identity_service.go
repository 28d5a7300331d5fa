package app

import (
	"context"
	"os"

	"github.com/readyfolio/readyfolio/backend/identity"
	"github.com/readyfolio/readyfolio/backend/portfolio"
	"github.com/readyfolio/readyfolio/backend/workspace"
)

// IdentityService is bound to the frontend: the educator's signing identity. Passphrases pass
// through in memory only; they are never stored, logged or put into an error message.
type IdentityService struct {
	ctx     context.Context
	session *Session
	desktop Desktop
}

// Info describes the current identity; the error says so when there is none yet.
func (s *IdentityService) Info() (identity.Info, error) {
	return withIdentity(s.session, func(ids *identity.Store) (identity.Info, error) { return ids.Info() })
}

// Create makes a new self-signed identity from the profile's details.
func (s *IdentityService) Create(passphrase string) (identity.Info, error) {
	return with(s.session, func(ws *workspace.Workspace) (identity.Info, error) {
		p, err := ws.Store.Profile(s.ctx)
		if err != nil {
			return identity.Info{}, err
		}
		ids, err := ws.Identity()
		if err != nil {
			return identity.Info{}, err
		}
		return ids.Create(identity.Subject{Name: p.Name, Email: p.Email, School: p.School, District: p.District}, []byte(passphrase))
	})
}

// Import asks for a PKCS#12 file a district or certifier issued and imports it.
func (s *IdentityService) Import(p12Passphrase, passphrase string) (identity.Info, error) {
	path, err := s.desktop.OpenFile("Import a signing identity (PKCS#12)", "PKCS#12 identity", "*.p12;*.pfx")
	if err != nil || path == "" {
		return identity.Info{}, userError(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return identity.Info{}, userError(portfolio.Errorf(portfolio.CodeInvalid, "Cannot read %s.", path))
	}
	return withIdentity(s.session, func(ids *identity.Store) (identity.Info, error) {
		return ids.Import(data, []byte(p12Passphrase), []byte(passphrase))
	})
}

// ChangePassphrase re-encrypts the key under a new passphrase.
func (s *IdentityService) ChangePassphrase(old, new string) error {
	_, err := withIdentity(s.session, func(ids *identity.Store) (struct{}, error) {
		return struct{}{}, ids.ChangePassphrase([]byte(old), []byte(new))
	})
	return err
}

// ExportCertificate saves the public certificate as PEM where the user chooses, so that a
// reviewer can pin it. It returns the path written, "" when cancelled.
func (s *IdentityService) ExportCertificate() (string, error) {
	return withIdentity(s.session, func(ids *identity.Store) (string, error) {
		pem, err := ids.CertificatePEM()
		if err != nil {
			return "", err
		}
		path, err := s.desktop.SaveFile("Save the public certificate", "readyfolio-certificate.pem", "*.pem")
		if err != nil || path == "" {
			return "", err
		}
		return path, os.WriteFile(path, pem, 0o644)
	})
}

func withIdentity[T any](s *Session, fn func(ids *identity.Store) (T, error)) (T, error) {
	return with(s, func(ws *workspace.Workspace) (T, error) {
		ids, err := ws.Identity()
		if err != nil {
			var zero T
			return zero, err
		}
		return fn(ids)
	})
}
