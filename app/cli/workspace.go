package cli

import (
	"github.com/readyfolio/readyfolio/backend/datadir"
	"github.com/readyfolio/readyfolio/backend/workspace"
)

// openWorkspace opens the data folder chosen by flag, environment or default. The command line
// takes no window lock: SQLite keeps concurrent use safe, and a backup or a quick `list` must
// work while the app is open.
func openWorkspace(dataDir string) (*workspace.Workspace, error) {
	dir, err := datadir.Resolve(dataDir)
	if err != nil {
		return nil, err
	}
	return workspace.Open(workspace.Options{Dir: dir})
}
