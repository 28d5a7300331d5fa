// The only module that talks to the Go side. It calls the bindings `wails generate module` writes
// into frontend/wailsjs (regenerate them whenever a bound Go method or struct changes), so the
// compiler checks every call's arguments against Go's signatures, and wire.ts checks types.ts
// against Go's structs. Every failure leaves here as a BridgeError with a plain message.
import * as ArtifactService from '../../wailsjs/go/app/ArtifactService';
import * as BackupService from '../../wailsjs/go/app/BackupService';
import * as CredentialService from '../../wailsjs/go/app/CredentialService';
import * as EntryService from '../../wailsjs/go/app/EntryService';
import * as ExportService from '../../wailsjs/go/app/ExportService';
import * as FrameworkService from '../../wailsjs/go/app/FrameworkService';
import * as IdentityService from '../../wailsjs/go/app/IdentityService';
import * as ProfileService from '../../wailsjs/go/app/ProfileService';
import * as SearchService from '../../wailsjs/go/app/SearchService';
import * as SessionService from '../../wailsjs/go/app/SessionService';
import * as VerifyService from '../../wailsjs/go/app/VerifyService';
import { ClipboardSetText, EventsOn, OnFileDrop, OnFileDropOff } from '../../wailsjs/runtime/runtime';
import { BridgeError } from './errors';
import type {
  Alignment,
  Artifact,
  ArtifactRole,
  AssessmentStatus,
  AutoBackup,
  BackupProgress,
  BackupReport,
  Coverage,
  Credential,
  CredentialView,
  Entry,
  EntryFilter,
  ExportEstimate,
  ExportProgress,
  ExportReport,
  ExportRequest,
  Framework,
  IdentityInfo,
  Impact,
  ImportProgress,
  ImportReport,
  Kind,
  KindInfo,
  ListedBackup,
  PackageReport,
  PackageVerification,
  Profile,
  RestoreCandidate,
  RestoreReport,
  Rubric,
  RubricInfo,
  ReviewedEntry,
  ReviewedPortfolio,
  SearchHit,
  SignatureReport,
  StartupStatus,
  TagCount,
  VerifiedFile,
  Verification,
  VerifyProgress,
} from './types';
import { toGo, type Widen } from './wire';

export { BridgeError };

function messageOf(reason: unknown): string {
  if (typeof reason === 'string' && reason.trim() !== '') return reason;
  if (reason instanceof Error && reason.message) return reason.message;
  if (reason && typeof reason === 'object' && 'message' in reason && typeof reason.message === 'string') {
    return reason.message;
  }
  return 'Something went wrong. Please try again.';
}

/**
 * Runs one generated binding and returns its result as the UI type T; the binding's own result
 * type must match T once T's string-literal unions are widened to string.
 */
async function call<T>(invoke: () => Promise<Widen<T>>): Promise<T> {
  let result: unknown;
  try {
    result = await invoke();
  } catch (reason) {
    // Go rejects with its message as a string. A TypeError comes from the generated binding
    // itself, reading window.go.app.<Service>.<Method> where Wails has not put it (outside Wails).
    if (reason instanceof TypeError) throw new BridgeError("ReadyFolio's background service is not available.");
    throw new BridgeError(messageOf(reason));
  }
  return result as T;
}

// Go encodes nil slices and maps as null; the UI relies on arrays and objects.
function normalizeRubric(r: Rubric): Rubric {
  return {
    ...r,
    levels: r.levels ?? [],
    criteria: (r.criteria ?? []).map((c) => ({ ...c, fields: c.fields ?? [] })),
  };
}

function normalizeEntry(e: Entry): Entry {
  const entry: Entry = {
    ...e,
    tags: e.tags ?? [],
    reflection: e.reflection ?? [],
    artifacts: e.artifacts ?? [],
  };
  if (entry.pilot) {
    entry.pilot = { ...entry.pilot, aiTools: entry.pilot.aiTools ?? [], outcomes: entry.pilot.outcomes ?? [] };
  }
  if (entry.evaluation) {
    entry.evaluation = {
      ...entry.evaluation,
      rubric: normalizeRubric(entry.evaluation.rubric),
      scores: (entry.evaluation.scores ?? []).map((s) => ({ ...s, answers: s.answers ?? {} })),
    };
  }
  return entry;
}

