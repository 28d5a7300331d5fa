package bag

import (
	"archive/zip"
	"compress/flate"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// Limits bound what Open accepts, so that a hostile file cannot make a reviewer's computer
// allocate or decompress without end. A zero field takes its default.
type Limits struct {
	MaxEntries  int     // files and folders in the zip; default 100,000
	MaxExpanded int64   // uncompressed bytes the zip declares in all; default 64 GiB
	MaxRatio    float64 // uncompressed/compressed size, of each entry and of the whole file; default 1000
}

func (l Limits) withDefaults() Limits {
	if l.MaxEntries <= 0 {
		l.MaxEntries = 100_000
	}
	if l.MaxExpanded <= 0 {
		l.MaxExpanded = 64 << 30
	}
	if !(l.MaxRatio > 0) { // NaN too
		// Deflate peaks near 1032:1, on long runs of one byte that real files do not have.
		l.MaxRatio = 1000
	}
	return l
}

// maxTagSize caps bagit.txt, bag-info.txt and the tag manifest, which are a few lines each.
const maxTagSize = 1 << 20

// Bag is an opened package. Its methods read the zip through the io.ReaderAt given to Open,
// which must stay open while they are used; they are safe for concurrent use.
type Bag struct {
	Root string  // the folder the bag sits in inside the zip, "" if none
	Info []Field // bag-info.txt, continuation lines joined; trust it once Verify finds no problem

	src          *source
	files        map[string]*zip.File // every file (folders aside) by its path in the bag
	payload      []string             // the paths under data/, sorted
	tags         []string             // the other paths, sorted
	tagSums      map[string]string    // what the tag manifest lists, when it could be read
	tagProblems  []Problem            // what reading the tag manifest found
	infoProblems []Problem            // what reading bag-info.txt found
}

// Open reads the zip's directory and refuses an unsafe archive before reading any content:
// names that could land outside the folder it is extracted to or overwrite each other, links,
// encrypted entries, zip bombs, entries that overlap or hide data between them, and archives
// beyond limits. Then it reads bag-info.txt and the tag manifest; what is wrong with the bag
// itself is left for Verify to report. A file that is not a zip or is cut short fails with
// CodeInvalid, an unsafe one with CodeRefused, one beyond limits with CodeTooLarge; an error of
// r is returned wrapped.
func Open(r io.ReaderAt, size int64, limits Limits) (*Bag, error) {
	src := &source{r: r}
	b, err := open(src, size, limits.withDefaults())
	if failed := src.failed(); failed != nil {
		return nil, fmt.Errorf("reading the package: %w", failed)
	}
	return b, err
}

func open(src *source, size int64, limits Limits) (*Bag, error) {
	dirStart, dirEnd, err := findDirectory(src, size)
	if err != nil {
		return nil, err
	}
	dir, err := readDirectory(src, dirStart, dirEnd, limits.MaxEntries)
	if err != nil {
		return nil, err
	}
	zr, err := zip.NewReader(src, size)
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) { // the checks below say which name
		return nil, notPackage("its zip directory cannot be read")
	}
	// Both readings of the directory must agree, or the checks below would check other entries
	// than the ones read later.
	if !slices.EqualFunc(zr.File, dir, func(f *zip.File, e dirEntry) bool { return f.Name == e.name }) {
		return nil, notPackage("its zip directory is inconsistent")
	}
	if len(zr.File) == 0 {
		return nil, notPackage("it is an empty zip archive")
	}
	if err := checkEntries(zr.File, size, limits); err != nil {
		return nil, err
	}
	root, err := findRoot(zr.File)
	if err != nil {
		return nil, err
	}
	if err := checkLayout(src, zr.File, dir, dirStart); err != nil {
		return nil, err
	}

	b := &Bag{Root: root, src: src, files: map[string]*zip.File{}}
	for _, f := range zr.File {
		p := f.Name
		if root != "" {
			p = strings.TrimPrefix(p, root+"/")
		}
		if p == "" || strings.HasSuffix(p, "/") {
			continue // a folder
		}
		b.files[p] = f
		if strings.HasPrefix(p, payloadDir) {
			b.payload = append(b.payload, p)
		} else {
			b.tags = append(b.tags, p)
		}
	}
	slices.Sort(b.payload)
	slices.Sort(b.tags)
	b.readTagManifest()
	b.readInfo()
	return b, nil
}

