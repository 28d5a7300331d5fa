package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

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
// tests cannot click. "Choose files…" gets every path; a dialog that picks one file gets them in
// turn (the first, then the second, …, then the first again), so one run of the app can open a
// PDF and then a package.
const testPickEnv = "READYFOLIO_TEST_PICK_FILES"

type wailsDesktop struct {
	ctx context.Context

	mu    sync.Mutex
	picks int // single-file test picks answered so far
}

func (d *wailsDesktop) Emit(event string, data any) { runtime.EventsEmit(d.ctx, event, data) }

func (d *wailsDesktop) OpenFiles(title string) ([]string, error) {
	if paths := testPicks(); paths != nil {
		return paths, nil
	}
	return runtime.OpenMultipleFilesDialog(d.ctx, runtime.OpenDialogOptions{Title: title})
}

func (d *wailsDesktop) OpenImage(title string) (string, error) {
	if path, ok := d.nextTestPick(); ok {
		return path, nil
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
	if path, ok := d.nextTestPick(); ok {
		return path, nil
	}
	return runtime.OpenFileDialog(d.ctx, runtime.OpenDialogOptions{
		Title:   title,
		Filters: []runtime.FileFilter{{DisplayName: filterName, Pattern: pattern}},
	})
}

// testSaveEnv, when set, makes the save dialog answer without showing itself (for end-to-end
// tests): with the first of its paths (separated as for testPickEnv) whose extension the
// dialog's pattern accepts, else with the first path. One run of the app can so save a PDF and
// a package to paths of the test's choosing.
const testSaveEnv = "READYFOLIO_TEST_SAVE_FILE"

func (d *wailsDesktop) SaveFile(title, defaultName, pattern string) (string, error) {
	if path := testSavePath(os.Getenv(testSaveEnv), pattern); path != "" {
		return path, nil
	}
	return runtime.SaveFileDialog(d.ctx, runtime.SaveDialogOptions{
		Title: title, DefaultFilename: defaultName, CanCreateDirectories: true,
		Filters: []runtime.FileFilter{{DisplayName: pattern, Pattern: pattern}},
	})
}

// testSavePath picks the answer to a save dialog with pattern ("*.pdf", "*.p12;*.pfx") from
// the list value; "" when value is empty.
func testSavePath(value, pattern string) string {
	if value == "" {
		return ""
	}
	paths := strings.Split(value, string(filepath.ListSeparator))
	for _, p := range paths {
		for _, glob := range strings.Split(pattern, ";") {
			if ok, _ := filepath.Match(strings.ToLower(strings.TrimSpace(glob)), strings.ToLower(filepath.Base(p))); ok {
				return p
			}
		}
	}
	return paths[0]
}

func (d *wailsDesktop) OpenFolder(title string) (string, error) {
	return runtime.OpenDirectoryDialog(d.ctx, runtime.OpenDialogOptions{Title: title, CanCreateDirectories: true})
}

// testOpenLogEnv, when set, names a file that OpenURL appends each address to, one a line,
// instead of handing it to the system's opener (for end-to-end tests, which must not start a
// viewer but want to see what would have been opened).
const testOpenLogEnv = "READYFOLIO_TEST_OPEN_LOG"

func (d *wailsDesktop) OpenURL(url string) {
	if log := os.Getenv(testOpenLogEnv); log != "" {
		if f, err := os.OpenFile(log, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600); err == nil {
			fmt.Fprintln(f, url)
			f.Close()
		}
		return
	}
	runtime.BrowserOpenURL(d.ctx, url)
}

func (d *wailsDesktop) Quit() { runtime.Quit(d.ctx) }

// nextTestPick is the single-file dialogs' test answer: testPickEnv's paths in turn.
func (d *wailsDesktop) nextTestPick() (string, bool) {
	paths := testPicks()
	if paths == nil {
		return "", false
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	path := paths[d.picks%len(paths)]
	d.picks++
	return path, true
}

func testPicks() []string {
	v := os.Getenv(testPickEnv)
	if v == "" {
		return nil
	}
	return strings.Split(v, string(filepath.ListSeparator))
}
