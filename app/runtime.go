package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"

	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// Desktop is what the services need from the window system: events to the frontend, native
// dialogs and the system's opener. Only wailsDesktop touches Wails' runtime, so everything else
// can be tested without a window.
type Desktop interface {
	Emit(event string, data any)
	OpenFiles(title string) ([]string, error)
	OpenImage(title string) (string, error)
	OpenJSON(title string) (string, error)
	OpenFile(title, filterName, pattern string) (string, error)
	SaveFile(title, defaultName, pattern string) (string, error)
	OpenFolder(title string) (string, error)
	OpenURL(url string)
	Quit()
}

// testPickEnv, when set, makes the file pickers answer with these paths (separated by the
// OS path-list separator) instead of showing a native dialog, which browser-driven end-to-end
// tests cannot click.
const testPickEnv = "READYFOLIO_TEST_PICK_FILES"

type wailsDesktop struct {
	ctx context.Context
}

func (d *wailsDesktop) Emit(event string, data any) { runtime.EventsEmit(d.ctx, event, data) }

func (d *wailsDesktop) OpenFiles(title string) ([]string, error) {
	if paths := testPicks(); paths != nil {
		return paths, nil
	}
	return runtime.OpenMultipleFilesDialog(d.ctx, runtime.OpenDialogOptions{Title: title})
}

func (d *wailsDesktop) OpenImage(title string) (string, error) {
	if paths := testPicks(); paths != nil {
		return paths[0], nil
	}
	return runtime.OpenFileDialog(d.ctx, runtime.OpenDialogOptions{
		Title:   title,
		Filters: []runtime.FileFilter{{DisplayName: "Images", Pattern: "*.jpg;*.jpeg;*.png;*.gif;*.webp"}},
	})
}

func (d *wailsDesktop) OpenJSON(title string) (string, error) {
	return d.OpenFile(title, "CASE framework (JSON)", "*.json")
}

func (d *wailsDesktop) OpenFile(title, filterName, pattern string) (string, error) {
	if paths := testPicks(); paths != nil {
		return paths[0], nil
	}
	return runtime.OpenFileDialog(d.ctx, runtime.OpenDialogOptions{
		Title:   title,
		Filters: []runtime.FileFilter{{DisplayName: filterName, Pattern: pattern}},
	})
}

// testSaveEnv, when set, makes the save dialog answer with this path (for end-to-end tests).
const testSaveEnv = "READYFOLIO_TEST_SAVE_FILE"

func (d *wailsDesktop) SaveFile(title, defaultName, pattern string) (string, error) {
	if path := os.Getenv(testSaveEnv); path != "" {
		return path, nil
	}
	return runtime.SaveFileDialog(d.ctx, runtime.SaveDialogOptions{
		Title: title, DefaultFilename: defaultName, CanCreateDirectories: true,
		Filters: []runtime.FileFilter{{DisplayName: pattern, Pattern: pattern}},
	})
}

func (d *wailsDesktop) OpenFolder(title string) (string, error) {
	return runtime.OpenDirectoryDialog(d.ctx, runtime.OpenDialogOptions{Title: title, CanCreateDirectories: true})
}

func (d *wailsDesktop) OpenURL(url string) { runtime.BrowserOpenURL(d.ctx, url) }

func (d *wailsDesktop) Quit() { runtime.Quit(d.ctx) }

func testPicks() []string {
	v := os.Getenv(testPickEnv)
	if v == "" {
		return nil
	}
	return strings.Split(v, string(filepath.ListSeparator))
}
