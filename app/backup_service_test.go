package app

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/readyfolio/readyfolio/backend/backup"
	"github.com/readyfolio/readyfolio/backend/portfolio"
	"github.com/readyfolio/readyfolio/backend/workspace"
	"github.com/readyfolio/readyfolio/backend/ziptest"
)

// backupDay is a local time late in the evening: the automatic backup names its local day.
var backupDay = time.Date(2026, 11, 30, 22, 45, 0, 0, time.FixedZone("EST", -5*3600))

func backupService(session *Session, desk *fakeDesktop, now time.Time) *BackupService {
	return &BackupService{ctx: context.Background(), session: session, desktop: desk, now: func() time.Time { return now }}
}

func listEntries(t *testing.T, session *Session) []string {
	t.Helper()
	entries, err := (&EntryService{ctx: context.Background(), session: session}).List(portfolio.EntryFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, e := range entries {
		titles = append(titles, e.Title)
	}
	return titles
}

// backUp saves a backup of the session's portfolio through BackUpNow into a new folder.
func backUp(t *testing.T, session *Session) (string, backup.Report, *fakeDesktop) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "Zoë backup.zip")
	desk := &fakeDesktop{picks: []string{path}}
	report, err := backupService(session, desk, backupDay).BackUpNow()
	if err != nil {
		t.Fatalf("BackUpNow: %v", err)
	}
	return path, report, desk
}

func TestBackUpNowWritesAVerifiedBackupWithProgress(t *testing.T) {
	session := demoSession(t)
	path, report, desk := backUp(t, session)
	entries := listEntries(t, session)
	if report.Path != path || report.Entries != len(entries) || report.Artifacts == 0 || !report.Identity {
		t.Fatalf("report %+v for %d entries", report, len(entries))
	}
	if info, err := os.Stat(path); err != nil || info.Size() != report.Bytes || info.Mode().Perm() != 0o600 {
		t.Fatalf("the backup on disk: %v, %v; report says %d bytes", info, err, report.Bytes)
	}
	sum, err := backup.Inspect(context.Background(), path, nil)
	if err != nil || sum.Entries != len(entries) || sum.MadeBy != "ReadyFolio test" || !sum.Identity {
		t.Errorf("the backup checks as %+v, %v", sum, err)
	}
	progress := desk.sent("backup:progress")
	if len(progress) < 2 {
		t.Fatalf("progress events %v", progress)
	}
	first, last := progress[0].(BackupProgress), progress[len(progress)-1].(BackupProgress)
	if first.Stage != StageBackup || first.Done != 0 || last.Done != last.Total || last.Total == 0 {
		t.Errorf("progress from %+v to %+v", first, last)
	}

	// Cancelled save dialog: nothing, and no error.
	if r, err := backupService(session, &fakeDesktop{picks: []string{""}}, backupDay).BackUpNow(); err != nil || r.Path != "" {
		t.Errorf("a cancelled dialog: %+v, %v", r, err)
	}
	// A name without an extension gets .zip.
	bare := filepath.Join(t.TempDir(), "my backup")
	if r, err := backupService(session, &fakeDesktop{picks: []string{bare}}, backupDay).BackUpNow(); err != nil || r.Path != bare+".zip" {
		t.Errorf("a name without extension: %+v, %v", r, err)
	}
	// Never over the data folder's own files.
	ws, _ := session.workspace()
	db := filepath.Join(ws.Dir, "portfolio.db")
	before, _ := os.ReadFile(db)
	_, err = backupService(session, &fakeDesktop{picks: []string{db}}, backupDay).BackUpNow()
	if err == nil || !strings.Contains(err.Error(), "outside the data folder") {
		t.Errorf("a backup over portfolio.db: %v", err)
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
		t.Error("portfolio.db changed")
	}
}

// waitAuto waits for the n-th "backup:auto" event.
func waitAuto(t *testing.T, desk *fakeDesktop, n int) AutoBackup {
	t.Helper()
	for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if sent := desk.sent("backup:auto"); len(sent) >= n {
			return sent[n-1].(AutoBackup)
		}
	}
	t.Fatalf("no automatic backup event %d", n)
	return AutoBackup{}
}

