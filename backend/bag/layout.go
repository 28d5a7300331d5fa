package bag

import (
	"archive/zip"
	"bufio"
	"cmp"
	"encoding/binary"
	"fmt"
	"io"
	"slices"
)

// Zip records (APPNOTE.TXT section 4.3): signatures and fixed lengths.
const (
	localHeaderSig   = 0x04034b50
	centralHeaderSig = 0x02014b50
	endSig           = 0x06054b50
	end64Sig         = 0x06064b50
	end64LocatorSig  = 0x07064b50

	localHeaderLen   = 30
	centralHeaderLen = 46
	endLen           = 22
	end64Len         = 56
	end64LocatorLen  = 20
)

// findDirectory finds the central directory as archive/zip does and insists that it ends where
// the end record starts, with nothing before the zip: records that disagree about where things
// are make tools read different files from one archive, which is how a hidden file gets past a
// check.
func findDirectory(r io.ReaderAt, size int64) (start, end int64, err error) {
	if size < endLen {
		return 0, 0, notPackage("it is not a zip archive")
	}
	tail := make([]byte, min(size, 65*1024))
	if err := readAt(r, tail, size-int64(len(tail))); err != nil {
		return 0, 0, notPackage("it cannot be read")
	}
	i := len(tail) - endLen
	for i >= 0 && le32(tail[i:]) != endSig {
		i--
	}
	if i < 0 || i+endLen+int(le16(tail[i+20:])) > len(tail) {
		return 0, 0, notPackage("it is not a zip archive, or its end is missing")
	}
	end = size - int64(len(tail)) + int64(i)
	length, offset := uint64(le32(tail[i+12:])), uint64(le32(tail[i+16:]))
	if le16(tail[i+10:]) == 0xffff || length == 0xffffffff || offset == 0xffffffff {
		// A zip64 archive, if the locator is there; archive/zip goes on without one too.
		var loc [end64LocatorLen]byte
		if end >= end64LocatorLen && readAt(r, loc[:], end-end64LocatorLen) == nil && le32(loc[:]) == end64LocatorSig {
			at := le64(loc[8:])
			var rec [end64Len]byte
			if at > uint64(end) || readAt(r, rec[:], int64(at)) != nil || le32(rec[:]) != end64Sig {
				return 0, 0, notPackage("its zip64 end record is missing")
			}
			length, offset, end = le64(rec[40:]), le64(rec[48:]), int64(at)
		}
	}
	if offset > uint64(end) || length != uint64(end)-offset {
		return 0, 0, notPackage("its zip directory is not where its end record says")
	}
	return int64(offset), end, nil
}

// dirEntry is what readDirectory keeps of a central directory header.
type dirEntry struct {
	name   string
	offset uint64 // of the local header
}

// readDirectory reads the central directory between start and end, refusing more than maxEntries
// entries before archive/zip allocates a header for each: a file of empty entries would
// otherwise cost five times its size in memory.
func readDirectory(r io.ReaderAt, start, end int64, maxEntries int) ([]dirEntry, error) {
	br := bufio.NewReader(io.NewSectionReader(r, start, end-start))
	var entries []dirEntry
	for {
		var h [centralHeaderLen]byte
		if _, err := io.ReadFull(br, h[:]); err == io.EOF {
			return entries, nil
		} else if err != nil || le32(h[:]) != centralHeaderSig {
			return nil, notPackage("its zip directory is damaged")
		}
		if len(entries) == maxEntries {
			return nil, tooManyEntries(maxEntries)
		}
		nameLen, extraLen, commentLen := int(le16(h[28:])), int(le16(h[30:])), int(le16(h[32:]))
		rest := make([]byte, nameLen+extraLen+commentLen)
		if _, err := io.ReadFull(br, rest); err != nil {
			return nil, notPackage("its zip directory is damaged")
		}
		e := dirEntry{name: string(rest[:nameLen]), offset: uint64(le32(h[42:]))}
		if e.offset == 0xffffffff {
			var ok bool
			if e.offset, ok = zip64Offset(h[:], rest[nameLen:nameLen+extraLen]); !ok {
				return nil, notPackage("its zip directory is damaged")
			}
		}
		entries = append(entries, e)
	}
}