// checkEntries refuses, from the zip directory alone, entries that are unsafe to extract or to
// read, and archives beyond limits.
func checkEntries(files []*zip.File, size int64, limits Limits) error {
	names := newNameSet()
	var total uint64
	for _, f := range files {
		name := f.Name
		folder := strings.HasSuffix(name, "/")
		if why := checkName(strings.TrimSuffix(name, "/")); why != "" {
			return refuse("the name %q %s", name, why)
		}
		mode := f.Mode()
		switch {
		case f.Flags&0x1 != 0:
			return refuse("%q is encrypted", name)
		case mode&fs.ModeSymlink != 0:
			return refuse("%q is a symbolic link, which could point outside the package", name)
		case mode.Type()&^fs.ModeDir != 0:
			return refuse("%q is not a plain file or folder", name)
		case mode.IsDir() != folder:
			return refuse("%q is marked as a folder, but its name does not end with /", name)
		case folder && f.UncompressedSize64 > 0:
			return refuse("the folder %q has content", name)
		case f.Method != zip.Store && f.Method != zip.Deflate:
			return refuse("%q is compressed with a method ReadyFolio does not read", name)
		case f.Method == zip.Store && f.CompressedSize64 != f.UncompressedSize64:
			return refuse("%q is stored uncompressed, yet its two sizes differ", name)
		case float64(f.UncompressedSize64) > limits.MaxRatio*float64(max(f.CompressedSize64, 1)):
			return refuse("%q would expand %.0f times, which only a zip bomb does",
				name, float64(f.UncompressedSize64)/float64(max(f.CompressedSize64, 1)))
		}
		if clash := names.add(name); clash != "" {
			return refuse("%s", clash)
		}
		if f.UncompressedSize64 > uint64(limits.MaxExpanded)-total {
			return portfolio.Errorf(portfolio.CodeTooLarge,
				"This package is too large to open: its files would take more than %s.", formatSize(uint64(limits.MaxExpanded)))
		}
		total += f.UncompressedSize64
	}
	if float64(total) > limits.MaxRatio*float64(size) {
		return refuse("it would expand %.0f times its size, which only a zip bomb does", float64(total)/float64(size))
	}
	return nil
}

// findRoot returns the folder the bag sits in, or "" when the bag is at the top of the zip. A zip
// of several folders and no top-level file is not one package.
func findRoot(files []*zip.File) (string, error) {
	if slices.ContainsFunc(files, func(f *zip.File) bool { return !strings.Contains(f.Name, "/") }) {
		return "", nil
	}
	root, _, _ := strings.Cut(files[0].Name, "/")
	for _, f := range files[1:] {
		if top, _, _ := strings.Cut(f.Name, "/"); top != root {
			return "", refuse("it holds more than one top folder (%q and %q)", root+"/", top+"/")
		}
	}
	return root, nil
}

// Payload returns the paths of the payload files, "data/…", sorted.
func (b *Bag) Payload() []string { return slices.Clone(b.payload) }

// Unlisted returns the files outside data/ that tagmanifest-sha256.txt does not cover, other
// than itself: in a ReadyFolio package, the signature and certificate that Finish's sign added.
// Verify cannot vouch for them; whoever checks the signature must make sure nothing else is here.
func (b *Bag) Unlisted() []string {
	var out []string
	for _, t := range b.tags {
		if _, listed := b.tagSums[t]; !listed && t != tagManifestName {
			out = append(out, t)
		}
	}
	return out
}

// ReadTag returns a tag file at the top of the bag, refusing one larger than maxSize bytes.
func (b *Bag) ReadTag(name string, maxSize int64) ([]byte, error) {
	if strings.Contains(name, "/") {
		return nil, portfolio.Errorf(portfolio.CodeInvalid, "%q is not a tag file at the top of the package.", name)
	}
	f := b.files[name]
	if f == nil {
		return nil, portfolio.Errorf(portfolio.CodeNotFound, "The package has no %s.", show(name))
	}
	if maxSize < 0 || f.UncompressedSize64 > uint64(maxSize) {
		return nil, portfolio.Errorf(portfolio.CodeTooLarge, "%s in the package is %s, more than the %s it may be.",
			name, formatSize(f.UncompressedSize64), formatSize(uint64(max(maxSize, 0))))
	}
	data, problem := b.read(name, maxSize)
	if err := b.src.failed(); err != nil {
		return nil, fmt.Errorf("reading %s from the package: %w", name, err)
	}
	if problem != "" {
		return nil, portfolio.Errorf(portfolio.CodeCorrupt, "%s is %s.", name, problem)
	}
	return data, nil
}

// OpenFile opens a file by its path in the bag, such as "data/portfolio.pdf" or "bagit.txt".
// Reading fails if the entry yields more bytes than the zip declares or fails the zip's checksum.
func (b *Bag) OpenFile(name string) (io.ReadCloser, error) {
	f := b.files[name]
	if f == nil {
		return nil, portfolio.Errorf(portfolio.CodeNotFound, "The package has no %s.", show(name))
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("opening %s in the package: %w", name, err)
	}
	return rc, nil
}

