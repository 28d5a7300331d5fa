package openbadges

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
	"io"
	"strconv"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

var pngSignature = []byte("\x89PNG\r\n\x1a\n")

// The keywords of the PNG text chunk that holds a baked badge.
const (
	keywordOB2 = "openbadges"          // Open Badges 2.0 (and 1.0, which held a URL in tEXt)
	keywordOB3 = "openbadgecredential" // Open Badges 3.0
)

// readPNG walks the chunks of a PNG, checking each one's CRC, up to IEND, and reads the badge
// from the first text chunk (iTXt, or tEXt/zTXt as older bakers wrote) with a badge keyword.
// Only that chunk is decompressed, at most MaxAssertionSize bytes of it.
func readPNG(data []byte) (Badge, error) {
	var (
		found []byte // the body of the badge's chunk
		kind  string // its chunk type
	)
	rest := data[len(pngSignature):]
	for {
		if len(rest) < 8 {
			return Badge{}, portfolio.Errorf(portfolio.CodeRefused,
				"The PNG file is cut short: it ends before its last chunk (IEND). Download or export the badge again.")
		}
		n := binary.BigEndian.Uint32(rest)
		typ := string(rest[4:8])
		if n > 1<<31-1 {
			return Badge{}, portfolio.Errorf(portfolio.CodeRefused,
				"The PNG file is damaged: a chunk claims to be %d bytes long. Download or export the badge again.", n)
		}
		if uint64(len(rest)-8) < uint64(n)+4 {
			return Badge{}, portfolio.Errorf(portfolio.CodeRefused,
				"The PNG file is cut short: it ends inside %s. Download or export the badge again.", chunkName(typ))
		}
		body := rest[8 : 8+n]
		if crc32.ChecksumIEEE(rest[4:8+n]) != binary.BigEndian.Uint32(rest[8+n:]) {
			return Badge{}, portfolio.Errorf(portfolio.CodeRefused,
				"The PNG file is damaged: %s fails its checksum (CRC). Download or export the badge again.", chunkName(typ))
		}
		rest = rest[12+n:]
		if typ == "IEND" {
			break
		}
		if found == nil && (typ == "iTXt" || typ == "tEXt" || typ == "zTXt") {
			if kw := chunkKeyword(body); kw == keywordOB2 || kw == keywordOB3 {
				found, kind = body, typ
			}
		}
	}
	if found == nil {
		return Badge{}, portfolio.Errorf(portfolio.CodeRefused,
			`This PNG has no Open Badges data (no iTXt chunk "openbadges" or "openbadgecredential"): it is an image, not a baked badge. Ask the issuer for the badge file or the assertion JSON.`)
	}
	keyword := chunkKeyword(found)
	text, err := chunkText(kind, found)
	if err != nil {
		return Badge{}, err
	}
	return fromText(text, containerPNG, "The badge data baked into this PNG (its "+strconv.Quote(keyword)+" chunk)")
}

// chunkName names a chunk in a message ("its iTXt chunk"); its type may be any four bytes in a
// damaged file.
func chunkName(typ string) string {
	for _, c := range []byte(typ) {
		if c < 'A' || c > 'z' || c > 'Z' && c < 'a' {
			return "a chunk with a damaged name"
		}
	}
	return "its " + typ + " chunk"
}

// chunkKeyword returns the keyword that starts a text chunk ("" if there is none).
func chunkKeyword(body []byte) string {
	i := bytes.IndexByte(body, 0)
	if i < 1 || i > 79 {
		return ""
	}
	return string(body[:i])
}

// chunkText returns the text of an iTXt, tEXt or zTXt chunk as UTF-8.
func chunkText(typ string, body []byte) ([]byte, error) {
	malformed := portfolio.Errorf(portfolio.CodeRefused,
		"The PNG's Open Badges chunk is malformed (its %s header is incomplete); ask the issuer for the badge file again.", typ)
	rest := body[bytes.IndexByte(body, 0)+1:]
	switch typ {
	case "tEXt": // Latin-1
		if len(rest) > MaxAssertionSize {
			return nil, tooLarge()
		}
		text := make([]rune, len(rest))
		for i, c := range rest {
			text[i] = rune(c)
		}
		return []byte(string(text)), nil
	case "zTXt": // compression method, then zlib data; Latin-1, which JSON and tokens are in ASCII
		if len(rest) < 1 {
			return nil, malformed
		}
		return inflate(rest[1:])
	}
	// iTXt: compression flag, compression method, language tag \0, translated keyword \0, text.
	if len(rest) < 2 {
		return nil, malformed
	}
	compressed := rest[0] == 1
	rest = rest[2:]
	for range 2 {
		i := bytes.IndexByte(rest, 0)
		if i < 0 {
			return nil, malformed
		}
		rest = rest[i+1:]
	}
	if compressed {
		return inflate(rest)
	}
	return rest, nil
}

// inflate decompresses a zlib stream of at most MaxAssertionSize bytes.
func inflate(z []byte) ([]byte, error) {
	damaged := portfolio.Errorf(portfolio.CodeRefused,
		"The PNG's Open Badges data is compressed, and the compressed data is damaged; download or export the badge again.")
	r, err := zlib.NewReader(bytes.NewReader(z))
	if err != nil {
		return nil, damaged
	}
	text, err := io.ReadAll(io.LimitReader(r, MaxAssertionSize+1))
	if err != nil {
		return nil, damaged
	}
	if len(text) > MaxAssertionSize {
		return nil, tooLarge()
	}
	return text, nil
}

func tooLarge() error {
	return portfolio.Errorf(portfolio.CodeTooLarge,
		"The badge data in this file is larger than 1 MB, far more than a badge holds, so the file was refused. Ask the issuer for the badge file or the assertion JSON.")
}