// zip64Offset reads a local header offset from the zip64 extra field, where it follows the two
// sizes that do not fit in 32 bits, the way archive/zip reads it.
func zip64Offset(header, extra []byte) (offset uint64, found bool) {
	for len(extra) >= 4 {
		tag, n := le16(extra), int(le16(extra[2:]))
		extra = extra[4:]
		if len(extra) < n {
			break
		}
		field := extra[:n]
		extra = extra[n:]
		if tag != 1 {
			continue
		}
		for _, size := range []uint32{le32(header[24:]), le32(header[20:])} { // uncompressed, compressed
			if size == 0xffffffff {
				if len(field) < 8 {
					return 0, false
				}
				field = field[8:]
			}
		}
		if len(field) < 8 {
			return 0, false
		}
		offset, found = le64(field), true
	}
	return offset, found
}

// checkLayout reads each entry's local header and makes sure the entries follow one another
// without overlapping, carry the names and compression methods the directory gives them, and
// leave no room between them for another entry. Overlapping entries are how a small file
// expands to petabytes; a different local header or an entry hidden in a gap would make a tool
// that reads local headers extract files this check never saw.
func checkLayout(r io.ReaderAt, files []*zip.File, dir []dirEntry, dirStart int64) error {
	order := make([]int, len(files))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(dir[a].offset, dir[b].offset) })
	limit := uint64(dirStart)
	var pos uint64 // where the previous entry ended
	for _, i := range order {
		f, at := files[i], dir[i].offset
		switch {
		case at < pos:
			return refuse("%q overlaps another entry, a trick zip bombs use", f.Name)
		case at > limit || limit-at < localHeaderLen:
			return refuse("%q overlaps the zip directory", f.Name)
		case at-pos >= localHeaderLen:
			return refuse("%d bytes before %q belong to no entry, room for a file other tools would find", at-pos, f.Name)
		}
		var h [localHeaderLen]byte
		if readAt(r, h[:], int64(at)) != nil || le32(h[:]) != localHeaderSig {
			return notPackage(fmt.Sprintf("the start of %q is missing", f.Name))
		}
		nameLen, extraLen := uint64(le16(h[26:])), uint64(le16(h[28:]))
		if limit-at-localHeaderLen < nameLen+extraLen || limit-at-localHeaderLen-nameLen-extraLen < f.CompressedSize64 {
			return refuse("%q overlaps the zip directory", f.Name)
		}
		name := make([]byte, nameLen)
		if readAt(r, name, int64(at)+localHeaderLen) != nil {
			return notPackage(fmt.Sprintf("the start of %q is missing", f.Name))
		}
		if string(name) != f.Name {
			return refuse("%q is named %q in its local header, so other tools would extract it under that name", f.Name, name)
		}
		if le16(h[8:]) != f.Method {
			return refuse("%q has another compression method in its local header, so other tools would extract other content", f.Name)
		}
		pos = at + localHeaderLen + nameLen + extraLen + f.CompressedSize64
	}
	if limit-pos >= localHeaderLen {
		return refuse("%d bytes before the zip directory belong to no entry, room for a file other tools would find", limit-pos)
	}
	return nil
}

// readAt fills p from off; a short read is an error even when the reader says nothing.
func readAt(r io.ReaderAt, p []byte, off int64) error {
	n, err := r.ReadAt(p, off)
	if n == len(p) {
		return nil
	}
	if err == nil {
		err = io.ErrUnexpectedEOF
	}
	return err
}

func le16(b []byte) uint16 { return binary.LittleEndian.Uint16(b) }
func le32(b []byte) uint32 { return binary.LittleEndian.Uint32(b) }
func le64(b []byte) uint64 { return binary.LittleEndian.Uint64(b) }
