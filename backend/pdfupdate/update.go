// Package pdfupdate appends incremental updates to a PDF file (ISO 32000-1 7.5.6): new
// objects, a replacement catalog and a cross-reference section that points back to the
// previous one. Everything is streamed to the end of the file, so embedding gigabytes of
// evidence or signing a large PDF costs the same memory as a small one; the bytes already in
// the file are never rewritten.
//
// It is written for the files ReadyFolio makes (fpdf's classic cross-reference tables and its
// own updates) and refuses a file whose last section is a cross-reference stream, because
// a classic section may not follow one.
package pdfupdate

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"regexp"
	"sort"
	"strconv"

	"github.com/digitorus/pdf"
)

// Update is one incremental update being appended to a file. Objects are written as they are
// added; Finish writes the replacement catalog (when it changed), the cross-reference section
// and the trailer. An Update that is abandoned before Finish leaves a file that readers still
// open as the previous revision, but callers write into a temporary file and discard it.
type Update struct {
	f        *os.File
	w        *bufio.Writer
	offset   int64 // where the next byte goes
	reader   *pdf.Reader
	prevXref int64
	next     uint32           // the next free object number
	written  map[uint32]int64 // object number -> offset of "N 0 obj"
	catalog  map[string]string
	trailer  pdf.Value
}

// Begin reads the file's last trailer and prepares to append after its end.
func Begin(f *os.File) (u *Update, err error) {
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	size := info.Size()
	rdr, err := readPDF(f, size)
	if err != nil {
		return nil, err
	}
	if rdr.XrefInformation.Type != "table" {
		return nil, fmt.Errorf("pdfupdate: the file ends with a cross-reference %s; only tables can be extended", rdr.XrefInformation.Type)
	}
	prev, err := lastStartXref(f, size)
	if err != nil {
		return nil, err
	}
	trailer := rdr.Trailer()
	next := trailer.Key("Size").Int64()
	if next <= 0 || trailer.Key("Root").Kind() != pdf.Dict {
		return nil, fmt.Errorf("pdfupdate: the trailer has no /Size or no catalog")
	}
	if _, err := f.Seek(size, io.SeekStart); err != nil {
		return nil, err
	}
	u = &Update{f: f, w: bufio.NewWriterSize(f, 64<<10), offset: size, reader: rdr, prevXref: prev,
		next: uint32(next), written: map[uint32]int64{}, catalog: map[string]string{}, trailer: trailer}
	// A revision starts on a line of its own, whatever the previous one ended with.
	return u, u.writeString("\n")
}

// readPDF opens the file with digitorus/pdf, which panics on some malformed files.
func readPDF(f io.ReaderAt, size int64) (rdr *pdf.Reader, err error) {
	defer func() {
		if p := recover(); p != nil {
			rdr, err = nil, fmt.Errorf("pdfupdate: the file is not a readable PDF: %v", p)
		}
	}()
	rdr, err = pdf.NewReader(f, size)
	if err != nil {
		return nil, fmt.Errorf("pdfupdate: the file is not a readable PDF: %w", err)
	}
	return rdr, nil
}

