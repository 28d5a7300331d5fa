package signing

import (
	"crypto"
	"crypto/x509"
	"encoding/asn1"
	"encoding/hex"
	"fmt"
	"io"
	"sort"
	"strconv"
	"time"

	"github.com/digitorus/pdf"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// Sub-filters whose signature value is a detached CMS over the byte range.
const (
	subFilterPAdES = "ETSI.CAdES.detached"
	subFilterCMS   = "adbe.pkcs7.detached"
)

// maxSignatureBytes bounds the /Contents gap read into memory; real signatures, even with a
// long chain, are a few tens of kilobytes.
const maxSignatureBytes = 1 << 20

// VerifyPDF checks every signature of a PDF. It reads the file itself rather than relying on
// pdfsign's verify package, which neither says which bytes a signature covers nor tells a
// changed document from a forged signature, and can reach the network for revocation.
//
// The error is only for a file that cannot be read as a PDF at all (portfolio.CodeInvalid); an
// unsigned, changed or untrusted file is a Verification with Valid false and its problems.
// trust nil means no trust decision is made (Trusted stays nil); a non-nil trust, even empty,
// requires every signer to be one of those certificates or to chain to one.
func VerifyPDF(r io.ReaderAt, size int64, trust []*x509.Certificate) (v Verification, err error) {
	// digitorus/pdf panics on some malformed files; such a file is not a readable PDF.
	defer func() {
		if p := recover(); p != nil {
			v, err = Verification{}, notPDF(fmt.Sprint(p))
		}
	}()
	rdr, err := pdf.NewReader(r, size)
	if err != nil {
		return Verification{}, notPDF(err.Error())
	}
	v = Verification{Signatures: []SignatureReport{}, Problems: []string{}}
	type found struct {
		report SignatureReport
		end    int64 // where the signed bytes end: later signatures cover more
	}
	var all []found
	for _, dict := range signatureDictionaries(rdr) {
		report, end, err := verifySignature(r, size, dict, trust)
		if err != nil {
			return Verification{}, err
		}
		all = append(all, found{report, end})
	}
	if len(all) == 0 {
		v.Problems = append(v.Problems, "The file is not signed.")
		return v, nil
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].end < all[j].end })
	v.Valid = true
	for _, f := range all {
		v.Signatures = append(v.Signatures, f.report)
		v.Valid = v.Valid && len(f.report.Problems) == 0
	}
	last := all[len(all)-1]
	if last.end > 0 && last.end < size {
		v.Problems = append(v.Problems, fmt.Sprintf(
			"The file was changed after it was signed: %d bytes were added after the last signature, so what a reader shows may not be what was signed.",
			size-last.end))
	}
	v.Valid = v.Valid && last.report.CoversWholeFile && len(v.Problems) == 0
	return v, nil
}

func notPDF(reason string) error {
	return portfolio.Errorf(portfolio.CodeInvalid, "The file is not a PDF, or it is too damaged to read (%s).", reason)
}

// signatureDictionaries finds the signature values of the document's signature fields,
// following /Kids; each field object is visited once, so a looping form cannot hang this.
func signatureDictionaries(rdr *pdf.Reader) []pdf.Value {
	var out []pdf.Value
	seen := map[uint32]bool{}
	var walk func(fields pdf.Value, depth int)
	walk = func(fields pdf.Value, depth int) {
		if depth > 32 || fields.Kind() != pdf.Array {
			return
		}
		for i := 0; i < fields.Len(); i++ {
			field := fields.Index(i)
			if id := field.GetPtr().GetID(); id != 0 {
				if seen[id] {
					continue
				}
				seen[id] = true
			}
			if field.Key("FT").Name() == "Sig" {
				if sig := field.Key("V"); sig.Kind() == pdf.Dict {
					out = append(out, sig)
				}
			}
			walk(field.Key("Kids"), depth+1)
		}
	}
	walk(rdr.Trailer().Key("Root").Key("AcroForm").Key("Fields"), 0)
	return out
}

