package pdfupdate

import (
	"bytes"
	"compress/zlib"
	"context"
	"fmt"
	"io"
	"sort"
)

// EmbeddedFile is a file to embed in the document's /EmbeddedFiles name tree, the
// document-level attachments that PDF readers list in their attachments panel.
type EmbeddedFile struct {
	Name        string // unique within the document; shown by readers
	Description string
	MediaType   string // e.g. image/jpeg
	Size        int64  // the size of the content, recorded in /Params
	Deflate     bool   // false for media that is already compressed (JPEG, PNG, ZIP…)
	Open        func() (io.ReadCloser, error)
}

// EmbedFiles writes each file as an embedded file stream with its file specification and
// points the catalog's /Names /EmbeddedFiles at them, keeping any other name trees. Files are
// copied one at a time; ctx is checked between files and progress (may be nil) is told after
// each one.
func (u *Update) EmbedFiles(ctx context.Context, files []EmbeddedFile, progress func(done, total int)) error {
	type named struct {
		name string
		spec uint32
	}
	tree := make([]named, 0, len(files))
	seen := map[string]bool{}
	for i, file := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		if seen[file.Name] {
			return fmt.Errorf("pdfupdate: two embedded files are named %q", file.Name)
		}
		seen[file.Name] = true
		spec, err := u.embed(file)
		if err != nil {
			return err
		}
		tree = append(tree, named{file.Name, spec})
		if progress != nil {
			progress(i+1, len(files))
		}
	}
	// Readers look names up by binary search comparing the decoded text (qpdf does), so the
	// keys are sorted as text, not by their encoded bytes, which put UTF-16 keys last.
	sort.Slice(tree, func(i, j int) bool { return tree[i].name < tree[j].name })
	var b bytes.Buffer
	b.WriteString("<<")
	names := u.Catalog().Key("Names")
	for _, k := range names.Keys() {
		if k != "EmbeddedFiles" {
			b.WriteString(" " + Name(k) + " ")
			writeValue(&b, names.Key(k), u.Catalog().GetPtr())
		}
	}
	b.WriteString(" /EmbeddedFiles << /Names [")
	for i, n := range tree {
		if i > 0 {
			b.WriteString(" ")
		}
		fmt.Fprintf(&b, "%s %d 0 R", Text(n.name), n.spec)
	}
	b.WriteString("] >> >>")
	u.SetCatalog("Names", b.String())
	return nil
}

// embed writes one file's stream and its file specification, and returns the specification's
// object number.
func (u *Update) embed(file EmbeddedFile) (uint32, error) {
	if file.Open == nil {
		return 0, fmt.Errorf("pdfupdate: %q has no content", file.Name)
	}
	rc, err := file.Open()
	if err != nil {
		return 0, err
	}
	defer rc.Close()
	stream := u.NewObject()
	dict := fmt.Sprintf(" /Type /EmbeddedFile /Params << /Size %d >>", file.Size)
	if file.MediaType != "" {
		dict = " /Subtype " + Name(file.MediaType) + dict
	}
	n, err := u.Stream(stream, dict, rc, file.Deflate)
	if err != nil {
		return 0, err
	}
	if n != file.Size {
		return 0, fmt.Errorf("pdfupdate: %q is %d bytes, not the %d announced", file.Name, n, file.Size)
	}
	spec := u.NewObject()
	name := Text(file.Name)
	body := fmt.Sprintf("<< /Type /Filespec /F %s /UF %s /EF << /F %d 0 R /UF %d 0 R >>", name, name, stream, stream)
	if file.Description != "" {
		body += " /Desc " + Text(file.Description)
	}
	body += " >>"
	_, err = u.Object(spec, []byte(body))
	return spec, err
}

// copyContent copies a stream's content from r, deflating it on the way when asked.
func (u *Update) copyContent(r io.Reader, deflate bool) (int64, error) {
	out := io.Writer(updateWriter{u})
	var zw *zlib.Writer
	if deflate {
		zw = zlib.NewWriter(out) // /FlateDecode is zlib-wrapped deflate (RFC 1950)
		out = zw
	}
	n, err := io.Copy(out, r)
	if err != nil {
		return n, err
	}
	if zw != nil {
		err = zw.Close()
	}
	return n, err
}

// updateWriter writes through the update, keeping its offset count.
type updateWriter struct{ u *Update }

func (w updateWriter) Write(p []byte) (int, error) { return w.u.write(p) }