const entries = (list: Entry[] | null) => (list ?? []).map(normalizeEntry);

export const session = {
  status: () => call<StartupStatus>(() => SessionService.Status()),
  openAnotherFolder: () => call<StartupStatus>(() => SessionService.OpenAnotherFolder()),
  kinds: async () => (await call<KindInfo[] | null>(() => SessionService.Kinds())) ?? [],
  version: () => call<string>(() => SessionService.Version()),
  quit: () => call<void>(() => SessionService.Quit()),
};

export const profiles = {
  get: () => call<Profile>(() => ProfileService.Get()),
  save: (p: Profile) => call<Profile>(() => ProfileService.Save(toGo(p))),
  choosePhoto: () => call<Profile>(() => ProfileService.ChoosePhoto()),
  removePhoto: () => call<Profile>(() => ProfileService.RemovePhoto()),
  photo: () => call<string>(() => ProfileService.Photo()),
};

export const entryService = {
  create: async (kind: string, title: string) => normalizeEntry(await call<Entry>(() => EntryService.New(kind, title))),
  get: async (id: string) => normalizeEntry(await call<Entry>(() => EntryService.Get(id))),
  save: async (e: Entry) => normalizeEntry(await call<Entry>(() => EntryService.Save(toGo(e)))),
  list: async (f: EntryFilter) => entries(await call<Entry[] | null>(() => EntryService.List(toGo(f)))),
  reorder: (ids: string[]) => call<void>(() => EntryService.Reorder(ids)),
  trash: (id: string) => call<void>(() => EntryService.Trash(id)),
  restore: (id: string) => call<void>(() => EntryService.Restore(id)),
  listTrash: async () => entries(await call<Entry[] | null>(() => EntryService.ListTrash())),
  emptyTrash: () => call<number>(() => EntryService.EmptyTrash()),
  tags: async () => (await call<TagCount[] | null>(() => EntryService.Tags())) ?? [],
};

export const artifactService = {
  pickFiles: async (entryId: string, role: ArtifactRole) =>
    (await call<Artifact[] | null>(() => ArtifactService.PickFiles(entryId, role))) ?? [],
  addFiles: async (entryId: string, role: ArtifactRole, paths: string[]) =>
    (await call<Artifact[] | null>(() => ArtifactService.AddFiles(entryId, role, paths))) ?? [],
  addLink: (entryId: string, role: ArtifactRole, url: string, title: string, caption: string) =>
    call<Artifact>(() => ArtifactService.AddLink(entryId, role, url, title, caption)),
  update: (a: Artifact) => call<Artifact>(() => ArtifactService.Update(toGo(a))),
  remove: (id: string) => call<void>(() => ArtifactService.Remove(id)),
  thumbnail: (id: string) => call<string>(() => ArtifactService.Thumbnail(id)),
  openExternally: (id: string) => call<void>(() => ArtifactService.OpenExternally(id)),
};

export const searchService = {
  search: async (query: string) => {
    const hits = (await call<SearchHit[] | null>(() => SearchService.Search(query))) ?? [];
    return hits.map((h) => ({ ...h, entry: normalizeEntry(h.entry) }));
  },
};

function normalizeFramework(f: Framework): Framework {
  return { ...f, competencies: f.competencies ?? [] };
}

function normalizeCoverage(c: Coverage): Coverage {
  return {
    ...c,
    framework: normalizeFramework(c.framework),
    rows: (c.rows ?? []).map((r) => ({ ...r, evidence: r.evidence ?? [] })),
  };
}

