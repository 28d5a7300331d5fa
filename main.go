// ReadyFolio keeps an educator's evidence of AI leadership in a local portfolio. Without a
// subcommand it opens the desktop app; with one it runs headless (see `readyfolio help`).
package main

import (
	"embed"
	"io/fs"
	"os"

	"github.com/readyfolio/readyfolio/app"
	"github.com/readyfolio/readyfolio/app/cli"
)

//go:embed all:frontend/dist
var embedded embed.FS

// version is stamped at build time with -ldflags "-X main.version=...".
var version = "0.0.0-dev"

func main() {
	os.Exit(cli.Main(os.Args[1:], cli.Env{
		Version: version,
		Stdout:  os.Stdout,
		Stderr:  os.Stderr,
		RunGUI: func(dataDir string, maxArtifactSize int64) error {
			assets, err := fs.Sub(embedded, "frontend/dist")
			if err != nil {
				return err
			}
			return app.RunGUI(assets, dataDir, version, maxArtifactSize)
		},
	}))
}
