package app

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/readyfolio/readyfolio/backend/bag"
	"github.com/readyfolio/readyfolio/backend/exchange"
	"github.com/readyfolio/readyfolio/backend/portfolio"
	"github.com/readyfolio/readyfolio/backend/signing"
	"github.com/readyfolio/readyfolio/backend/submission"
)

// VerifyService is bound to the frontend: "Verify a file…" and the reviewer's read-only view of
// a package that passed. It needs no open portfolio: a reviewer may have none.
type VerifyService struct {
	ctx     context.Context
	desktop Desktop

	mu       sync.Mutex
	verified map[string]verifiedPackage // by review token: packages that passed verification
	tempDirs []string                   // folders of originals handed to the system's viewer
}

// verifiedPackage is what reviewing a package relies on: the file that passed, as it was then,
// and the SHA-256 of every payload file its verified manifest lists. Whatever is later read
// from the file is checked against those hashes before it is shown or opened.
type verifiedPackage struct {
	path     string
	size     int64
	modTime  time.Time
	manifest map[string]string // "data/…" -> SHA-256
}

// File kinds of VerifiedFile.Kind.
const (
	KindPDF     = "pdf"
	KindPackage = "package"
)

// VerifiedFile is the report on one file: a signed PDF or a submission package.
type VerifiedFile struct {
	Path string `json:"path"` // "" when the dialog was cancelled
	Kind string `json:"kind"` // KindPDF or KindPackage; "" when cancelled
	// Verification is a PDF's verdict; zero for a package, whose PDF is in Package.PDF.
	Verification signing.Verification `json:"verification"`
	// Package is a package's verdict; nil for a PDF.
	Package *submission.Verification `json:"package"`
	// ReviewToken lets PackagePortfolio and OpenOriginal read a package that passed; "" otherwise.
	ReviewToken string `json:"reviewToken"`
}

// VerifyProgress is sent as the "verify:progress" event while a package's files are hashed.
type VerifyProgress struct {
	Done  int64 `json:"done"`  // bytes hashed
	Total int64 `json:"total"` // bytes to hash
}

// maxPortfolioJSON bounds portfolio.json when it is read to be shown; as submission.Verify.
const maxPortfolioJSON = 256 << 20

// VerifyFile asks for a signed PDF or a submission package, tells them apart by their first
// bytes (a zip starts with "PK"), and verifies it. Cancelling returns an empty report. A
// package that passes gets a review token.
func (s *VerifyService) VerifyFile() (VerifiedFile, error) {
	name, err := s.desktop.OpenFile("Verify a signed file", "Signed PDF or submission package", "*.pdf;*.zip")
	if err != nil || name == "" {
		return VerifiedFile{}, userError(err)
	}
	// One package is reviewed at a time: choosing another file forgets the earlier one.
	s.mu.Lock()
	s.verified = nil
	s.mu.Unlock()
	f, info, err := openRegular(name)
	if err != nil {
		return VerifiedFile{}, userError(err)
	}
	defer f.Close()
	head := make([]byte, 2)
	n, _ := f.ReadAt(head, 0)
	if bytes.HasPrefix(head[:n], []byte("PK")) {
		return s.verifyPackage(name, f, info)
	}
	// A PDF, or something the PDF verifier will call unreadable.
	v, err := signing.VerifyPDF(f, info.Size(), nil)
	return VerifiedFile{Path: name, Kind: KindPDF, Verification: v}, userError(err)
}

func (s *VerifyService) verifyPackage(name string, f *os.File, info os.FileInfo) (VerifiedFile, error) {
	v, err := submission.Verify(s.ctx, f, info.Size(), nil, s.progress())
	if err != nil {
		return VerifiedFile{}, userError(err)
	}
	out := VerifiedFile{Path: name, Kind: KindPackage, Package: &v}
	if !v.Valid {
		return out, nil
	}
	b, err := bag.Open(f, info.Size(), bag.Limits{})
	if err != nil {
		return VerifiedFile{}, userError(err)
	}
	manifest := b.Manifest()
	// A file changed while it was being checked gets no token: what was checked is gone.
	if now, err := f.Stat(); err != nil || !sameFile(info, now) {
		return VerifiedFile{}, userError(changedSinceVerified(name))
	}
	token, err := newToken()
	if err != nil {
		return VerifiedFile{}, userError(err)
	}
	s.mu.Lock()
	s.verified = map[string]verifiedPackage{token: {path: name, size: info.Size(), modTime: info.ModTime(), manifest: manifest}}
	s.mu.Unlock()
	out.ReviewToken = token
	return out, nil
}

// progress sends "verify:progress" at most ten times a second, and at the end.
func (s *VerifyService) progress() func(done, total int64) {
	var last time.Time
	return func(done, total int64) {
		if now := time.Now(); done == total || now.Sub(last) >= 100*time.Millisecond {
			last = now
			s.desktop.Emit("verify:progress", VerifyProgress{Done: done, Total: total})
		}
	}
}

// PackagePortfolio is what a verified package holds, for the reviewer to browse read-only:
// data/portfolio.json, read again from the file and shown only if its SHA-256 is the one the
// verified manifest lists.
func (s *VerifyService) PackagePortfolio(token string) (ReviewedPortfolio, error) {
	var out ReviewedPortfolio
	err := s.withPackage(token, func(pkg verifiedPackage, b *bag.Bag) error {
		var buf bytes.Buffer
		if err := copyChecked(&buf, b, pkg, "data/"+submission.JSONName, maxPortfolioJSON); err != nil {
			return err
		}
		doc, err := exchange.Unmarshal(buf.Bytes())
		if err != nil {
			return err
		}
		out = review(doc)
		return nil
	})
	return out, userError(err)
}