// read returns a file's content, or a problem saying why it cannot be had: declared larger than
// limit (then nothing is read), or damaged.
func (b *Bag) read(name string, limit int64) ([]byte, string) {
	f := b.files[name]
	if f.UncompressedSize64 > uint64(limit) {
		return nil, fmt.Sprintf("larger (%s) than it can need; it was not read", formatSize(f.UncompressedSize64))
	}
	rc, err := f.Open()
	if err != nil {
		return nil, damage(err)
	}
	defer rc.Close()
	data := make([]byte, f.UncompressedSize64)
	if _, err := io.ReadFull(rc, data); err != nil {
		return nil, damage(err)
	}
	// The zip compares the checksum, and finds extra bytes, only at the end.
	if _, err := io.Copy(io.Discard, rc); err != nil {
		return nil, damage(err)
	}
	return data, ""
}

func (b *Bag) readTagManifest() {
	if b.files[tagManifestName] == nil {
		return
	}
	data, problem := b.read(tagManifestName, maxTagSize)
	if problem != "" {
		b.tagProblems = append(b.tagProblems, Problem{tagManifestName, problem})
		return
	}
	lines, problems := parseManifest(data)
	for _, p := range problems {
		b.tagProblems = append(b.tagProblems, Problem{tagManifestName, p})
	}
	b.tagSums = map[string]string{}
	for _, l := range lines {
		switch {
		case strings.HasPrefix(l.path, payloadDir):
			b.tagProblems = append(b.tagProblems, Problem{tagManifestName, fmt.Sprintf("lists %s, which belongs in %s", show(l.path), manifestName)})
		case l.path == tagManifestName:
			b.tagProblems = append(b.tagProblems, Problem{tagManifestName, "lists itself, which it cannot check"})
		default:
			b.tagSums[l.path] = l.sum
		}
	}
}

func (b *Bag) readInfo() {
	if b.files[bagInfoName] == nil {
		return
	}
	data, problem := b.read(bagInfoName, maxTagSize)
	if problem != "" {
		b.infoProblems = append(b.infoProblems, Problem{bagInfoName, problem})
		return
	}
	fields, problems := parseFields(data)
	b.Info = fields
	for _, p := range problems {
		b.infoProblems = append(b.infoProblems, Problem{bagInfoName, p})
	}
}

// damage describes a zip entry that cannot be read back intact.
func damage(err error) string {
	var corrupt flate.CorruptInputError
	switch {
	case errors.Is(err, zip.ErrChecksum):
		return "damaged inside the package: its content does not match the zip's checksum"
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "damaged inside the package: its content is cut short"
	case errors.Is(err, zip.ErrFormat):
		return "damaged inside the package: its content does not match what the zip declares"
	case errors.As(err, &corrupt):
		return "damaged inside the package: its compressed data is broken"
	}
	return fmt.Sprintf("damaged inside the package (%v)", err)
}

// source remembers the first error the underlying reader returned, io.EOF aside, so that a
// damaged archive (reported to the user) can be told from a failing disk (an error to return).
type source struct {
	r   io.ReaderAt
	err atomic.Pointer[error]
}

func (s *source) ReadAt(p []byte, off int64) (int, error) {
	n, err := s.r.ReadAt(p, off)
	if err != nil && err != io.EOF {
		s.err.CompareAndSwap(nil, &err)
	}
	return n, err
}

func (s *source) failed() error {
	if err := s.err.Load(); err != nil {
		return *err
	}
	return nil
}

func refuse(format string, args ...any) error {
	return portfolio.Errorf(portfolio.CodeRefused, "This package is unsafe and was not opened: "+format+".", args...)
}

func tooManyEntries(limit int) error {
	return portfolio.Errorf(portfolio.CodeTooLarge,
		"This package is too large to open: it holds more than %d files and folders.", limit)
}

func notPackage(why string) error {
	return portfolio.Errorf(portfolio.CodeInvalid, "This file is not a ReadyFolio package, or it is damaged: %s.", why)
}

func formatSize(n uint64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	v, i := float64(n)/unit, 0
	for v >= unit && i < 5 {
		v /= unit
		i++
	}
	return fmt.Sprintf("%.1f %ciB", v, "KMGTPE"[i])
}

// Manifest is what manifest-sha256.txt lists: the SHA-256 of each payload file by its path
// ("data/…"), empty when it cannot be read. Trust it once Verify finds no problem.
func (b *Bag) Manifest() map[string]string {
	out := map[string]string{}
	if b.files[manifestName] == nil {
		return out
	}
	data, problem := b.read(manifestName, b.manifestLimit())
	if problem != "" {
		return out
	}
	lines, _ := parseManifest(data)
	for _, l := range lines {
		out[l.path] = l.sum
	}
	return out
}
