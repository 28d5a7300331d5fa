package exchange

import (
	"path"
	"strings"
	"unicode"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// ArtifactPaths names where each file of an entry travels in a PDF's attachments or a package:
// "artifacts/<entry folder>/<file name>". Names are readable (the entry's title and the file's
// own name), safe on every file system (no separators, controls or reserved characters, at most
// 80 characters) and unique within the entry (a second "notes.pdf" becomes "notes-2.pdf").
// The entry folder ends with the start of the entry's id, so two entries never share a folder.
func ArtifactPaths(e portfolio.Entry) map[string]string {
	folder := safeName(e.Title, 40)
	if folder == "" {
		folder = "entry"
	}
	folder += "-" + shortID(e.ID)
	paths := map[string]string{}
	taken := map[string]bool{}
	for _, a := range e.Artifacts {
		if a.Type != portfolio.ArtifactFile {
			continue
		}
		name := uniqueName(safeName(a.FileName, 80), taken)
		taken[strings.ToLower(name)] = true
		paths[a.ID] = path.Join("artifacts", folder, name)
	}
	return paths
}

// CredentialPaths names where each credential's file travels, by credential id:
// "credentials/<credential id>/<file name>", made safe as ArtifactPaths makes an artifact's.
// Credentials without a file have no path. Each credential has a folder of its own, even when
// two ids are the same once made safe.
func CredentialPaths(credentials []portfolio.Credential) map[string]string {
	paths := map[string]string{}
	folders := map[string]bool{}
	for _, c := range credentials {
		if c.SHA256 == "" {
			continue
		}
		folder := safeName(c.ID, 80)
		if folder == "" {
			folder = "credential"
		}
		folder = uniqueName(folder, folders)
		folders[strings.ToLower(folder)] = true
		paths[c.ID] = path.Join("credentials", folder, uniqueName(safeName(c.FileName, 80), nil))
	}
	return paths
}

func uniqueName(name string, taken map[string]bool) string {
	if name == "" {
		name = "file"
	}
	ext := path.Ext(name)
	stem := strings.TrimSuffix(name, ext)
	candidate := name
	for n := 2; taken[strings.ToLower(candidate)]; n++ {
		candidate = stem + "-" + itoa(n) + ext
	}
	return candidate
}

// safeName keeps letters (any script), digits and a few punctuation marks, turns runs of
// anything else into one "-", and cuts the result at max runes.
func safeName(s string, max int) string {
	var b strings.Builder
	dash := false
	n := 0
	for _, r := range strings.TrimSpace(s) {
		ok := unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("._-()", r)
		if !ok {
			if !dash && b.Len() > 0 {
				b.WriteByte('-')
				dash = true
				n++
			}
			continue
		}
		b.WriteRune(r)
		dash = false
		n++
		if n >= max {
			break
		}
	}
	return strings.ReplaceAll(strings.Trim(b.String(), "-."), "-.", ".")
}

func shortID(id string) string {
	id = strings.ReplaceAll(id, "-", "")
	if len(id) > 8 {
		return id[len(id)-8:]
	}
	return id
}

func itoa(n int) string {
	const digits = "0123456789"
	if n < 10 {
		return digits[n : n+1]
	}
	return itoa(n/10) + digits[n%10:n%10+1]
}
