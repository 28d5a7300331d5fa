package bag

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// copyBufferSize keeps SHA-256 and deflate busy without holding more than a megabyte.
const copyBufferSize = 1 << 20

var errFinished = errors.New("bag: the package is already finished")

// Writer streams a bag into a zip. Each payload file goes through SHA-256 into its zip entry,
// so memory does not depend on the payload's size. A Writer is not safe for concurrent use.
type Writer struct {
	zw      *zip.Writer
	prefix  string // the root folder and "/", or ""
	now     time.Time
	names   *nameSet
	payload []manifestLine
	bytes   int64
	buf     []byte
	err     error // set by a failed write and by Finish: the zip cannot be continued after either
}

type manifestLine struct{ path, sum string }

// NewWriter starts a bag written as a zip to w. Every timestamp in the zip is now (in UTC), so
// two bags of the same content written with the same clock are byte-identical. root is the
// folder the bag sits in inside the zip, "" for none; a root that is not a plain folder name
// makes every later call fail with CodeInvalid.
func NewWriter(w io.Writer, root string, now time.Time) *Writer {
	b := &Writer{zw: zip.NewWriter(w), now: now.UTC(), names: newNameSet()}
	if root != "" {
		why := checkName(root)
		if why == "" && strings.Contains(root, "/") {
			why = "contains a /"
		}
		if why != "" {
			b.err = portfolio.Errorf(portfolio.CodeInvalid, "The package folder cannot be named %q: the name %s.", root, why)
		}
		b.prefix = root + "/"
	}
	return b
}

// AddPayload streams what r yields into the bag as data/<path> and returns its SHA-256 (hex)
// and size. path is slash-separated; a name that is unsafe, taken, or taken but for letter case
// is refused with CodeInvalid, and the Writer stays usable. compress=false stores the bytes as
// they are, for formats that are compressed already (callers pass !mediatype.Compressed(type)).
// Any other error leaves a broken zip: the Writer refuses further calls.
func (b *Writer) AddPayload(path string, r io.Reader, compress bool) (sha256hex string, size int64, err error) {
	if b.err != nil {
		return "", 0, b.err
	}
	name := payloadDir + path
	if why := checkName(path); why != "" {
		return "", 0, portfolio.Errorf(portfolio.CodeInvalid, "The package cannot hold %q: the name %s.", name, why)
	}
	if clash := b.names.add(name); clash != "" {
		return "", 0, portfolio.Errorf(portfolio.CodeInvalid, "The package cannot hold %q: %s.", name, clash)
	}
	method := zip.Store
	if compress {
		method = zip.Deflate
	}
	w, err := b.create(name, method)
	if err != nil {
		b.err = err
		return "", 0, err
	}
	if b.buf == nil {
		b.buf = make([]byte, copyBufferSize)
	}
	h := sha256.New()
	n, err := io.CopyBuffer(io.MultiWriter(w, h), r, b.buf)
	if err != nil {
		b.err = fmt.Errorf("adding %s to the package: %w", name, err)
		return "", 0, b.err
	}
	sum := hex.EncodeToString(h.Sum(nil))
	b.payload = append(b.payload, manifestLine{name, sum})
	b.bytes += n
	return sum, n, nil
}

