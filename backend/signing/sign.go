// Package signing signs the portfolio PDF with the educator's identity (PAdES B-B: an
// ETSI.CAdES.detached CMS in an incremental update), signs the submission package's tag
// manifest with detached CMS, and verifies both for reviewers. Everything happens offline: no time-stamp authority, no
// OCSP or CRL fetching, so signing works on a laptop without a network and a verifier sees
// exactly what the file holds.
package signing

import (
	"context"
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"encoding/pem"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/digitorus/pdf"

	"github.com/readyfolio/readyfolio/backend/identity"
	"github.com/readyfolio/readyfolio/backend/pdfrender"
	"github.com/readyfolio/readyfolio/backend/pdfupdate"
	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// Reason is written in the signature dictionary; PDF viewers show it in their signature panel.
const Reason = "Portfolio signed by its author"

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

// SignManifest signs a small file, the submission package's tag manifest, with a detached CMS
// made at `at`.
func (s *Signer) SignManifest(content []byte, at time.Time) ([]byte, error) {
	return SignDetached(content, s.id, at)
}

// CertificatePEM is the signer's certificate followed by its chain, so that a reviewer can
// check the package's signature with openssl and this one file as its trust anchor.
func (s *Signer) CertificatePEM() []byte {
	var out []byte
	for _, c := range append([]*x509.Certificate{s.id.Certificate}, s.id.Chain...) {
		out = append(out, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: c.Raw})...)
	}
	return out
}

func (s *Signer) name() string {
	if s.info.CommonName != "" {
		return s.info.CommonName
	}
	return s.info.Subject // an imported certificate without a CN still names someone
}

// SignFile appends an invisible PAdES B-B approval signature made at `at` to the PDF in f, an
// incremental update written in place: a signature dictionary with room for the CMS, a
// signature field and the catalog's form. The bytes around the room are then hashed straight
// from the file, so signing a large PDF needs no more memory than a small one. On an error f
// holds a broken file; callers sign a temporary file that they discard on failure. The signed
// file is verified before SignFile returns, so a corrupt signature never reaches a reviewer.
func (s *Signer) SignFile(ctx context.Context, f *os.File, at time.Time) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	cert := s.id.Certificate
	if at.Before(cert.NotBefore) || at.After(cert.NotAfter) {
		return portfolio.Errorf(portfolio.CodeConflict,
			"The signing certificate is valid from %s to %s, so it cannot sign at %s; check the computer's clock.",
			cert.NotBefore.UTC().Format(time.DateOnly), cert.NotAfter.UTC().Format(time.DateOnly), at.UTC().Format(time.DateTime))
	}
	u, err := pdfupdate.Begin(f)
	if err != nil {
		return fmt.Errorf("reading the PDF to sign: %w", err)
	}
	// ReadyFolio signs only what it has just rendered, so an existing signature is a mistake.
	if len(signatureDictionaries(u.Reader())) > 0 {
		return portfolio.Errorf(portfolio.CodeConflict, "The PDF is already signed; ReadyFolio signs only a PDF it has just made.")
	}
	page, ok := firstPage(u.Catalog().Key("Pages"), 0)
	if !ok {
		return fmt.Errorf("signing the PDF: it has no pages")
	}
	// The room for the CMS: its exact size for this identity plus what an ECDSA signature may
	// vary by, learnt from a signature over a zero digest.
	probe, err := signCMS(make([]byte, sha256.Size), s.id, time.Time{})
	if err != nil {
		return err
	}
	room := len(probe) + 64
	sig, field := u.NewObject(), u.NewObject()
	body := fmt.Sprintf("<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /ByteRange %s /Contents <%s> /M %s /Name %s /Reason %s",
		byteRangeRoom, strings.Repeat("0", 2*room), pdfupdate.Date(at), pdfupdate.Text(s.name()), pdfupdate.Text(Reason))
	if loc := location(cert); loc != "" {
		body += " /Location " + pdfupdate.Text(loc)
	}
	if s.info.Email != "" {
		body += " /ContactInfo " + pdfupdate.Text(s.info.Email)
	}
	body += " >>"
	at0, err := u.Object(sig, []byte(body))
	if err != nil {
		return err
	}
	byteRangeAt := at0 + int64(strings.Index(body, byteRangeRoom))
	contentsAt := at0 + int64(strings.Index(body, "/Contents <")+len("/Contents "))
	// Invisible: a zero rectangle, printable and locked, on the first page (as pdfsign does;
	// the page's /Annots is left alone so fpdf's links survive).
	widget := fmt.Sprintf("<< /Type /Annot /Subtype /Widget /FT /Sig /Rect [0 0 0 0] /F 132 /P %d %d R /T (Signature1) /V %d 0 R >>",
		page.GetPtr().GetID(), page.GetPtr().GetGen(), sig)
	if _, err := u.Object(field, []byte(widget)); err != nil {
		return err
	}
	u.SetCatalog("AcroForm", fmt.Sprintf("<< /Fields [%d 0 R] /SigFlags 3 >>", field))
	size, err := u.Finish()
	if err != nil {
		return err
	}
	contentsEnd := contentsAt + int64(2+2*room)
	byteRange := fmt.Sprintf("[0 %d %d %d", contentsAt, contentsEnd, size-contentsEnd)
	byteRange += strings.Repeat(" ", len(byteRangeRoom)-len(byteRange)-1) + "]"
	if _, err := f.WriteAt([]byte(byteRange), byteRangeAt); err != nil {
		return err
	}
	digest, err := hashRanges(ctx, f, [][2]int64{{0, contentsAt}, {contentsEnd, size - contentsEnd}})
	if err != nil {
		return err
	}
	cms, err := signCMS(digest, s.id, time.Time{})
	if err != nil {
		return err
	}
	if len(cms) > room {
		return fmt.Errorf("signing the PDF: the signature (%d bytes) outgrew the %d reserved for it", len(cms), room)
	}
	if _, err := f.WriteAt([]byte(strings.ToUpper(hex.EncodeToString(cms))), contentsAt+1); err != nil {
		return err
	}
	return selfCheck(f, size)
}

