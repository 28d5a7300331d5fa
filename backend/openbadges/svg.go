package openbadges

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// readSVG finds the first <openbadges:assertion> (2.0) or <openbadges:credential> (3.0) element
// of an SVG and reads the badge from it: a JWS or JWT in its verify attribute, else the JSON in
// its text. encoding/xml expands no entities beyond XML's own five and fetches nothing, and the
// file is already bounded by MaxFileSize.
func readSVG(data []byte) (Badge, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.CharsetReader = func(label string, r io.Reader) (io.Reader, error) {
		switch strings.ToLower(label) {
		case "utf-8", "utf8", "us-ascii", "ascii":
			return r, nil
		}
		return nil, fmt.Errorf("it is saved as %q rather than UTF-8", label)
	}
	root := true
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return Badge{}, xmlError(err)
		}
		start, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if root {
			root = false
			if start.Name.Local != "svg" {
				return Badge{}, portfolio.Errorf(portfolio.CodeRefused,
					"This file is XML but not an SVG image (it starts with <%s>), so it holds no badge. Choose the badge file (a PNG or SVG image with the badge baked in, or the badge's JSON).",
					quoteName(start.Name.Local))
			}
		}
		if !isBadgeElement(start.Name) {
			continue
		}
		var el struct {
			Verify string `xml:"verify,attr"`
			Text   string `xml:",chardata"`
		}
		if err := d.DecodeElement(&el, &start); err != nil {
			return Badge{}, xmlError(err)
		}
		where := "The badge data baked into this SVG (its <openbadges:" + start.Name.Local + "> element)"
		text, verify := []byte(el.Text), trimText([]byte(el.Verify))
		if looksLikeToken(verify) || len(trimText(text)) == 0 {
			text = verify
		}
		return fromText(text, containerSVG, where)
	}
	if root {
		return Badge{}, portfolio.Errorf(portfolio.CodeRefused,
			"This file starts like XML but has no element at all, so it is not an SVG image with a badge. Choose the badge file (a PNG or SVG image with the badge baked in, or the badge's JSON).")
	}
	return Badge{}, portfolio.Errorf(portfolio.CodeRefused,
		"This SVG has no Open Badges data (no <openbadges:assertion> or <openbadges:credential> element): it is an image, not a baked badge. Ask the issuer for the badge file or the assertion JSON.")
}

// isBadgeElement tells the baking elements by their local name and namespace: 2.0 binds the
// prefix to http://openbadges.org, 3.0 to https://purl.imsglobal.org/ob/v3p0. A prefix left
// undeclared arrives as the namespace "openbadges" and is accepted too.
func isBadgeElement(n xml.Name) bool {
	space := strings.ToLower(n.Space)
	switch n.Local {
	case "assertion":
		return space == "openbadges" || strings.Contains(space, "openbadges.org")
	case "credential":
		return space == "openbadges" || strings.Contains(space, "purl.imsglobal.org/") && strings.Contains(space, "ob/v3p0")
	}
	return false
}

// xmlError explains why an SVG could not be read.
func xmlError(err error) error {
	var syntax *xml.SyntaxError
	if errors.As(err, &syntax) {
		return portfolio.Errorf(portfolio.CodeRefused,
			"This SVG is not well-formed XML (line %d: %s); it is damaged or not an SVG. Download or export the badge again.",
			syntax.Line, syntax.Msg)
	}
	return portfolio.Errorf(portfolio.CodeRefused,
		"This SVG could not be read (%v); save it as UTF-8 or ask the issuer for the badge file again.", err)
}

// quoteName shows an element name from the file, cut short if long.
func quoteName(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}
