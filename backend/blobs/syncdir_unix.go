//go:build !windows

package blobs

import (
	"fmt"
	"os"
)

// syncDir flushes a directory so that a rename inside it survives a power cut.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("saving the file: %w", err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("saving the file: %w", err)
	}
	return nil
}