export const frameworkService = {
  /** Every framework with its counts, without competencies. */
  list: async () => ((await call<Framework[] | null>(() => FrameworkService.List())) ?? []).map(normalizeFramework),
  /** One framework with its whole tree. */
  get: async (id: string) => normalizeFramework(await call<Framework>(() => FrameworkService.Get(id))),
  /** Asks for a CASE JSON file and imports it; cancelling returns a report whose framework.id is "". */
  importCASE: async () => {
    const report = await call<ImportReport>(() => FrameworkService.ImportCASE());
    return { ...report, framework: normalizeFramework(report.framework) };
  },
  createCustom: async (title: string) => normalizeFramework(await call<Framework>(() => FrameworkService.CreateCustom(title))),
  /** Competencies depth-first; id "" = new; left-out competencies are retired, not deleted. */
  saveCustom: async (f: Framework) => normalizeFramework(await call<Framework>(() => FrameworkService.SaveCustom(toGo(f)))),
  /** Not for built-ins. */
  delete: (id: string) => call<void>(() => FrameworkService.Delete(id)),
  coverage: async (frameworkId: string) => normalizeCoverage(await call<Coverage>(() => FrameworkService.Coverage(frameworkId))),
  /** Upserts by entry + competency; strength "" = the weakest. */
  align: (a: Alignment) => call<Alignment>(() => FrameworkService.Align(toGo(a))),
  unalign: (entryId: string, competencyId: string) => call<void>(() => FrameworkService.Unalign(entryId, competencyId)),
  entryAlignments: async (entryId: string) =>
    (await call<Alignment[] | null>(() => FrameworkService.EntryAlignments(entryId))) ?? [],
  setAssessment: (competencyId: string, status: AssessmentStatus) =>
    call<void>(() => FrameworkService.SetAssessment(competencyId, status)),
  /** Starts an entry of the kind, aligned to the competency; returns it. */
  newEntryForGap: async (kind: Kind, frameworkId: string, competencyId: string) =>
    normalizeEntry(await call<Entry>(() => FrameworkService.NewEntryForGap(kind, frameworkId, competencyId))),
};

/** The start of Go's message when there is no signing identity yet (identity.Store). */
const noIdentityYet = 'No signing identity yet';

/** A cancelled file dialog gives a zero Info; the UI takes that as "nothing changed". */
const identityOrNull = (info: IdentityInfo) => (info.fingerprintSha256 === '' ? null : info);

export const identityService = {
  /** The signing identity, or null when there is none yet; other failures throw. */
  info: async (): Promise<IdentityInfo | null> => {
    try {
      return await call<IdentityInfo>(() => IdentityService.Info());
    } catch (err) {
      if (err instanceof BridgeError && err.message.startsWith(noIdentityYet)) return null;
      throw err;
    }
  },
  /** Makes a self-signed identity from the profile's name, email, school and district. */
  create: (passphrase: string) => call<IdentityInfo>(() => IdentityService.Create(passphrase)),
  /** Asks for a .p12/.pfx file and imports it; null when the file dialog was cancelled. */
  import: async (p12Passphrase: string, passphrase: string) =>
    identityOrNull(await call<IdentityInfo>(() => IdentityService.Import(p12Passphrase, passphrase))),
  changePassphrase: (oldPassphrase: string, newPassphrase: string) =>
    call<void>(() => IdentityService.ChangePassphrase(oldPassphrase, newPassphrase)),
  /** Saves the public certificate where the educator chooses; returns the path, "" when cancelled. */
  exportCertificate: () => call<string>(() => IdentityService.ExportCertificate()),
};

const withLists = <T extends { leftOut: string[] | null }>(r: T) => ({ ...r, leftOut: r.leftOut ?? [] });

export const exportService = {
  /** Pages, size and left-out files the export would have; nothing is written. */
  estimate: async (request: ExportRequest) =>
    withLists(await call<ExportEstimate>(() => ExportService.Estimate(toGo(request)))),
  /**
   * Unlocks the identity, asks where to save, then renders, signs and writes the PDF, sending
   * "export:progress" events. A cancelled save dialog gives a report whose path is "".
   */
  exportPDF: async (request: ExportRequest, passphrase: string): Promise<ExportReport> => {
    const r = await call<ExportReport>(() => ExportService.ExportPDF(toGo(request), passphrase));
    return { ...r, warnings: r.warnings ?? [], leftOut: r.leftOut ?? [] };
  },
  /**
   * The submission package (.zip) as exportPDF makes the PDF: unlock, save dialog, progress
   * (the PDF's stages, then "package" once per file). A cancelled save dialog gives path "".
   */
  exportPackage: async (request: ExportRequest, passphrase: string): Promise<PackageReport> => {
    const r = await call<PackageReport>(() => ExportService.ExportPackage(toGo(request), passphrase));
    return { ...r, pdf: { ...r.pdf, warnings: r.pdf?.warnings ?? [] } };
  },
  /** Stops the export in progress; it leaves no file behind. */
  cancel: () => call<void>(() => ExportService.Cancel()),
};