// byteRangeRoom is written first and replaced by the byte range, padded to the same length,
// once the file's size is known.
var byteRangeRoom = "[0 " + strings.Repeat("0", 3*11) + "]"

// firstPage walks the page tree down its first kids to the first page.
func firstPage(node pdf.Value, depth int) (pdf.Value, bool) {
	if depth > 32 {
		return pdf.Value{}, false
	}
	switch node.Key("Type").Name() {
	case "Page":
		return node, true
	case "Pages":
		if kids := node.Key("Kids"); kids.Len() > 0 {
			return firstPage(kids.Index(0), depth+1)
		}
	}
	return pdf.Value{}, false
}

// hashRanges is the SHA-256 of the file's bytes in the ranges, read in order from disk.
func hashRanges(ctx context.Context, f io.ReaderAt, ranges [][2]int64) ([]byte, error) {
	d := sha256.New()
	buf := make([]byte, 1<<20)
	for _, r := range ranges {
		sr := io.NewSectionReader(f, r[0], r[1])
		for {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			n, err := sr.Read(buf)
			d.Write(buf[:n])
			if err == io.EOF {
				break
			}
			if err != nil {
				return nil, err
			}
		}
	}
	return d.Sum(nil), nil
}

// location is the school and district of the certificate's subject, where the educator signs.
func location(cert *x509.Certificate) string {
	var parts []string
	parts = append(parts, cert.Subject.Organization...)
	parts = append(parts, cert.Subject.Locality...)
	return strings.Join(parts, ", ")
}

// selfCheck verifies the freshly signed file; a file that fails must stop the export.
func selfCheck(f io.ReaderAt, size int64) error {
	v, err := VerifyPDF(f, size, nil)
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