func TestAutomaticBackupRunsOnceADayInTheBackgroundAndSaysSo(t *testing.T) {
	session := demoSession(t)
	ws, _ := session.workspace()
	desk := &fakeDesktop{}
	svc := backupService(session, desk, backupDay)

	svc.startAuto()
	got := waitAuto(t, desk, 1)
	want := filepath.Join(ws.Dir, "backups", "readyfolio-2026-11-30.zip")
	if got.State != AutoMade || got.Path != want || got.Date != "2026-11-30" || got.Message != "" {
		t.Fatalf("first start: %+v", got)
	}
	if status := svc.AutoStatus(); status != got {
		t.Errorf("AutoStatus %+v, event %+v", status, got)
	}
	if _, err := backup.Inspect(context.Background(), want, nil); err != nil {
		t.Errorf("the automatic backup: %v", err)
	}

	svc.startAuto() // a second start the same day
	if got := waitAuto(t, desk, 2); got.State != AutoExists || got.Path != want {
		t.Errorf("second start the same day: %+v", got)
	}
	svc.now = func() time.Time { return backupDay.Add(24 * time.Hour) }
	svc.startAuto()
	if got := waitAuto(t, desk, 3); got.State != AutoMade || filepath.Base(got.Path) != "readyfolio-2026-12-01.zip" {
		t.Errorf("the next day: %+v", got)
	}
	listed, err := svc.ListAutomatic()
	if err != nil || len(listed) != 2 || listed[0].Name != "readyfolio-2026-12-01.zip" || listed[1].Bytes == 0 {
		t.Errorf("ListAutomatic = %+v, %v", listed, err)
	}
}

func TestAutomaticBackupFailureIsReportedAndTheFolderStaysOpen(t *testing.T) {
	session := demoSession(t)
	ws, _ := session.workspace()
	os.WriteFile(filepath.Join(ws.Dir, "backups"), []byte("a file where the folder should be"), 0o600)
	desk := &fakeDesktop{}
	svc := backupService(session, desk, backupDay)
	svc.startAuto()
	got := waitAuto(t, desk, 1)
	if got.State != AutoFailed || !strings.Contains(got.Message, "Cannot create the folder for automatic backups") {
		t.Fatalf("a failed automatic backup: %+v", got)
	}
	if len(listEntries(t, session)) == 0 {
		t.Error("the portfolio is not usable after the failure")
	}

	// A folder that could not be opened gets no automatic backup, and no event.
	corrupt := t.TempDir()
	os.WriteFile(filepath.Join(corrupt, "portfolio.db"), []byte("not sqlite"), 0o600)
	desk = &fakeDesktop{}
	svc = backupService(newSession(t, corrupt), desk, backupDay)
	svc.startAuto()
	time.Sleep(50 * time.Millisecond)
	if status := svc.AutoStatus(); status.State != "" || len(desk.sent("backup:auto")) != 0 {
		t.Errorf("a folder that was not opened: %+v, %v", status, desk.sent("backup:auto"))
	}
	if _, err := os.Stat(filepath.Join(corrupt, "backups")); err == nil {
		t.Error("a backups folder was made in a folder that was not opened")
	}
}