// Go sends null for nil slices and pointers; the UI relies on arrays and undefined.
const normalizeSignature = (s: SignatureReport): SignatureReport => ({
  ...s,
  trusted: s.trusted ?? undefined,
  problems: s.problems ?? [],
});

const normalizeVerification = (v: Verification): Verification => ({
  ...v,
  problems: v.problems ?? [],
  signatures: (v.signatures ?? []).map(normalizeSignature),
});

const normalizePackage = (p: PackageVerification): PackageVerification => ({
  ...p,
  problems: p.problems ?? [],
  manifestSignature: p.manifestSignature ? normalizeSignature(p.manifestSignature) : undefined,
  pdf: p.pdf ? normalizeVerification(p.pdf) : undefined,
});

const normalizeReviewedEntry = (e: ReviewedEntry): ReviewedEntry => ({
  ...e,
  meta: e.meta ?? [],
  details: (e.details ?? []).map((d) => ({ ...d, outcomes: d.outcomes ?? [] })),
  reflection: e.reflection ?? [],
  alignments: e.alignments ?? [],
  artifacts: e.artifacts ?? [],
});

export const verifyService = {
  /**
   * Asks for a signed PDF or a submission package and verifies it (kind says which it was); a
   * cancelled dialog gives path "". A package that passed comes with a reviewToken.
   */
  verifyFile: async (): Promise<VerifiedFile> => {
    const file = await call<VerifiedFile>(() => VerifyService.VerifyFile());
    return {
      ...file,
      verification: normalizeVerification(file.verification),
      package: file.package ? normalizePackage(file.package) : undefined,
    };
  },
  /** A verified package's portfolio, read-only; the token is verifyFile's reviewToken. */
  packagePortfolio: async (token: string): Promise<ReviewedPortfolio> => {
    const p = await call<ReviewedPortfolio>(() => VerifyService.PackagePortfolio(token));
    return { ...p, profile: p.profile ?? [], entries: (p.entries ?? []).map(normalizeReviewedEntry) };
  },
  /** Copies one file of a verified package (path under data/) out and opens it in the system's viewer. */
  openOriginal: (token: string, path: string) => call<void>(() => VerifyService.OpenOriginal(token, path)),
};

export const backupService = {
  /**
   * Asks where to save (readyfolio-backup-YYYY-MM-DD.zip) and writes a backup, read back and
   * verified before it is kept, sending "backup:progress". A cancelled save dialog gives path "".
   */
  backUpNow: () => call<BackupReport>(() => BackupService.BackUpNow()),
  /** The backups ReadyFolio keeps in the data folder (daily, and before each restore), newest first. */
  listAutomatic: async () => (await call<ListedBackup[] | null>(() => BackupService.ListAutomatic())) ?? [],
  /** Today's automatic backup so far ("backup:auto" may have come before anyone listened). */
  autoStatus: () => call<AutoBackup>(() => BackupService.AutoStatus()),
  /** Asks for a backup file and checks all of it, writing nothing; path "" when the dialog was cancelled. */
  chooseRestore: () => call<RestoreCandidate>(() => BackupService.ChooseRestore()),
  /** chooseRestore for a listed backup, by its name. */
  restoreAutomatic: (name: string) => call<RestoreCandidate>(() => BackupService.RestoreAutomatic(name)),
  /**
   * Replaces the open portfolio with the checked backup (its path and token), after backing the
   * current one up into backups/; the folder is open again afterwards, restored or unchanged.
   */
  restore: async (path: string, token: string): Promise<RestoreReport> => {
    const r = await call<RestoreReport>(() => BackupService.Restore(path, token));
    return { ...r, previous: r.previous ?? '', previousAsFiles: r.previousAsFiles ?? false };
  },
  /** Stops the backup, check or restore in progress (a restore only before it swaps the folder). */
  cancel: () => call<void>(() => BackupService.Cancel()),
};

const normalizeCredential = (c: CredentialView): CredentialView => ({
  ...c,
  findings: c.findings ?? [],
  badge: c.badge ? { ...c.badge, recipients: c.badge.recipients ?? [], evidence: c.badge.evidence ?? [] } : undefined,
});

const normalizeRubricInfo = (info: RubricInfo): RubricInfo => ({ ...info, rubric: normalizeRubric(info.rubric) });

