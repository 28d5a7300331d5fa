package app

import (
	"context"
	"io/fs"
	"time"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"
)

// closeGrace is how long the window waits for the frontend to save pending edits before it
// closes anyway; the editor's own debounce is far shorter.
const closeGrace = 3 * time.Second

// RunGUI opens the main window on the data folder dataDir and blocks until it is closed.
// maxArtifactSize limits attached files (0: the default).
func RunGUI(assets fs.FS, dataDir, version string, maxArtifactSize int64) error {
	session := NewSession(dataDir, version, maxArtifactSize)
	defer session.Close()

	desktop := &wailsDesktop{}
	sessionSvc := &SessionService{session: session, desktop: desktop}
	profileSvc := &ProfileService{session: session, desktop: desktop}
	entrySvc := &EntryService{session: session}
	artifactSvc := &ArtifactService{session: session, desktop: desktop}
	searchSvc := &SearchService{session: session}
	frameworkSvc := &FrameworkService{session: session, desktop: desktop}
	identitySvc := &IdentityService{session: session, desktop: desktop}
	exportSvc := &ExportService{session: session, desktop: desktop}
	verifySvc := &VerifyService{desktop: desktop}
	backupSvc := &BackupService{session: session, desktop: desktop}
	credentialSvc := &CredentialService{session: session, desktop: desktop}
	// A folder opened later gets its automatic backup too.
	sessionSvc.afterOpen = backupSvc.startAuto

	return wails.Run(&options.App{
		Title:     "ReadyFolio",
		Width:     1280,
		Height:    820,
		MinWidth:  880,
		MinHeight: 600,
		AssetServer: &assetserver.Options{
			Assets: assets,
		},
		BackgroundColour: options.NewRGB(248, 250, 252),
		OnStartup: func(ctx context.Context) {
			desktop.ctx = ctx
			sessionSvc.ctx, profileSvc.ctx, entrySvc.ctx, artifactSvc.ctx, searchSvc.ctx = ctx, ctx, ctx, ctx, ctx
			frameworkSvc.ctx, identitySvc.ctx, exportSvc.ctx, verifySvc.ctx, backupSvc.ctx = ctx, ctx, ctx, ctx, ctx
			credentialSvc.ctx = ctx
			// The day's automatic backup, in the background: the window paints and the portfolio
			// can be edited meanwhile. Events can be sent from now on.
			backupSvc.startAuto()
		},
		// Originals a reviewer opened were copied to temporary folders for the system's viewer.
		OnShutdown: func(context.Context) { verifySvc.cleanup() },
		OnBeforeClose: func(ctx context.Context) bool {
			if session.quitting.Load() {
				return false
			}
			// Ask the frontend to save what is still being typed; it calls SessionService.Quit
			// when done. If it cannot answer, close anyway after a grace period.
			desktop.Emit("app:before-close", nil)
			time.AfterFunc(closeGrace, func() {
				session.quitting.Store(true)
				desktop.Quit()
			})
			return true
		},
		DragAndDrop: &options.DragAndDrop{EnableFileDrop: true, DisableWebViewDrop: true},
		Bind: []any{sessionSvc, profileSvc, entrySvc, artifactSvc, searchSvc, frameworkSvc,
			identitySvc, exportSvc, verifySvc, backupSvc, credentialSvc},
		Linux: &linux.Options{ProgramName: "readyfolio", WebviewGpuPolicy: linux.WebviewGpuPolicyOnDemand},
	})
}