// Finish writes the tag files and closes the zip. bag-info.txt holds info (values trimmed, as
// readers trim them; a line break in a value is refused), then Payload-Oxum and Bagging-Date
// unless info gives them. tagmanifest-sha256.txt lists bagit.txt, bag-info.txt,
// manifest-sha256.txt and extra. sign, if not nil, is given the tag manifest and returns the
// files that vouch for it (a detached signature, the signer's certificate); they are written
// last and are not in the tag manifest, which they cover. After Finish the Writer is done,
// whether it succeeded or not.
func (b *Writer) Finish(info []Field, extra []TagFile, sign func(tagManifest []byte) ([]TagFile, error)) error {
	if b.err != nil {
		return b.err
	}
	b.err = errFinished
	bagInfo, err := b.bagInfo(info)
	if err != nil {
		return err
	}
	for _, name := range []string{bagitName, bagInfoName, manifestName, tagManifestName} {
		b.names.add(name)
	}
	if err := b.checkTags(extra); err != nil {
		return err
	}

	slices.SortFunc(b.payload, func(x, y manifestLine) int { return strings.Compare(x.path, y.path) })
	var manifest bytes.Buffer
	for _, l := range b.payload {
		fmt.Fprintf(&manifest, "%s  %s\n", l.sum, pathEncoder.Replace(l.path))
	}
	tags := append([]TagFile{{bagitName, []byte(bagitText)}, {bagInfoName, bagInfo}, {manifestName, manifest.Bytes()}}, extra...)
	listed := slices.Clone(tags)
	slices.SortFunc(listed, func(x, y TagFile) int { return strings.Compare(x.Name, y.Name) })
	var tagManifest bytes.Buffer
	for _, t := range listed {
		sum := sha256.Sum256(t.Data)
		fmt.Fprintf(&tagManifest, "%s  %s\n", hex.EncodeToString(sum[:]), pathEncoder.Replace(t.Name))
	}
	tags = append(tags, TagFile{tagManifestName, tagManifest.Bytes()})
	if err := b.writeTags(tags); err != nil {
		return err
	}

	if sign != nil {
		signed, err := sign(tagManifest.Bytes())
		if err != nil {
			return err
		}
		if err := b.checkTags(signed); err != nil {
			return err
		}
		if err := b.writeTags(signed); err != nil {
			return err
		}
	}
	if err := b.zw.Close(); err != nil {
		return fmt.Errorf("writing the package: %w", err)
	}
	return nil
}

func (b *Writer) bagInfo(info []Field) ([]byte, error) {
	var out bytes.Buffer
	given := map[string]bool{}
	for _, f := range info {
		if why := checkField(f); why != "" {
			return nil, portfolio.Errorf(portfolio.CodeInvalid, "The bag-info.txt field %q cannot be written: %s.", f.Name, why)
		}
		given[strings.ToLower(f.Name)] = true
		fmt.Fprintf(&out, "%s: %s\n", f.Name, strings.TrimSpace(f.Value))
	}
	if !given["payload-oxum"] {
		fmt.Fprintf(&out, "Payload-Oxum: %d.%d\n", b.bytes, len(b.payload))
	}
	if !given["bagging-date"] {
		fmt.Fprintf(&out, "Bagging-Date: %s\n", b.now.Format(time.DateOnly))
	}
	return out.Bytes(), nil
}

// checkField returns why a field cannot be a bag-info.txt line, or "".
func checkField(f Field) string {
	switch {
	case f.Name == "" || strings.TrimSpace(f.Name) != f.Name:
		return "its label is empty or starts or ends with a space"
	case strings.Contains(f.Name, ":"):
		return `its label contains ":"`
	case !utf8.ValidString(f.Name + f.Value):
		return "it is not valid UTF-8"
	case strings.ContainsFunc(f.Name+f.Value, func(r rune) bool { return unicode.IsControl(r) && r != '\t' }):
		return "it contains a line break or another control character"
	}
	return ""
}

// checkTags refuses tag files that are not plain names at the top of the bag or that collide
// with a file already in it.
func (b *Writer) checkTags(tags []TagFile) error {
	for _, t := range tags {
		why := checkName(t.Name)
		if why == "" && strings.Contains(t.Name, "/") {
			why = "is in a folder; tag files go at the top of the package"
		}
		if why != "" {
			return portfolio.Errorf(portfolio.CodeInvalid, "The package cannot hold %q: the name %s.", t.Name, why)
		}
		if clash := b.names.add(t.Name); clash != "" {
			return portfolio.Errorf(portfolio.CodeInvalid, "The package cannot hold %q: %s.", t.Name, clash)
		}
	}
	return nil
}

func (b *Writer) writeTags(tags []TagFile) error {
	for _, t := range tags {
		w, err := b.create(t.Name, zip.Deflate)
		if err != nil {
			return err
		}
		if _, err := w.Write(t.Data); err != nil {
			return fmt.Errorf("writing %s to the package: %w", t.Name, err)
		}
	}
	return nil
}

// create starts a zip entry whose header depends only on name, method and the Writer's clock.
func (b *Writer) create(name string, method uint16) (io.Writer, error) {
	fh := &zip.FileHeader{Name: b.prefix + name, Method: method, Modified: b.now}
	fh.SetMode(0o644)
	w, err := b.zw.CreateHeader(fh)
	if err != nil {
		return nil, fmt.Errorf("writing %s to the package: %w", name, err)
	}
	return w, nil
}
