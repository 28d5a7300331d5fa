package openbadges

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// PNG keywords of the iTXt chunk that holds a baked badge.
const (
	KeywordOB2 = "openbadges"          // an Open Badges 2.0 assertion (JSON or compact JWS)
	KeywordOB3 = "openbadgecredential" // an Open Badges 3.0 credential (JSON or VC-JWT)
)

// BakePNG bakes text (an assertion or credential) into the PNG image img under keyword, as an
// uncompressed iTXt chunk right after the image header, which is how Open Badges bakers do it.
func BakePNG(img []byte, keyword string, text []byte) ([]byte, error) {
	const afterIHDR = 8 + 4 + 4 + 13 + 4 // signature, then IHDR's length, type, data and CRC
	if !bytes.HasPrefix(img, pngSignature) || len(img) < afterIHDR || string(img[12:16]) != "IHDR" {
		return nil, portfolio.Errorf(portfolio.CodeInvalid, "Only a PNG image can have a badge baked into it.")
	}
	body := append([]byte(keyword), 0, 0, 0, 0, 0) // keyword, then: not compressed, method 0, no language, no translated keyword
	body = append(body, text...)
	out := make([]byte, 0, len(img)+len(body)+12)
	out = append(out, img[:afterIHDR]...)
	out = append(out, pngChunk("iTXt", body)...)
	return append(out, img[afterIHDR:]...), nil
}

// pngChunk encodes one PNG chunk: length, type, data and the CRC of type and data.
func pngChunk(typ string, body []byte) []byte {
	out := binary.BigEndian.AppendUint32(nil, uint32(len(body)))
	out = append(out, typ...)
	out = append(out, body...)
	return binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(out[4:]))
}
