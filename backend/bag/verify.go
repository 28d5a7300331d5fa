package bag

import (
	"archive/zip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// requiredTags are the tag files every ReadyFolio bag has and its tag manifest must list.
var requiredTags = []string{bagitName, bagInfoName, manifestName}

// Verify checks the whole bag and returns every problem found, each naming its file: bagit.txt,
// bag-info.txt and its Payload-Oxum, every payload file against manifest-sha256.txt, and the tag
// files against tagmanifest-sha256.txt. The tag manifest itself, and the files it leaves out
// (see Unlisted), only a signature can vouch for. The error is only for a failing reader or a
// cancelled ctx. progress, if not nil, is told how many payload bytes have been hashed so far.
//
// A tag file that differs from the tag manifest is reported once and not read further: its
// content cannot be trusted, and reading it would blame other files for its damage.
func (b *Bag) Verify(ctx context.Context, progress func(done, total int64)) ([]Problem, error) {
	v := &verifier{bag: b, ctx: ctx, seen: map[Problem]bool{}, bad: map[string]bool{}}
	err := v.tagFiles()
	if err == nil {
		v.bagit()
		v.bagInfo()
		err = v.payload(progress)
	}
	if failed := b.src.failed(); failed != nil {
		return nil, fmt.Errorf("reading the package: %w", failed)
	}
	if err != nil {
		return nil, err
	}
	return v.problems, nil
}

type verifier struct {
	bag      *Bag
	ctx      context.Context
	problems []Problem
	seen     map[Problem]bool
	bad      map[string]bool // files reported as damaged or altered
	buf      []byte
}

func (v *verifier) add(file, format string, args ...any) {
	p := Problem{file, fmt.Sprintf(format, args...)}
	if !v.seen[p] {
		v.seen[p] = true
		v.problems = append(v.problems, p)
	}
}

// fail reports a file whose content cannot be trusted.
func (v *verifier) fail(file, message string) {
	v.bad[file] = true
	v.add(file, "%s", message)
}

func (v *verifier) tagFiles() error {
	b := v.bag
	if b.files[tagManifestName] == nil {
		v.add(tagManifestName, "missing from the package, so the tag files cannot be checked")
		return nil
	}
	for _, p := range b.tagProblems {
		v.add(p.File, "%s", p.Message)
	}
	if b.tagSums == nil {
		return nil
	}
	for _, name := range slices.Sorted(maps.Keys(b.tagSums)) {
		f := b.files[name]
		if f == nil {
			if !slices.Contains(requiredTags, name) { // reported as missing below
				v.add(tagManifestName, "lists %s, which is missing", show(name))
			}
			continue
		}
		sum, problem, err := v.hash(f, nil)
		switch {
		case err != nil:
			return err
		case problem != "":
			v.fail(name, problem)
		case sum != b.tagSums[name]:
			v.fail(name, "SHA-256 differs from "+tagManifestName)
		}
	}
	for _, name := range requiredTags {
		if _, listed := b.tagSums[name]; !listed && b.files[name] != nil {
			v.add(tagManifestName, "does not list %s", name)
		}
	}
	return nil
}

func (v *verifier) bagit() {
	b := v.bag
	switch {
	case b.files[bagitName] == nil:
		v.add(bagitName, "missing from the package, so it is not a BagIt package")
		return
	case v.bad[bagitName]:
		return
	}
	data, problem := b.read(bagitName, maxTagSize)
	if problem != "" {
		v.fail(bagitName, problem)
		return
	}
	fields, problems := parseFields(data)
	for _, p := range problems {
		v.add(bagitName, "%s", p)
	}
	version := lookup(fields, "BagIt-Version")
	major, _, isVersion := strings.Cut(version, ".")
	n, err := strconv.ParseUint(major, 10, 16)
	switch {
	case version == "":
		v.add(bagitName, "does not give the BagIt-Version")
	case !isVersion || err != nil:
		v.add(bagitName, "BagIt-Version %q is not a version number", version)
	case n > 1:
		v.add(bagitName, "the package is BagIt %s, newer than the BagIt 1.0 this version of ReadyFolio reads; update ReadyFolio to check it", version)
	case n < 1:
		v.add(bagitName, "the package is BagIt %s, a draft older than the BagIt 1.0 ReadyFolio reads", version)
	}
	switch encoding := lookup(fields, "Tag-File-Character-Encoding"); {
	case encoding == "":
		v.add(bagitName, "does not give the Tag-File-Character-Encoding")
	case !strings.EqualFold(encoding, "UTF-8"):
		v.add(bagitName, "tag files are in %q; ReadyFolio reads only UTF-8", encoding)
	}
}

func (v *verifier) bagInfo() {
	b := v.bag
	switch {
	case b.files[bagInfoName] == nil:
		v.add(bagInfoName, "missing from the package")
		return
	case v.bad[bagInfoName]:
		return
	}
	for _, p := range b.infoProblems {
		v.add(p.File, "%s", p.Message)
	}
	oxum := lookup(b.Info, "Payload-Oxum")
	if oxum == "" {
		return
	}
	var size uint64
	for _, p := range b.payload {
		size += b.files[p].UncompressedSize64
	}
	octets, streams, ok := strings.Cut(oxum, ".")
	wantSize, err1 := strconv.ParseUint(octets, 10, 64)
	wantFiles, err2 := strconv.ParseUint(streams, 10, 64)
	switch {
	case !ok || err1 != nil || err2 != nil:
		v.add(bagInfoName, "Payload-Oxum %q is not \"<bytes>.<files>\"", oxum)
	case wantSize != size || wantFiles != uint64(len(b.payload)):
		v.add(bagInfoName, "Payload-Oxum says %d bytes in %d files, but the payload has %d bytes in %d files",
			wantSize, wantFiles, size, len(b.payload))
	}
}

func (v *verifier) payload(progress func(done, total int64)) error {
	b := v.bag
	switch {
	case b.files[manifestName] == nil:
		v.add(manifestName, "missing from the package, so the payload cannot be checked")
		return nil
	case v.bad[manifestName]:
		return nil
	}
	data, problem := b.read(manifestName, b.manifestLimit())
	if problem != "" {
		v.fail(manifestName, problem)
		return nil
	}
	lines, problems := parseManifest(data)
	for _, p := range problems {
		v.add(manifestName, "%s", p)
	}
	sums := map[string]string{}
	var total int64
	for _, l := range lines {
		f := b.files[l.path]
		switch {
		case !strings.HasPrefix(l.path, payloadDir):
			v.add(manifestName, "lists %s, which is outside data/", show(l.path))
		case f == nil:
			v.add(manifestName, "lists %s, which is missing", show(l.path))
		default:
			sums[l.path] = l.sum
			total += int64(f.UncompressedSize64)
		}
	}
	for _, p := range b.payload {
		if _, listed := sums[p]; !listed {
			v.add(p, "not listed in "+manifestName)
		}
	}

	var done int64
	var read func(int64)
	if progress != nil {
		progress(0, total)
		read = func(n int64) {
			done += n
			progress(done, total)
		}
	}
	for _, p := range slices.Sorted(maps.Keys(sums)) {
		sum, problem, err := v.hash(b.files[p], read)
		switch {
		case err != nil:
			return err
		case problem != "":
			v.fail(p, problem)
		case sum != sums[p]:
			v.fail(p, "SHA-256 differs from the manifest")
		}
	}
	return nil
}

// manifestLimit is the most a manifest of this payload can need: per file a hash, two spaces,
// the path percent-encoded at worst and a line break, doubled for odd spacing and missing files.
// A longer one is not read; it could only list files that are not there.
func (b *Bag) manifestLimit() int64 {
	n := int64(4096)
	for _, p := range b.payload {
		n += 2 * (64 + 2 + 3*int64(len(p)) + 2)
	}
	return n
}

// hash streams a file through SHA-256. problem says why the zip cannot give the file back
// intact; err is for cancellation and a failing reader.
func (v *verifier) hash(f *zip.File, read func(int64)) (sum, problem string, err error) {
	rc, err := f.Open()
	if err == nil {
		defer rc.Close()
		if v.buf == nil {
			v.buf = make([]byte, copyBufferSize)
		}
		h := sha256.New()
		if _, err = io.CopyBuffer(h, &ctxReader{ctx: v.ctx, r: rc, read: read}, v.buf); err == nil {
			return hex.EncodeToString(h.Sum(nil)), "", nil
		}
	}
	if ctxErr := v.ctx.Err(); ctxErr != nil {
		return "", "", ctxErr
	}
	if failed := v.bag.src.failed(); failed != nil {
		return "", "", fmt.Errorf("reading the package: %w", failed)
	}
	return "", damage(err), nil
}

// ctxReader stops a long read when ctx is cancelled and counts what it reads.
type ctxReader struct {
	ctx  context.Context
	r    io.Reader
	read func(int64)
}

func (c *ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	n, err := c.r.Read(p)
	if n > 0 && c.read != nil {
		c.read(int64(n))
	}
	return n, err
}

// parseManifest reads "<SHA-256> <path>" lines (RFC 8493 §2.1.3), keeping the first listing of
// each path. The problems are about the manifest itself.
func parseManifest(data []byte) ([]manifestLine, []string) {
	if !utf8.Valid(data) {
		return nil, []string{"is not UTF-8 text"}
	}
	var lines []manifestLine
	var problems []string
	seen := map[string]bool{}
	for i, line := range splitLines(data) {
		if line == "" {
			continue
		}
		sep := strings.IndexAny(line, " \t")
		if sep < 0 {
			sep = len(line)
		}
		sum, path := line[:sep], decodePath(strings.TrimLeft(line[sep:], " \t"))
		switch {
		case !isSHA256(sum) || path == "":
			problems = append(problems, fmt.Sprintf("line %d is not \"<SHA-256>  <path>\"", i+1))
		case seen[path]:
			problems = append(problems, fmt.Sprintf("lists %s twice", show(path)))
		default:
			seen[path] = true
			lines = append(lines, manifestLine{path, strings.ToLower(sum)})
		}
	}
	return lines, problems
}

func isSHA256(s string) bool {
	if len(s) != 2*sha256.Size {
		return false
	}
	_, err := hex.DecodeString(s)
	return err == nil
}

// parseFields reads "Label: value" lines; a line that starts with a space or a tab continues the
// value above it (RFC 8493 §2.2.2) and is joined to it with one space.
func parseFields(data []byte) ([]Field, []string) {
	if !utf8.Valid(data) {
		return nil, []string{"is not UTF-8 text"}
	}
	var fields []Field
	var problems []string
	for i, line := range splitLines(data) {
		if strings.TrimSpace(line) == "" {
			continue
		}
		if line[0] == ' ' || line[0] == '\t' {
			if len(fields) == 0 {
				problems = append(problems, fmt.Sprintf("line %d continues a value, but none comes before it", i+1))
				continue
			}
			last := &fields[len(fields)-1]
			last.Value = strings.TrimSpace(last.Value + " " + strings.TrimSpace(line))
			continue
		}
		label, value, ok := strings.Cut(line, ":")
		if !ok || strings.TrimSpace(label) == "" {
			problems = append(problems, fmt.Sprintf("line %d is not \"Label: value\"", i+1))
			continue
		}
		fields = append(fields, Field{strings.TrimSpace(label), strings.TrimSpace(value)})
	}
	return fields, problems
}

// splitLines splits at LF, CRLF or CR, all of which RFC 8493 allows.
func splitLines(data []byte) []string {
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	return strings.Split(strings.ReplaceAll(text, "\r", "\n"), "\n")
}

// lookup returns the value of the first field with this label, ignoring case.
func lookup(fields []Field, label string) string {
	for _, f := range fields {
		if strings.EqualFold(f.Name, label) {
			return f.Value
		}
	}
	return ""
}