// verifySignature checks one signature dictionary; end is where its signed bytes end (0 when
// its byte range is unusable).
func verifySignature(r io.ReaderAt, size int64, sig pdf.Value, trust []*x509.Certificate) (rep SignatureReport, end int64, err error) {
	rep = SignatureReport{SubFilter: sig.Key("SubFilter").Name(), Problems: []string{}}
	if rep.SubFilter != subFilterPAdES && rep.SubFilter != subFilterCMS {
		rep.Problems = append(rep.Problems, fmt.Sprintf("The signature uses the %q format, which ReadyFolio cannot check.", rep.SubFilter))
		return rep, 0, nil
	}
	br, ok := byteRange(sig.Key("ByteRange"), size)
	if !ok {
		rep.Problems = append(rep.Problems, "The signature's byte range is malformed, so it is unclear what it covers.")
		return rep, 0, nil
	}
	end = br[2] + br[3]
	contents := []byte(sig.Key("Contents").RawString())
	gapOK, err := gapIsContents(r, br, contents)
	if err != nil {
		return rep, end, err
	}
	rep.CoversWholeFile = gapOK && end == size
	rep.Covered = covered(br, size, gapOK)
	if !gapOK {
		rep.Problems = append(rep.Problems, "The part of the file that the signature leaves out holds more than the signature value, so unsigned content may be hidden there.")
	}
	c, err := checkCMS(trimDER(contents), func(h crypto.Hash) ([]byte, error) {
		d := h.New()
		for _, part := range []*io.SectionReader{io.NewSectionReader(r, 0, br[1]), io.NewSectionReader(r, br[2], br[3])} {
			if _, err := io.Copy(d, part); err != nil {
				return nil, fmt.Errorf("reading the signed bytes: %w", err)
			}
		}
		return d.Sum(nil), nil
	}, rep.SubFilter == subFilterPAdES)
	if err != nil {
		rep.Problems = append(rep.Problems, "The signature value is not a CMS signature that ReadyFolio can read.")
		return rep, end, nil
	}
	// PAdES forbids the CMS signing-time attribute and records the claimed time in /M.
	at := c.signingTime
	if at.IsZero() {
		at, _ = parsePDFDate(sig.Key("M").Text())
	}
	describeSigner(&rep, c, at, trust)
	return rep, end, nil
}

// byteRange reads [0 a b c]: two ranges around the signature value, in order, inside the file.
func byteRange(v pdf.Value, size int64) ([4]int64, bool) {
	var br [4]int64
	if v.Kind() != pdf.Array || v.Len() != 4 {
		return br, false
	}
	for i := range br {
		if v.Index(i).Kind() != pdf.Integer {
			return br, false
		}
		br[i] = v.Index(i).Int64()
	}
	ok := br[0] == 0 && br[1] > 0 && br[2] > br[1] && br[3] >= 0 && br[2] <= size && br[3] <= size-br[2]
	return br, ok
}

// gapIsContents reports whether the bytes between the two ranges are exactly the /Contents hex
// string, as ISO 32000 requires: anything else in the gap would be unsigned.
func gapIsContents(r io.ReaderAt, br [4]int64, contents []byte) (bool, error) {
	gap := br[2] - br[1]
	if gap != int64(2*len(contents)+2) || gap > 2*maxSignatureBytes+2 {
		return false, nil
	}
	buf := make([]byte, gap)
	if _, err := r.ReadAt(buf, br[1]); err != nil {
		return false, fmt.Errorf("reading the signature value: %w", err)
	}
	if buf[0] != '<' || buf[gap-1] != '>' {
		return false, nil
	}
	decoded := make([]byte, len(contents))
	if _, err := hex.Decode(decoded, buf[1:gap-1]); err != nil {
		return false, nil
	}
	return string(decoded) == string(contents), nil
}

// trimDER drops the zero padding after the CMS in /Contents; pkcs7 refuses trailing data.
func trimDER(contents []byte) []byte {
	var raw asn1.RawValue
	if _, err := asn1.Unmarshal(contents, &raw); err == nil {
		return raw.FullBytes
	}
	return contents // indefinite-length BER: let pkcs7 try
}

// parsePDFDate reads a PDF date (ISO 32000 7.9.4): D:YYYYMMDDHHmmSSOHH'mm', every part after
// the year optional, O one of + - Z; without an offset the time is taken as UTC.
func parsePDFDate(s string) (time.Time, error) {
	bad := fmt.Errorf("%q is not a PDF date", s)
	if len(s) >= 2 && s[:2] == "D:" {
		s = s[2:]
	}
	fields := []int{0, 1, 1, 0, 0, 0} // year, month, day, hour, minute, second
	widths := []int{4, 2, 2, 2, 2, 2}
	for i, w := range widths {
		if len(s) == 0 || s[0] < '0' || s[0] > '9' {
			if i == 0 {
				return time.Time{}, bad
			}
			break
		}
		if len(s) < w {
			return time.Time{}, bad
		}
		n, err := strconv.Atoi(s[:w])
		if err != nil {
			return time.Time{}, bad
		}
		fields[i], s = n, s[w:]
	}
	loc := time.UTC
	if len(s) > 0 && (s[0] == '+' || s[0] == '-') {
		sign := 1
		if s[0] == '-' {
			sign = -1
		}
		var hh, mm int
		if _, err := fmt.Sscanf(s[1:], "%02d'%02d", &hh, &mm); err != nil {
			if _, err := fmt.Sscanf(s[1:], "%02d", &hh); err != nil {
				return time.Time{}, bad
			}
		}
		loc = time.FixedZone("", sign*(hh*3600+mm*60))
	}
	return time.Date(fields[0], time.Month(fields[1]), fields[2], fields[3], fields[4], fields[5], 0, loc), nil
}