// OpenOriginal copies one file of a verified package, data/<name> as portfolio.json cites it
// (artifacts/…, or portfolio.pdf), into a new temporary folder and hands it to the system's
// viewer: never shown inside ReadyFolio. Only files the verified manifest lists are opened, and
// only if they still have the hash it lists.
func (s *VerifyService) OpenOriginal(token, name string) error {
	err := s.withPackage(token, func(pkg verifiedPackage, b *bag.Bag) error {
		inBag := "data/" + name
		if _, listed := pkg.manifest[inBag]; !listed || name == "" {
			return portfolio.Errorf(portfolio.CodeNotFound, "%q is not a file of the verified package.", name)
		}
		dir, err := os.MkdirTemp("", "readyfolio-review-*")
		if err != nil {
			return err
		}
		s.mu.Lock()
		s.tempDirs = append(s.tempDirs, dir)
		s.mu.Unlock()
		dest := filepath.Join(dir, safeFileName(path.Base(inBag)))
		f, err := os.OpenFile(dest, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
		if err != nil {
			return err
		}
		err = copyChecked(f, b, pkg, inBag, -1)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			os.Remove(dest)
			return err
		}
		// Read-only: the viewer must not change the reviewer's copy of the evidence.
		os.Chmod(dest, 0o400)
		s.desktop.OpenURL((&url.URL{Scheme: "file", Path: filepath.ToSlash(dest)}).String())
		return nil
	})
	return userError(err)
}

// cleanup removes the folders OpenOriginal made; the window calls it when it closes.
func (s *VerifyService) cleanup() {
	s.mu.Lock()
	dirs := s.tempDirs
	s.tempDirs = nil
	s.mu.Unlock()
	for _, d := range dirs {
		os.RemoveAll(d)
	}
}

// withPackage opens the package a token stands for, refusing it if the token is unknown or
// the file changed since it was verified.
func (s *VerifyService) withPackage(token string, fn func(verifiedPackage, *bag.Bag) error) error {
	s.mu.Lock()
	pkg, ok := s.verified[token]
	s.mu.Unlock()
	if !ok || token == "" {
		return portfolio.Errorf(portfolio.CodeConflict, "Only a package that passed verification can be reviewed; verify it first.")
	}
	f, info, err := openRegular(pkg.path)
	if err != nil {
		return err
	}
	defer f.Close()
	if info.Size() != pkg.size || !info.ModTime().Equal(pkg.modTime) {
		return changedSinceVerified(pkg.path)
	}
	b, err := bag.Open(f, info.Size(), bag.Limits{})
	if err != nil {
		return err
	}
	return fn(pkg, b)
}

// copyChecked copies a payload file of the bag to w while hashing it, and fails unless the
// hash is the one the verified manifest lists; limit >= 0 bounds its size.
func copyChecked(w io.Writer, b *bag.Bag, pkg verifiedPackage, name string, limit int64) error {
	want, listed := pkg.manifest[name]
	if !listed {
		return portfolio.Errorf(portfolio.CodeNotFound, "The verified package has no %s.", name)
	}
	rc, err := b.OpenFile(name)
	if err != nil {
		return err
	}
	defer rc.Close()
	var r io.Reader = rc
	if limit >= 0 {
		r = io.LimitReader(rc, limit+1)
	}
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(w, h), r)
	if err != nil {
		return portfolio.Errorf(portfolio.CodeCorrupt, "%s cannot be read from the package (%v); verify it again.", name, err)
	}
	if limit >= 0 && n > limit {
		return portfolio.Errorf(portfolio.CodeTooLarge, "%s is too large to show.", name)
	}
	if hex.EncodeToString(h.Sum(nil)) != strings.ToLower(want) {
		return portfolio.Errorf(portfolio.CodeCorrupt, "%s is no longer what was verified; verify the package again.", name)
	}
	return nil
}

func openRegular(name string) (*os.File, os.FileInfo, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, nil, portfolio.Errorf(portfolio.CodeInvalid, "Cannot read %s.", name)
	}
	info, err := f.Stat()
	if err == nil && !info.Mode().IsRegular() {
		err = errors.New("not a regular file")
	}
	if err != nil {
		f.Close()
		return nil, nil, portfolio.Errorf(portfolio.CodeInvalid, "Cannot read %s.", name)
	}
	return f, info, nil
}

func sameFile(a, b os.FileInfo) bool {
	return a.Size() == b.Size() && a.ModTime().Equal(b.ModTime())
}

func changedSinceVerified(name string) error {
	return portfolio.Errorf(portfolio.CodeConflict, "%s changed after it was verified; verify it again.", name)
}

func newToken() (string, error) {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", err
	}
	return hex.EncodeToString(b[:]), nil
}

// safeFileName keeps a name from the package usable as a file name on any system.
func safeFileName(name string) string {
	name = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || strings.ContainsRune(`/\:*?"<>|`, r) {
			return '_'
		}
		return r
	}, name)
	if name == "" || name == "." || name == ".." {
		return "file"
	}
	return name
}