func TestClosingTheFolderStopsTheAutomaticBackup(t *testing.T) {
	session := demoSession(t)
	ws, _ := session.workspace()
	svc := backupService(session, &fakeDesktop{}, backupDay)
	svc.startAuto()
	session.Close() // waits for it to stop
	if svc.AutoStatus().State == AutoRunning {
		t.Errorf("still running after the folder closed: %+v", svc.AutoStatus())
	}
	// Whatever it got to, there is no half-written file.
	entries, _ := os.ReadDir(filepath.Join(ws.Dir, "backups"))
	for _, e := range entries {
		if e.Name() != "readyfolio-2026-11-30.zip" {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

func TestRestoreReplacesTheOpenPortfolioAfterASafetyBackup(t *testing.T) {
	session := demoSession(t)
	path, report, _ := backUp(t, session)
	old := listEntries(t, session)
	added, err := (&EntryService{ctx: context.Background(), session: session}).New("artifact", "Added after the backup")
	if err != nil {
		t.Fatal(err)
	}
	ws, _ := session.workspace()

	desk := &fakeDesktop{picks: []string{path}}
	svc := backupService(session, desk, backupDay)
	c, err := svc.ChooseRestore()
	if err != nil {
		t.Fatalf("ChooseRestore: %v", err)
	}
	if c.Path != path || c.Token == "" || c.Backup.Entries != report.Entries || c.Backup.Artifacts != report.Artifacts ||
		!c.Backup.Identity || c.Backup.MadeBy != "ReadyFolio test" || c.CurrentEntries != len(old)+1 || !c.SamePortfolio {
		t.Fatalf("candidate %+v", c)
	}
	if made, _ := time.Parse(time.RFC3339, c.Backup.Made); !made.Equal(backupDay) {
		t.Errorf("made %q", c.Backup.Made)
	}
	if p := desk.sent("backup:progress"); len(p) == 0 || p[len(p)-1].(BackupProgress).Stage != StageInspect {
		t.Errorf("no progress while checking: %v", p)
	}

	restored, err := svc.Restore(c.Path, c.Token)
	if err != nil {
		t.Fatalf("Restore: %v", err)
	}
	if restored.Backup.Entries != report.Entries || restored.PreviousAsFiles ||
		!strings.HasPrefix(restored.Previous, filepath.Join(ws.Dir, "backups", "readyfolio-before-restore-2026-11-30-224500")) {
		t.Fatalf("report %+v", restored)
	}
	// The reopened workspace shows the restored portfolio: the entry added later is gone.
	now := listEntries(t, session)
	if strings.Join(now, "|") != strings.Join(old, "|") {
		t.Errorf("entries after the restore %v, want %v", now, old)
	}
	if _, err := (&EntryService{ctx: context.Background(), session: session}).Get(added.ID); err == nil {
		t.Error("the entry added after the backup is still there")
	}
	if st := session.status(context.Background()); !st.Ready {
		t.Errorf("status after the restore %+v", st)
	}
	// The safety backup holds the replaced portfolio, the added entry with it.
	safety, err := backup.Inspect(context.Background(), restored.Previous, nil)
	if err != nil || safety.Entries != len(old)+1 {
		t.Errorf("the safety backup: %+v, %v", safety, err)
	}
	listed, _ := svc.ListAutomatic()
	if len(listed) != 1 || listed[0].Kind != backup.KindBeforeRestore || listed[0].Path != restored.Previous {
		t.Errorf("listed %+v", listed)
	}
	// The folder is still this window's.
	if other := newSession(t, ws.Dir).status(context.Background()); other.Ready || other.ProblemKind != "locked" {
		t.Errorf("a second window on the folder: %+v", other)
	}
	// A token is good once.
	if _, err := svc.Restore(c.Path, c.Token); err == nil || !strings.Contains(err.Error(), "Choose the backup to restore again") {
		t.Errorf("the token again: %v", err)
	}

	// Undo: the safety backup, picked from the list, brings the added entry back.
	c, err = svc.RestoreAutomatic(listed[0].Name)
	if err != nil || c.Backup.Entries != len(old)+1 {
		t.Fatalf("RestoreAutomatic: %+v, %v", c, err)
	}
	if _, err := svc.Restore(c.Path, c.Token); err != nil {
		t.Fatal(err)
	}
	if _, err := (&EntryService{ctx: context.Background(), session: session}).Get(added.ID); err != nil {
		t.Errorf("after restoring the safety backup: %v", err)
	}
	if _, err := svc.RestoreAutomatic("../" + filepath.Base(path)); err == nil {
		t.Error("RestoreAutomatic took a path")
	}
}

// newerBackup rebuilds a backup as a newer ReadyFolio would write it (backup format 2).
func newerBackup(t *testing.T, data []byte) []byte {
	t.Helper()
	return ziptest.Rebag(t, data, ziptest.Change{Info: ziptest.SetField(backup.VersionField, "2")})
}

func TestARefusedRestoreLeavesTheWorkspaceOpenAndUnchanged(t *testing.T) {
	session := demoSession(t)
	good, _, _ := backUp(t, session)
	pkg, _, _ := exportPackage(t, session)
	(&EntryService{ctx: context.Background(), session: session}).New("artifact", "Added after the backup")
	ws, _ := session.workspace()
	before := listEntries(t, session)
	dir := t.TempDir()
	data, _ := os.ReadFile(good)
	tampered, damaged := ziptest.FlipByte(t, data, "/data/artifacts/")
	os.WriteFile(filepath.Join(dir, "tampered.zip"), tampered, 0o600)
	os.WriteFile(filepath.Join(dir, "newer.zip"), newerBackup(t, data), 0o600)
	os.WriteFile(filepath.Join(dir, "notes.zip"), []byte("shopping list"), 0o600)

	unchanged := func(what string) {
		t.Helper()
		if st := session.status(context.Background()); !st.Ready {
			t.Fatalf("%s: the portfolio is not open: %+v", what, st)
		}
		if now := listEntries(t, session); strings.Join(now, "|") != strings.Join(before, "|") {
			t.Errorf("%s: entries %v, want %v", what, now, before)
		}
		if listed, _ := backup.List(ws.Dir); len(listed) != 0 {
			t.Errorf("%s: backups were made: %+v", what, listed)
		}
	}
	for _, c := range []struct{ file, want string }{
		{filepath.Join(dir, "tampered.zip"), damaged},
		{filepath.Join(dir, "tampered.zip"), "damaged or was changed after it was made"},
		{filepath.Join(dir, "newer.zip"), "made by a newer version of ReadyFolio"},
		{filepath.Join(dir, "notes.zip"), "is not a ReadyFolio backup"},
		{pkg, "is a submission package, not a backup"},
		{filepath.Join(dir, "missing.zip"), "Cannot read the backup"},
	} {
		svc := backupService(session, &fakeDesktop{picks: []string{c.file}}, backupDay)
		got, err := svc.ChooseRestore()
		if err == nil || !strings.Contains(err.Error(), c.want) || got.Token != "" {
			t.Errorf("ChooseRestore(%s) = %+v, %v; want %q", filepath.Base(c.file), got, err, c.want)
		}
		unchanged(filepath.Base(c.file))
	}

	// Checked, then changed in place (same size and time): Restore checks again and refuses.
	svc := backupService(session, &fakeDesktop{picks: []string{good}}, backupDay)
	c, err := svc.ChooseRestore()
	if err != nil {
		t.Fatal(err)
	}
	info, _ := os.Stat(good)
	os.WriteFile(good, tampered, 0o600)
	os.Chtimes(good, info.ModTime(), info.ModTime())
	if _, err := svc.Restore(c.Path, c.Token); err == nil || !strings.Contains(err.Error(), damaged) || !strings.Contains(err.Error(), "nothing was restored") {
		t.Errorf("Restore of a file tampered after the check: %v", err)
	}
	unchanged("tampered after the check")
	if other := newSession(t, ws.Dir).status(context.Background()); other.Ready {
		t.Error("the folder's lock was let go")
	}

	// Changed visibly: refused before anything is closed.
	os.WriteFile(good, data, 0o600)
	c, _ = svc.ChooseRestore()
	os.WriteFile(good, append(bytes.Clone(data), 0), 0o600)
	if _, err := svc.Restore(c.Path, c.Token); err == nil || !strings.Contains(err.Error(), "changed after it was checked") {
		t.Errorf("Restore of a file changed after the check: %v", err)
	}
	// Someone else's token, another path.
	os.WriteFile(good, data, 0o600)
	c, _ = svc.ChooseRestore()
	if _, err := svc.Restore(c.Path, "not-the-token"); err == nil {
		t.Error("Restore with a wrong token")
	}
	c, _ = svc.ChooseRestore()
	if _, err := svc.Restore(filepath.Join(dir, "tampered.zip"), c.Token); err == nil {
		t.Error("Restore of another path with the token")
	}
	unchanged("wrong tokens")

	// Busy: a call still working on the portfolio keeps the restore out.
	busyWait = 100 * time.Millisecond
	t.Cleanup(func() { busyWait = 10 * time.Second })
	c, _ = svc.ChooseRestore()
	release := make(chan struct{})
	started := make(chan struct{})
	go with(session, func(*workspace.Workspace) (int, error) {
		close(started)
		<-release
		return 0, nil
	})
	<-started
	_, err = svc.Restore(c.Path, c.Token)
	close(release)
	if err == nil || !strings.Contains(err.Error(), "still busy") {
		t.Errorf("Restore while busy: %v", err)
	}
	unchanged("busy")
}

func TestOpeningAnotherFolderMakesItsAutomaticBackup(t *testing.T) {
	next := t.TempDir()
	session := newSession(t, t.TempDir())
	desk := &fakeDesktop{picks: []string{next}}
	backups := backupService(session, desk, backupDay)
	svc := &SessionService{ctx: context.Background(), session: session, desktop: desk, afterOpen: backups.startAuto}
	if st, err := svc.OpenAnotherFolder(); err != nil || !st.Ready {
		t.Fatalf("OpenAnotherFolder: %+v, %v", st, err)
	}
	got := waitAuto(t, desk, 1)
	if got.State != AutoMade || got.Path != filepath.Join(next, "backups", "readyfolio-2026-11-30.zip") {
		t.Errorf("the other folder's automatic backup: %+v", got)
	}
}
