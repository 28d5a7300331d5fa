//go:build !windows

package identity

import (
	"fmt"
	"os"
)

// syncDir flushes a directory so that a rename inside it survives a power cut.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("saving the signing identity: %w", err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("saving the signing identity: %w", err)
	}
	return nil
}
