package datadir

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

func TestResolvePrefersFlagThenEnvThenDefault(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", "/xdg")
	t.Setenv(EnvVar, "")
	if got, _ := Resolve(""); got != filepath.Join("/xdg", "ReadyFolio") {
		t.Errorf("default = %q, want /xdg/ReadyFolio", got)
	}
	t.Setenv(EnvVar, "/from/env")
	if got, _ := Resolve(""); got != "/from/env" {
		t.Errorf("env = %q", got)
	}
	if got, _ := Resolve("/from/flag"); got != "/from/flag" {
		t.Errorf("flag = %q", got)
	}
}

func TestPrepareCreatesPrivateFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "nested", "Zoë's portfolio")
	if err := Prepare(dir); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(dir)
	if err != nil {
		t.Fatal(err)
	}
	if perm := info.Mode().Perm(); perm != 0o700 {
		t.Errorf("permissions = %o, want 700", perm)
	}
}

func TestPrepareRefusesAFile(t *testing.T) {
	file := filepath.Join(t.TempDir(), "not-a-folder")
	os.WriteFile(file, []byte("x"), 0o600)
	err := Prepare(file)
	if portfolio.Code(err) != portfolio.CodeInvalid || !strings.Contains(err.Error(), "is a file") {
		t.Fatalf("err = %v", err)
	}
}

func TestSecondLockIsRefusedUntilReleased(t *testing.T) {
	dir := t.TempDir()
	first, err := Acquire(dir)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Acquire(dir)
	if portfolio.Code(err) != portfolio.CodeLocked || !strings.Contains(err.Error(), "already open") {
		t.Fatalf("second acquire: %v", err)
	}
	if err := first.Release(); err != nil {
		t.Fatal(err)
	}
	again, err := Acquire(dir)
	if err != nil {
		t.Fatalf("after release: %v", err)
	}
	again.Release()
}
