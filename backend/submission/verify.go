package submission

import (
	"context"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/readyfolio/readyfolio/backend/bag"
	"github.com/readyfolio/readyfolio/backend/exchange"
	"github.com/readyfolio/readyfolio/backend/identity"
	"github.com/readyfolio/readyfolio/backend/portfolio"
	"github.com/readyfolio/readyfolio/backend/signing"
)

// maxJSONSize bounds portfolio.json when it is read into memory to be checked; real ones are a
// few megabytes.
const maxJSONSize = 256 << 20

// Verification is the reviewer's verdict on a package. Every problem names the file it is about.
type Verification struct {
	Valid     bool                     `json:"valid"`
	Problems  []bag.Problem            `json:"problems"`
	Manifest  *signing.SignatureReport `json:"manifestSignature"` // the CMS over the tag manifest; nil when absent
	PDF       *signing.Verification    `json:"pdf"`               // data/portfolio.pdf's own signature; nil when absent
	Portfolio Summary                  `json:"portfolio"`
}

// Summary is what the package says it holds, from portfolio.json.
type Summary struct {
	ID          string    `json:"id"`
	Name        string    `json:"name"`
	District    string    `json:"district"`
	Entries     int       `json:"entries"`
	Artifacts   int       `json:"artifacts"`
	Credentials int       `json:"credentials"` // credentials listed, with a file or not
	GeneratedAt time.Time `json:"generatedAt"`
}

// Verify checks a package from anyone without trusting its maker's computer: the archive is
// refused before anything is read if it is unsafe; then the bag (every file and hash, the
// Payload-Oxum, the tag manifest), the CMS signature over the tag manifest and the certificate
// beside it, the PDF's own signature, that one certificate made both, and that portfolio.json
// lists exactly the files the manifest holds, with the same hashes. trust as for
// signing.VerifyPDF. The error is for a file that is not a package at all (CodeInvalid) or
// cannot be read; an unsafe, tampered or unsigned package is a Verification with problems.
func Verify(ctx context.Context, r io.ReaderAt, size int64, trust []*x509.Certificate, progress func(done, total int64)) (Verification, error) {
	v := Verification{Problems: []bag.Problem{}}
	b, err := bag.Open(r, size, bag.Limits{})
	switch code := portfolio.Code(err); {
	case err == nil:
	case code == portfolio.CodeRefused || code == portfolio.CodeTooLarge:
		v.Problems = append(v.Problems, bag.Problem{File: "(the zip)", Message: err.Error()})
		return v, nil
	default:
		return v, err
	}
	problems, err := b.Verify(ctx, progress)
	if err != nil {
		return v, err
	}
	v.Problems = append(v.Problems, problems...)
	v.checkManifestSignature(b, trust)
	if err := v.checkPDF(b, trust); err != nil {
		return v, err
	}
	v.checkSameSigner()
	v.checkPortfolio(b)
	v.Valid = len(v.Problems) == 0
	return v, nil
}

func (v *Verification) problem(file, format string, args ...any) {
	v.Problems = append(v.Problems, bag.Problem{File: file, Message: fmt.Sprintf(format, args...)})
}

// checkManifestSignature checks the detached CMS over the tag manifest and that signer-cert.pem
// is the certificate that made it, so the openssl command a reviewer runs means what it says.
func (v *Verification) checkManifestSignature(b *bag.Bag, trust []*x509.Certificate) {
	manifest, err := b.ReadTag(TagManifest, 1<<20)
	if err != nil {
		return // the bag check has reported it
	}
	sig, err := b.ReadTag(SignatureName, 1<<20)
	if err != nil {
		v.problem(SignatureName, "missing: nothing vouches for the tag manifest, so the package is not signed")
		return
	}
	rep, err := signing.VerifyDetached(manifest, sig, trust)
	if err != nil {
		v.problem(SignatureName, "%v", err)
		return
	}
	v.Manifest = &rep
	for _, p := range rep.Problems {
		v.problem(SignatureName, "%s", p)
	}
	pemData, err := b.ReadTag(CertName, 1<<20)
	if err != nil {
		v.problem(CertName, "missing: a reviewer cannot check the signature with openssl without it")
		return
	}
	block, _ := pem.Decode(pemData)
	cert, err := parseCertificate(block)
	if err != nil {
		v.problem(CertName, "not a PEM certificate (%v)", err)
		return
	}
	if identity.Describe(cert, nil, false).FingerprintSHA256 != rep.FingerprintSHA256 {
		v.problem(CertName, "is not the certificate that signed the tag manifest")
	}
}