export const credentialService = {
  /** Every credential, with whether it is still held and, for a badge, what it claims and what was checked. */
  list: async () => ((await call<CredentialView[] | null>(() => CredentialService.List())) ?? []).map(normalizeCredential),
  /** Asks for an Open Badges file (JSON, baked PNG or SVG) and adds it; null when the dialog was cancelled. */
  importBadge: async (): Promise<CredentialView | null> => {
    const view = await call<CredentialView>(() => CredentialService.ImportBadge());
    return view.id === '' ? null : normalizeCredential(view);
  },
  /** Adds a credential typed in; withFile asks for its file (a certificate PDF, an image) first: null when that was cancelled. */
  add: async (c: Credential, withFile: boolean): Promise<CredentialView | null> => {
    const view = await call<CredentialView>(() => CredentialService.Add(toGo(c), withFile));
    return view.id === '' ? null : normalizeCredential(view);
  },
  save: async (c: Credential) => normalizeCredential(await call<CredentialView>(() => CredentialService.Save(toGo(c)))),
  remove: (id: string) => call<void>(() => CredentialService.Remove(id)),
  /** Opens the credential's file in the system's viewer. */
  openFile: (id: string) => call<void>(() => CredentialService.OpenFile(id)),
  /** The rubric new tool evaluations are scored against. */
  rubric: async () => normalizeRubricInfo(await call<RubricInfo>(() => CredentialService.Rubric())),
  /** Asks for a district rubric (JSON) and uses it for new evaluations; null when the dialog was cancelled. */
  importRubric: async (): Promise<RubricInfo | null> => {
    const info = await call<RubricInfo>(() => CredentialService.ImportRubric());
    return info.rubric && (info.rubric.criteria ?? []).length > 0 ? normalizeRubricInfo(info) : null;
  },
  /** Goes back to the built-in rubric for new evaluations. */
  resetRubric: async () => normalizeRubricInfo(await call<RubricInfo>(() => CredentialService.ResetRubric())),
  /** "Impact at a glance": figures Go has already worded. */
  impact: async () => {
    const impact = await call<Impact>(() => CredentialService.Impact());
    return { ...impact, figures: impact.figures ?? [] };
  },
};

// The generated runtime functions call window.runtime, which only exists inside Wails: outside
// it (Vite alone in a browser) events and file drops are quietly unavailable.

/** Listens to a Go event; returns the function that stops listening. No-op outside Wails. */
function onEvent(name: string, callback: (...data: unknown[]) => void): () => void {
  try {
    return EventsOn(name, callback);
  } catch {
    return () => {};
  }
}

export const events = {
  onBeforeClose: (callback: () => void) => onEvent('app:before-close', () => callback()),
  onImportProgress: (callback: (p: ImportProgress) => void) =>
    onEvent('artifacts:progress', (p) => callback(p as ImportProgress)),
  onExportProgress: (callback: (p: ExportProgress) => void) =>
    onEvent('export:progress', (p) => callback(p as ExportProgress)),
  onVerifyProgress: (callback: (p: VerifyProgress) => void) =>
    onEvent('verify:progress', (p) => callback(p as VerifyProgress)),
  onBackupProgress: (callback: (p: BackupProgress) => void) =>
    onEvent('backup:progress', (p) => callback(p as BackupProgress)),
  /** The day's automatic backup is done: made, there already, or failed (with the reason). */
  onAutoBackup: (callback: (a: AutoBackup) => void) => onEvent('backup:auto', (a) => callback(a as AutoBackup)),
};

export const clipboard = {
  /** Puts text on the clipboard; false when neither Wails nor the browser could. */
  copy: async (text: string): Promise<boolean> => {
    try {
      return await ClipboardSetText(text);
    } catch {
      try {
        await navigator.clipboard.writeText(text);
        return true;
      } catch {
        return false;
      }
    }
  },
};

function outsideWailsIsFine(action: () => void): void {
  try {
    action();
  } catch {
    // no Wails runtime: nothing to listen to
  }
}

export const fileDrop = {
  /** Only elements styled --wails-drop-target: drop receive drops (useDropTarget = true). */
  on: (callback: (x: number, y: number, paths: string[]) => void) => outsideWailsIsFine(() => OnFileDrop(callback, true)),
  off: () => outsideWailsIsFine(() => OnFileDropOff()),
};
