package cli

import (
	"os"
	"strconv"
	"strings"

	"github.com/readyfolio/readyfolio/backend/datadir"
	"github.com/readyfolio/readyfolio/backend/portfolio"
	"github.com/readyfolio/readyfolio/backend/workspace"
)

// MaxArtifactSizeEnv sets the largest file that can be attached, e.g. "500MB" or "8GiB";
// without it the limit is 4 GiB.
const MaxArtifactSizeEnv = "READYFOLIO_MAX_ARTIFACT_SIZE"

// openWorkspace opens the data folder chosen by flag, environment or default. The command line
// takes no window lock: SQLite keeps concurrent use safe, and a backup or a quick `list` must
// work while the app is open.
func openWorkspace(dataDir string) (*workspace.Workspace, error) {
	dir, err := datadir.Resolve(dataDir)
	if err != nil {
		return nil, err
	}
	limit, err := maxArtifactSize()
	if err != nil {
		return nil, err
	}
	return workspace.Open(workspace.Options{Dir: dir, MaxArtifactSize: limit})
}

// withWorkspace opens the data folder, runs fn on it and closes it again.
func withWorkspace(dataDir string, fn func(ws *workspace.Workspace) error) error {
	ws, err := openWorkspace(dataDir)
	if err != nil {
		return err
	}
	defer ws.Close()
	return fn(ws)
}

// maxArtifactSize reads MaxArtifactSizeEnv; 0 means the default.
func maxArtifactSize() (int64, error) {
	v := strings.TrimSpace(os.Getenv(MaxArtifactSizeEnv))
	if v == "" {
		return 0, nil
	}
	n, err := parseSize(v)
	if err != nil || n <= 0 {
		return 0, portfolio.Errorf(portfolio.CodeInvalid,
			"%s=%q is not a size; write it like 500MB or 8GiB.", MaxArtifactSizeEnv, v)
	}
	return n, nil
}

// parseSize reads a byte count with an optional unit: B, KB, MB, GB (powers of 1000) or KiB,
// MiB, GiB (powers of 1024).
func parseSize(s string) (int64, error) {
	units := []struct {
		suffix string
		factor int64
	}{{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}, {"KB", 1e3}, {"MB", 1e6}, {"GB", 1e9}, {"B", 1}}
	factor := int64(1)
	for _, u := range units {
		if strings.HasSuffix(s, u.suffix) {
			s, factor = strings.TrimSpace(strings.TrimSuffix(s, u.suffix)), u.factor
			break
		}
	}
	n, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, err
	}
	return int64(n * float64(factor)), nil
}