func parseCertificate(block *pem.Block) (*x509.Certificate, error) {
	if block == nil || block.Type != "CERTIFICATE" {
		return nil, errors.New("no CERTIFICATE block")
	}
	return x509.ParseCertificate(block.Bytes)
}

// checkPDF verifies data/portfolio.pdf's signature. The PDF is copied to a temporary file
// first: the verifier needs random access, and a zip entry is a stream.
func (v *Verification) checkPDF(b *bag.Bag, trust []*x509.Certificate) error {
	name := "data/" + PDFName
	rc, err := b.OpenFile(name)
	if err != nil {
		v.problem(name, "missing: the package has no signed PDF")
		return nil
	}
	defer rc.Close()
	tmp, err := os.CreateTemp("", "readyfolio-verify-*.pdf")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	defer tmp.Close()
	n, err := io.Copy(tmp, rc)
	if err != nil {
		v.problem(name, "cannot be read from the package (%v)", err)
		return nil
	}
	pdf, err := signing.VerifyPDF(tmp, n, trust)
	if err != nil {
		v.problem(name, "%v", err)
		return nil
	}
	v.PDF = &pdf
	for _, p := range pdf.Problems {
		v.problem(name, "%s", p)
	}
	for _, s := range pdf.Signatures {
		for _, p := range s.Problems {
			v.problem(name, "%s", p)
		}
	}
	return nil
}

// checkSameSigner: the PDF and the package must be signed by one certificate, or someone
// swapped one of them.
func (v *Verification) checkSameSigner() {
	if v.Manifest == nil || v.PDF == nil || len(v.PDF.Signatures) == 0 {
		return
	}
	last := v.PDF.Signatures[len(v.PDF.Signatures)-1]
	if last.FingerprintSHA256 != v.Manifest.FingerprintSHA256 {
		v.problem("data/"+PDFName, "signed by another certificate (%s) than the package (%s)", last.FingerprintSHA256, v.Manifest.FingerprintSHA256)
	}
}

// checkPortfolio reads portfolio.json and checks it against the manifest: every file it cites
// (originals and credentials' files) is in the package with the same SHA-256, and every
// original and credential file in the package is cited.
func (v *Verification) checkPortfolio(b *bag.Bag) {
	name := "data/" + JSONName
	rc, err := b.OpenFile(name)
	if err != nil {
		v.problem(name, "missing: the package has no machine-readable portfolio")
		return
	}
	data, err := io.ReadAll(io.LimitReader(rc, maxJSONSize+1))
	rc.Close()
	if err != nil || len(data) > maxJSONSize {
		v.problem(name, "cannot be read (%v)", err)
		return
	}
	doc, err := exchange.Unmarshal(data)
	if err != nil {
		v.problem(name, "%v", err)
		return
	}
	v.Portfolio = Summary{ID: doc.PortfolioID, Name: doc.Profile.Name, District: doc.Profile.District,
		Entries: len(doc.Entries), Credentials: len(doc.Credentials), GeneratedAt: doc.GeneratedAt}
	if id := infoValue(b, "External-Identifier"); id != doc.PortfolioID {
		v.problem("bag-info.txt", "External-Identifier %q is not the portfolio's id %q in portfolio.json", id, doc.PortfolioID)
	}
	manifest := b.Manifest()
	cited := map[string]bool{}
	cite := func(file, sha, by string) {
		path := "data/" + file
		cited[path] = true
		switch sum, ok := manifest[path]; {
		case !ok:
			v.problem(path, "cited by portfolio.json (%s) but not in the package", by)
		case sum != sha:
			v.problem(path, "SHA-256 differs between portfolio.json and the manifest")
		}
	}
	for _, e := range doc.Entries {
		for _, a := range e.Artifacts {
			if a.Type != portfolio.ArtifactFile {
				continue
			}
			v.Portfolio.Artifacts++
			cite(a.Path, a.SHA256, fmt.Sprintf("entry %q", e.Title))
		}
	}
	for _, c := range doc.Credentials {
		if c.SHA256 != "" {
			cite(c.Path, c.SHA256, fmt.Sprintf("credential %q", c.Name))
		}
	}
	var uncited []string
	for path := range manifest {
		if (strings.HasPrefix(path, "data/artifacts/") || strings.HasPrefix(path, "data/credentials/")) && !cited[path] {
			uncited = append(uncited, path)
		}
	}
	sort.Strings(uncited)
	for _, path := range uncited {
		v.problem(path, "in the package but not cited by portfolio.json")
	}
}

func infoValue(b *bag.Bag, name string) string {
	for _, f := range b.Info {
		if strings.EqualFold(f.Name, name) {
			return f.Value
		}
	}
	return ""
}
