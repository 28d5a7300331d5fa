// Package signing signs the portfolio PDF with the educator's identity (PAdES B-B through
// github.com/digitorus/pdfsign), signs the submission package's tag manifest with detached CMS,
// and verifies both for reviewers. Everything happens offline: no time-stamp authority, no
// OCSP or CRL fetching, so signing works on a laptop without a network and a verifier sees
// exactly what the file holds.
package signing

import (
	"bytes"
	"context"
	"crypto"
	"crypto/x509"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/digitorus/pdf"
	"github.com/digitorus/pdfsign/sign"

	"github.com/readyfolio/readyfolio/backend/identity"
	"github.com/readyfolio/readyfolio/backend/pdfrender"
	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// Reason is written in the signature dictionary; PDF viewers show it in their signature panel.
const Reason = "Portfolio signed by its author"

// signatureSlack is how many hex digits pdfsign reserves in /Contents on top of its own estimate
// for the key and certificates. Measured with rc2: the estimate falls about 100 bytes short of
// the CMS it makes, and when the signature overflows, its retry writes a file whose /Contents no
// longer fills the gap in /ByteRange (selfCheck refuses that file). 8192 digits leave 4 KiB:
// RSA-4096 with a two-certificate RSA-4096 chain uses 5057 of 9049 reserved bytes. A variable
// only so that a test can provoke the overflow.
var signatureSlack uint32 = 8192

// Signer signs PDFs with an unlocked identity. It implements workspace.Signer.
type Signer struct {
	id   *identity.Identity
	info identity.Info
}

// NewSigner wraps an unlocked identity. The identity must stay unlocked while the Signer is used.
func NewSigner(id *identity.Identity) *Signer {
	return &Signer{id: id, info: identity.Describe(id.Certificate, id.Chain, false)}
}

// Block is what the last page prints about the signature: the same name and fingerprint that a
// verifier reports, so a reader can compare the paper with the file.
func (s *Signer) Block(at time.Time) pdfrender.SignatureBlock {
	return pdfrender.SignatureBlock{Name: s.name(), Fingerprint: s.info.FingerprintSHA256, SignedAt: at}
}

func (s *Signer) name() string {
	if s.info.CommonName != "" {
		return s.info.CommonName
	}
	return s.info.Subject // an imported certificate without a CN still names someone
}

// SignPDF appends an invisible PAdES B-B approval signature made at `at` to the unsigned PDF
// and writes the signed file to out. Nothing is written to out unless the signed file passes
// VerifyPDF, so a corrupted signature can never reach a reviewer.
func (s *Signer) SignPDF(ctx context.Context, unsigned io.ReadSeeker, size int64, out io.Writer, at time.Time) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	cert := s.id.Certificate
	if at.Before(cert.NotBefore) || at.After(cert.NotAfter) {
		return portfolio.Errorf(portfolio.CodeConflict,
			"The signing certificate is valid from %s to %s, so it cannot sign at %s; check the computer's clock.",
			cert.NotBefore.UTC().Format(time.DateOnly), cert.NotAfter.UTC().Format(time.DateOnly), at.UTC().Format(time.DateTime))
	}
	signed, err := s.sign(ctx, unsigned, size, at)
	if err != nil {
		return err
	}
	if err := selfCheck(signed); err != nil {
		return err
	}
	_, err = out.Write(signed)
	return err
}

// sign runs pdfsign and returns the signed file. pdfsign panics on some malformed input (an
// fpdf attachment annotation, for one): the panic becomes an error so an export fails cleanly.
func (s *Signer) sign(ctx context.Context, unsigned io.ReadSeeker, size int64, at time.Time) (signed []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			signed, err = nil, fmt.Errorf("signing the PDF failed inside pdfsign: %v", r)
		}
	}()
	ra, err := readerAt(unsigned, size)
	if err != nil {
		return nil, err
	}
	rdr, err := pdf.NewReader(ra, size)
	if err != nil {
		return nil, fmt.Errorf("reading the PDF to sign: %w", err)
	}
	// pdfsign numbers its field "Signature N" from signatures it finds only when its own
	// SignWithData builds the context; a second "Signature 1" would be a malformed form.
	// ReadyFolio signs only what it has just rendered, so an existing signature is a mistake.
	if len(signatureDictionaries(rdr)) > 0 {
		return nil, portfolio.Errorf(portfolio.CodeConflict, "The PDF is already signed; ReadyFolio signs only a PDF it has just made.")
	}
	chain := append([]*x509.Certificate{s.id.Certificate}, s.id.Chain...)
	// The context is built by hand rather than with sign.SignWithData because that helper fixes
	// SignatureMaxLengthBase at 4096. Only fields that keep pdfsign offline are set: no TSA URL
	// and no RevocationFunction means no HTTP request is ever made.
	sc := sign.SignContext{
		PDFReader:  rdr,
		InputFile:  unsigned,
		OutputFile: io.Discard, // the result is taken from OutputBuffer, saving a copy
		SignData: sign.SignData{
			Signature: sign.SignDataSignature{
				CertType: sign.ApprovalSignature, // an author's signature; DocMDP is not real in pdfsign
				Info: sign.SignDataSignatureInfo{
					Name:        s.name(),
					Location:    location(s.id.Certificate),
					Reason:      Reason,
					ContactInfo: s.info.Email,
					Date:        at,
				},
			},
			Signer:            s.id.Key,
			DigestAlgorithm:   crypto.SHA256,
			Certificate:       s.id.Certificate,
			CertificateChains: [][]*x509.Certificate{chain},
			SubFilter:         sign.SubFilterETSICAdESDetached,
			// Invisible: a visible widget rewrites the page's /Annots and loses fpdf's links.
			Appearance: sign.Appearance{Visible: false},
			Context:    ctx,
		},
		SignatureMaxLengthBase: signatureSlack,
	}
	if err := sc.SignPDF(); err != nil {
		return nil, fmt.Errorf("signing the PDF: %w", err)
	}
	return sc.OutputBuffer.Buff.Bytes(), nil
}

// readerAt gives pdf.NewReader random access; the workspace hands a bytes.Reader, anything
// else is read into memory (pdfsign copies the whole input into memory anyway).
func readerAt(r io.ReadSeeker, size int64) (io.ReaderAt, error) {
	if ra, ok := r.(io.ReaderAt); ok {
		return ra, nil
	}
	if _, err := r.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	data, err := io.ReadAll(io.LimitReader(r, size))
	if err != nil {
		return nil, err
	}
	return bytes.NewReader(data), nil
}

// location is the school and district of the certificate's subject, where the educator signs.
func location(cert *x509.Certificate) string {
	var parts []string
	parts = append(parts, cert.Subject.Organization...)
	parts = append(parts, cert.Subject.Locality...)
	return strings.Join(parts, ", ")
}

// selfCheck verifies the freshly signed file. pdfsign has written files whose signature
// overflowed its reserved space; such a file must fail the export, not reach a reviewer.
func selfCheck(signed []byte) error {
	v, err := VerifyPDF(bytes.NewReader(signed), int64(len(signed)), nil)
	if err != nil {
		return fmt.Errorf("the signed PDF cannot be read back: %w", err)
	}
	if !v.Valid {
		var problems []string
		problems = append(problems, v.Problems...)
		for _, sig := range v.Signatures {
			problems = append(problems, sig.Problems...)
		}
		return fmt.Errorf("the signed PDF failed its own verification: %s", strings.Join(problems, " "))
	}
	return nil
}