var startXrefPattern = regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`)

// lastStartXref reads the offset of the last cross-reference section from the file's tail.
func lastStartXref(f io.ReaderAt, size int64) (int64, error) {
	n := min(size, 1024)
	tail := make([]byte, n)
	if _, err := f.ReadAt(tail, size-n); err != nil {
		return 0, err
	}
	m := startXrefPattern.FindSubmatch(tail)
	if m == nil {
		return 0, fmt.Errorf("pdfupdate: no startxref at the end of the file")
	}
	return strconv.ParseInt(string(m[1]), 10, 64)
}

// Reader reads the file as it was before this update.
func (u *Update) Reader() *pdf.Reader { return u.reader }

// Catalog is the document catalog before this update.
func (u *Update) Catalog() pdf.Value { return u.trailer.Key("Root") }

// NewObject reserves the next object number.
func (u *Update) NewObject() uint32 {
	u.next++
	return u.next - 1
}

// Object writes object num with body, a PDF object in its syntax, and returns the offset in
// the file of body's first byte (a signer needs it to fill a placeholder in later).
func (u *Update) Object(num uint32, body []byte) (int64, error) {
	if err := u.begin(num); err != nil {
		return 0, err
	}
	at := u.offset
	if _, err := u.write(body); err != nil {
		return 0, err
	}
	return at, u.writeString("\nendobj\n")
}

// Stream writes object num as a stream with the dictionary entries dict (without << >>,
// /Length and /Filter) and content from r, deflated when deflate is true, and returns how many
// bytes were read from r. Its length is an indirect object written after the data, so the
// content is never held in memory.
func (u *Update) Stream(num uint32, dict string, r io.Reader, deflate bool) (int64, error) {
	lengthNum := u.NewObject()
	if err := u.begin(num); err != nil {
		return 0, err
	}
	filter := ""
	if deflate {
		filter = " /Filter /FlateDecode"
	}
	if err := u.writeString(fmt.Sprintf("<<%s /Length %d 0 R%s>>\nstream\n", dict, lengthNum, filter)); err != nil {
		return 0, err
	}
	start := u.offset
	read, err := u.copyContent(r, deflate)
	if err != nil {
		return read, err
	}
	length := u.offset - start
	if err := u.writeString("\nendstream\nendobj\n"); err != nil {
		return read, err
	}
	_, err = u.Object(lengthNum, []byte(strconv.FormatInt(length, 10)))
	return read, err
}

// SetCatalog replaces (or adds) one entry of the catalog; value is in PDF syntax, "" removes
// the entry. The replacement catalog is written by Finish.
func (u *Update) SetCatalog(key, value string) { u.catalog[key] = value }

// Finish writes the replacement catalog if an entry changed, then the cross-reference section
// and the trailer, and flushes everything to the file. It returns the file's new size.
func (u *Update) Finish() (int64, error) {
	if len(u.catalog) > 0 {
		if err := u.writeCatalog(); err != nil {
			return 0, err
		}
	}
	xrefAt := u.offset
	var b bytes.Buffer
	b.WriteString("xref\n")
	nums := make([]uint32, 0, len(u.written))
	for n := range u.written {
		nums = append(nums, n)
	}
	sort.Slice(nums, func(i, j int) bool { return nums[i] < nums[j] })
	for i := 0; i < len(nums); {
		j := i + 1
		for j < len(nums) && nums[j] == nums[j-1]+1 {
			j++
		}
		fmt.Fprintf(&b, "%d %d\n", nums[i], j-i)
		for _, n := range nums[i:j] {
			fmt.Fprintf(&b, "%010d 00000 n \n", u.written[n])
		}
		i = j
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root %s", u.next, ref(u.Catalog().GetPtr()))
	if info := u.trailer.Key("Info"); info.Kind() == pdf.Dict {
		b.WriteString(" /Info " + ref(info.GetPtr()))
	}
	if id := u.trailer.Key("ID"); id.Kind() == pdf.Array {
		b.WriteString(" /ID ")
		writeValue(&b, id, u.trailer.GetPtr())
	}
	fmt.Fprintf(&b, " /Prev %d >>\nstartxref\n%d\n%%%%EOF\n", u.prevXref, xrefAt)
	if _, err := u.write(b.Bytes()); err != nil {
		return 0, err
	}
	if err := u.w.Flush(); err != nil {
		return 0, err
	}
	return u.offset, nil
}

// writeCatalog writes the catalog again under its own number: every entry it had, with the
// changes made through SetCatalog, and /Version 1.7 since the additions (/UF in file
// specifications, ETSI.CAdES.detached signatures) are newer than fpdf's PDF 1.3 header.
func (u *Update) writeCatalog() error {
	root := u.Catalog()
	changes := map[string]string{"Version": "/1.7"}
	for k, v := range u.catalog {
		changes[k] = v
	}
	var b bytes.Buffer
	b.WriteString("<<")
	for _, key := range root.Keys() {
		if _, changed := changes[key]; changed {
			continue
		}
		b.WriteString(" " + Name(key) + " ")
		writeValue(&b, root.Key(key), root.GetPtr())
	}
	keys := make([]string, 0, len(changes))
	for k := range changes {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, key := range keys {
		if changes[key] != "" {
			b.WriteString(" " + Name(key) + " " + changes[key])
		}
	}
	b.WriteString(" >>")
	_, err := u.Object(root.GetPtr().GetID(), b.Bytes())
	return err
}

func (u *Update) begin(num uint32) error {
	if _, dup := u.written[num]; dup {
		return fmt.Errorf("pdfupdate: object %d written twice", num)
	}
	u.written[num] = u.offset
	return u.writeString(fmt.Sprintf("%d 0 obj\n", num))
}

func (u *Update) write(p []byte) (int, error) {
	n, err := u.w.Write(p)
	u.offset += int64(n)
	return n, err
}

func (u *Update) writeString(s string) error {
	_, err := u.write([]byte(s))
	return err
}

func ref(p pdf.Ptr) string { return fmt.Sprintf("%d %d R", p.GetID(), p.GetGen()) }
