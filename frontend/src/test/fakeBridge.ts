// An in-memory stand-in for src/lib/bridge.ts. Tests replace the bridge with it:
//   vi.mock('../../lib/bridge', () => import('../../test/fakeBridge'));
// and seed or inspect its world through `fake`. Every method is a vi.fn, so tests can assert
// on payloads or make one call fail with fake.failNext(...).
import { vi, type Mock } from 'vitest';
import type * as realBridge from '../lib/bridge';
import { BridgeError } from '../lib/errors';
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
  ListedBackup,
  PackageReport,
  Profile,
  RestoreCandidate,
  RestoreReport,
  ReviewedPortfolio,
  RubricInfo,
  SearchHit,
  StartupStatus,
  VerifiedFile,
  VerifyProgress,
} from '../lib/types';
import {
  aBackupReport,
  aCredential,
  anImpact,
  aRubric,
  aCancelledImport,
  aCancelledRestore,
  aCancelledVerification,
  aCoverage,
  aCoverageEntry,
  aFileArtifact,
  aFramework,
  aLinkArtifact,
  anAlignment,
  anEntry,
  anEstimate,
  anExportReport,
  anId,
  anIdentity,
  aPackageReport,
  aProfile,
  anAutoBackup,
  aRestoreReport,
  aReviewedPortfolio,
  aStatus,
  kindInfos,
  listed,
  strengthsOf,
} from './builders';

export { BridgeError };

interface World {
  status: StartupStatus;
  profile: Profile;
  photo: string;
  entries: Entry[];
  trash: Entry[];
  thumbnails: Record<string, string>;
  /** What the native file dialog "chooses" next; [] means cancelled. */
  pickedFiles: string[];
  /** Hits to answer every search with; when null, the fake searches titles itself. */
  searchHits: SearchHit[] | null;
  /** Frameworks with their whole trees (retired competencies included). */
  frameworks: Framework[];
  alignments: Alignment[];
  /** Self-assessments by competency id. */
  assessments: Record<string, AssessmentStatus>;
  /** Coverage maps to answer with, by framework id; otherwise the fake computes them from the world. */
  coverages: Record<string, Coverage>;
  /** What the next ImportCASE "reads"; null means the educator cancels the file dialog. */
  caseImport: ImportReport | null;
  /** The signing identity; null when there is none yet. */
  identity: IdentityInfo | null;
  /** The passphrase that unlocks it (the fake checks it; the real one never leaves Go). */
  passphrase: string;
  /** What the next Import "reads" from the .p12 file; null means the file dialog is cancelled. */
  p12: IdentityInfo | null;
  /** Where ExportCertificate "saves"; "" means the save dialog is cancelled. */
  certificatePath: string;
  /** What every Estimate answers. */
  estimate: ExportEstimate;
  /** What ExportPDF produces; aCancelledExport() when the save dialog is cancelled. */
  exportReport: ExportReport;
  /** When true, ExportPDF waits for fake.finishExport() or ExportService.Cancel. */
  holdExport: boolean;
  /** What ExportPackage produces; aCancelledPackage() when the save dialog is cancelled. */
  packageReport: PackageReport;
  /** What VerifyFile reports; aCancelledVerification() when the file dialog is cancelled. */
  verified: VerifiedFile;
  /** What PackagePortfolio answers for the review token of world.verified. */
  reviewed: ReviewedPortfolio;
  /** Paths OpenOriginal was asked to open, in order. */
  opened: string[];
  /** What BackUpNow writes; aCancelledBackup() when the save dialog is cancelled. */
  backupReport: BackupReport;
  /** When true, BackUpNow, ChooseRestore and Restore wait for fake.finishBackup() or BackupService.Cancel. */
  holdBackup: boolean;
  /** The backups in the data folder, newest first. */
  backups: ListedBackup[];
  /** Today's automatic backup. */
  autoBackup: AutoBackup;
  /** What ChooseRestore checks and offers; aCancelledRestore() when the file dialog is cancelled. */
  candidate: RestoreCandidate;
  /** What Restore reports. */
  restoreReport: RestoreReport;
  /** The restores done, by path. */
  restored: string[];
  /** What the world becomes when Restore succeeds (the restored portfolio). */
  afterRestore: Partial<Omit<World, 'afterRestore'>> | null;
  credentials: CredentialView[];
  /** What the next ImportBadge reads; null means the file dialog is cancelled. */
  badgeImport: CredentialView | null;
  /** Whether Add's file picker chooses a file (else it is cancelled). */
  credentialFilePicked: boolean;
  /** The rubric new evaluations use. */
  rubric: RubricInfo;
  /** What the next ImportRubric reads; null means the file dialog is cancelled. */
  rubricImport: RubricInfo | null;
  impact: Impact;
  /** Credential ids OpenFile was asked to open, in order. */
  openedCredentials: string[];
}

const newWorld = (): World => ({
  status: aStatus(),
  profile: aProfile(),
  photo: '',
  entries: [],
  trash: [],
  thumbnails: {},
  pickedFiles: [],
  searchHits: null,
  frameworks: [],
  alignments: [],
  assessments: {},
  coverages: {},
  caseImport: null,
  identity: null,
  passphrase: 'correct horse battery',
  p12: null,
  certificatePath: '/home/teacher/readyfolio-certificate.pem',
  estimate: anEstimate(),
  exportReport: anExportReport(),
  holdExport: false,
  packageReport: aPackageReport(),
  verified: aCancelledVerification(),
  reviewed: aReviewedPortfolio(),
  opened: [],
  backupReport: aBackupReport(),
  holdBackup: false,
  backups: [],
  autoBackup: anAutoBackup(),
  candidate: aCancelledRestore(),
  restoreReport: aRestoreReport(),
  restored: [],
  afterRestore: null,
  credentials: [],
  badgeImport: null,
  credentialFilePicked: true,
  rubric: { rubric: aRubric(), custom: false },
  rubricImport: null,
  impact: anImpact([]),
  openedCredentials: [],
});

let world = newWorld();
const listeners = new Map<string, Set<(...data: unknown[]) => void>>();
let dropCallback: ((x: number, y: number, paths: string[]) => void) | null = null;
/** The export waiting for fake.finishExport() or Cancel (world.holdExport). */
let heldExport: { finish: () => void; cancel: () => void } | null = null;
/** The backup job waiting for fake.finishBackup() or Cancel (world.holdBackup). */
let heldBackup: { finish: () => void; cancel: () => void } | null = null;
/** The token of the candidate last offered, good for one restore. */
let offeredToken = '';

// Wails sends JSON both ways: copies keep the UI and the fake from sharing objects.
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function find(id: string): Entry {
  const entry = world.entries.find((e) => e.id === id);
  if (!entry) throw new BridgeError('That entry no longer exists.');
  return entry;
}

function artifactFile(entryId: string, role: ArtifactRole, path: string): Artifact {
  const fileName = path.split('/').pop() ?? path;
  const image = /\.(jpe?g|png)$/i.test(fileName);
  return aFileArtifact({ entryId, role, fileName, mediaType: image ? 'image/jpeg' : 'application/pdf' });
}

function attach(entryId: string, artifacts: Artifact[]): Artifact[] {
  find(entryId).artifacts.push(...copy(artifacts));
  return artifacts;
}

function matches(entry: Entry, f: EntryFilter): boolean {
  return (
    (f.kinds.length === 0 || f.kinds.includes(entry.kind)) &&
    (!f.status || entry.status === f.status) &&
    (!f.tag || entry.tags.includes(f.tag)) &&
    (!f.dateFrom || entry.startDate >= f.dateFrom) &&
    (!f.dateTo || (entry.startDate !== '' && entry.startDate <= f.dateTo))
  );
}

export const session = {
  status: vi.fn(async () => copy(world.status)),
  openAnotherFolder: vi.fn(async () => copy(world.status)),
  kinds: vi.fn(async () => kindInfos()),
  version: vi.fn(async () => world.status.version),
  quit: vi.fn(async () => {}),
};

export const profiles = {
  get: vi.fn(async () => copy(world.profile)),
  save: vi.fn(async (p: Profile) => {
    world.profile = { ...copy(p), updatedAt: new Date().toISOString() };
    return copy(world.profile);
  }),
  choosePhoto: vi.fn(async () => {
    world.profile.photoSha256 = 'c'.repeat(64);
    return copy(world.profile);
  }),
  removePhoto: vi.fn(async () => {
    world.profile.photoSha256 = '';
    return copy(world.profile);
  }),
  photo: vi.fn(async () => world.photo),
};

export const entryService = {
  create: vi.fn(async (kind: string, title: string) => {
    const entry = anEntry(kind as Entry['kind'], { title, position: world.entries.length });
    world.entries.push(entry);
    return copy(entry);
  }),
  get: vi.fn(async (id: string) => copy(find(id))),
  save: vi.fn(async (e: Entry) => {
    if (e.title.trim() === '') throw new BridgeError('Give the entry a title.');
    const stored = find(e.id);
    Object.assign(stored, copy(e), { artifacts: stored.artifacts, updatedAt: new Date().toISOString() });
    return copy(stored);
  }),
  list: vi.fn(async (f: EntryFilter) => {
    const found = world.entries.filter((e) => matches(e, f));
    if (f.sort === 'date_newest') found.sort((a, b) => b.startDate.localeCompare(a.startDate));
    if (f.sort === 'date_oldest') found.sort((a, b) => a.startDate.localeCompare(b.startDate));
    if (f.sort === 'updated_desc') found.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    return copy(found);
  }),
  reorder: vi.fn(async (ids: string[]) => {
    world.entries = ids.map(find);
  }),
  trash: vi.fn(async (id: string) => {
    const entry = find(id);
    world.entries = world.entries.filter((e) => e !== entry);
    world.trash.push({ ...entry, deletedAt: new Date().toISOString() });
  }),
  restore: vi.fn(async (id: string) => {
    const entry = world.trash.find((e) => e.id === id);
    if (!entry) throw new BridgeError('That entry is not in the trash.');
    world.trash = world.trash.filter((e) => e !== entry);
    world.entries.push({ ...entry, deletedAt: undefined });
  }),
  listTrash: vi.fn(async () => copy(world.trash)),
  emptyTrash: vi.fn(async () => {
    const n = world.trash.length;
    world.trash = [];
    return n;
  }),
  tags: vi.fn(async () => {
    const counts = new Map<string, number>();
    for (const e of world.entries) for (const t of e.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
    return [...counts].map(([tag, count]) => ({ tag, count }));
  }),
};

export const artifactService = {
  pickFiles: vi.fn(async (entryId: string, role: ArtifactRole) =>
    attach(entryId, world.pickedFiles.map((path) => artifactFile(entryId, role, path))),
  ),
  addFiles: vi.fn(async (entryId: string, role: ArtifactRole, paths: string[]) =>
    attach(entryId, paths.map((path) => artifactFile(entryId, role, path))),
  ),
  addLink: vi.fn(async (entryId: string, role: ArtifactRole, url: string, title: string, caption: string) => {
    if (!/^https?:\/\//.test(url)) throw new BridgeError('Links must start with http:// or https://.');
    return attach(entryId, [aLinkArtifact({ entryId, role, url, linkTitle: title, caption })])[0];
  }),
  update: vi.fn(async (a: Artifact) => copy(a)),
  remove: vi.fn(async (id: string) => {
    for (const e of world.entries) e.artifacts = e.artifacts.filter((a) => a.id !== id);
  }),
  thumbnail: vi.fn(async (id: string) => world.thumbnails[id] ?? ''),
  openExternally: vi.fn(async () => {}),
};

export const searchService = {
  search: vi.fn(async (query: string) => {
    if (world.searchHits) return copy(world.searchHits);
    const q = query.toLowerCase();
    return world.entries
      .filter((e) => e.title.toLowerCase().includes(q))
      .map((e) => {
        const at = e.title.toLowerCase().indexOf(q);
        const snippet = `${e.title.slice(0, at)}[${e.title.slice(at, at + q.length)}]${e.title.slice(at + q.length)}`;
        return { entry: copy(e), snippet };
      });
  }),
};

function findFramework(id: string): Framework {
  const f = world.frameworks.find((x) => x.id === id);
  if (!f) throw new BridgeError(`No framework with id ${id}.`);
  return f;
}

/** Recomputes counts and tree places as the store does after a save. */
function withCounts(f: Framework): Framework {
  const live = f.competencies.filter((c) => !c.retiredAt);
  const childrenOf = (id: string) => live.filter((c) => c.parentId === id);
  const ordered: Framework['competencies'] = [];
  const walk = (parent: string, depth: number) =>
    childrenOf(parent).forEach((c, i) => {
      ordered.push({ ...c, position: i + 1, depth, leaf: childrenOf(c.id).length === 0 });
      walk(c.id, depth + 1);
    });
  walk('', 0);
  const retired = f.competencies.filter((c) => c.retiredAt);
  return {
    ...f,
    competencies: [...ordered, ...retired],
    leafCount: ordered.filter((c) => c.leaf).length,
    retired: retired.length,
  };
}

export const frameworkService = {
  list: vi.fn(async () => copy(world.frameworks.map((f) => listed(withCounts(f))))),
  get: vi.fn(async (id: string) => copy(findFramework(id))),
  importCASE: vi.fn(async () => {
    const report = world.caseImport;
    if (!report) return aCancelledImport();
    world.frameworks = world.frameworks.filter((f) => f.id !== report.framework.id);
    world.frameworks.push(copy(report.framework));
    return copy(report);
  }),
  createCustom: vi.fn(async (title: string) => {
    if (title.trim() === '') throw new BridgeError('Give the framework a title.');
    const f = aFramework({ id: `custom-${anId()}`, title: title.trim(), origin: 'custom', competencies: [] });
    world.frameworks.push(f);
    return copy(f);
  }),
  saveCustom: vi.fn(async (f: Framework) => {
    const stored = findFramework(f.id);
    if (stored.origin !== 'custom') throw new BridgeError(`"${stored.title}" is not a custom framework.`);
    const sent = f.competencies.map((c) => ({ ...c, id: c.id || `${f.id}:${anId()}`, frameworkId: f.id, retiredAt: undefined }));
    const ids = new Set(sent.map((c) => c.id));
    for (const c of sent) {
      if (c.title.trim() === '') throw new BridgeError(`The competency ${c.code || c.id} of "${f.title}" has no title; every competency needs one.`);
      if (c.parentId && !ids.has(c.parentId)) throw new BridgeError(`The competency ${c.code || c.id} is placed inside ${c.parentId}, which is not a competency of "${f.title}".`);
    }
    const retired = stored.competencies
      .filter((c) => !ids.has(c.id))
      .map((c) => ({ ...c, retiredAt: c.retiredAt ?? new Date().toISOString() }));
    const saved = withCounts({ ...stored, title: f.title, description: f.description, competencies: [...sent, ...retired] });
    world.frameworks = world.frameworks.map((x) => (x.id === f.id ? saved : x));
    return copy(saved);
  }),
  delete: vi.fn(async (id: string) => {
    const f = findFramework(id);
    if (f.origin === 'builtin') throw new BridgeError(`"${f.title}" is built into ReadyFolio and cannot be deleted.`);
    world.frameworks = world.frameworks.filter((x) => x !== f);
    world.alignments = world.alignments.filter((a) => a.frameworkId !== id);
  }),
  coverage: vi.fn(async (frameworkId: string) => {
    if (world.coverages[frameworkId]) return copy(world.coverages[frameworkId]);
    const f = findFramework(frameworkId);
    const evidence: Record<string, ReturnType<typeof aCoverageEntry>[]> = {};
    for (const a of world.alignments.filter((x) => x.frameworkId === frameworkId)) {
      const entry = world.entries.find((e) => e.id === a.entryId);
      if (entry) (evidence[a.competencyId] ??= []).push(aCoverageEntry(entry, a.strength, a.rationale));
    }
    return copy(aCoverage(withCounts(f), evidence, world.assessments));
  }),
  align: vi.fn(async (a: Alignment) => {
    if (!a.entryId || !a.frameworkId || !a.competencyId) throw new BridgeError('An alignment needs an entry, a framework and a competency.');
    const f = findFramework(a.frameworkId);
    const c = f.competencies.find((x) => x.id === a.competencyId);
    if (!c) throw new BridgeError(`No competency ${a.competencyId} in "${f.title}".`);
    if (a.strength && !strengthsOf(f.scale).includes(a.strength)) throw new BridgeError(`"${a.strength}" is not a strength of "${f.title}".`);
    const existing = world.alignments.find((x) => x.entryId === a.entryId && x.competencyId === a.competencyId);
    const now = new Date().toISOString();
    if (existing) {
      Object.assign(existing, { rationale: a.rationale, strength: a.strength, updatedAt: now });
      return copy(existing);
    }
    const stored = anAlignment({ ...a, id: anId(), createdAt: now, updatedAt: now });
    world.alignments.push(stored);
    return copy(stored);
  }),
  unalign: vi.fn(async (entryId: string, competencyId: string) => {
    world.alignments = world.alignments.filter((a) => !(a.entryId === entryId && a.competencyId === competencyId));
  }),
  entryAlignments: vi.fn(async (entryId: string) => copy(world.alignments.filter((a) => a.entryId === entryId))),
  setAssessment: vi.fn(async (competencyId: string, status: AssessmentStatus) => {
    world.assessments[competencyId] = status;
    for (const coverage of Object.values(world.coverages)) {
      for (const row of coverage.rows) if (row.competency.id === competencyId) row.status = status;
    }
  }),
  newEntryForGap: vi.fn(async (kind: Kind, frameworkId: string, competencyId: string) => {
    const f = findFramework(frameworkId);
    const c = f.competencies.find((x) => x.id === competencyId);
    if (!c) throw new BridgeError(`No competency ${competencyId} in "${f.title}".`);
    const entry = anEntry(kind, { title: `Evidence for ${`${c.code} ${c.title}`.trim()}`, position: world.entries.length });
    world.entries.push(entry);
    world.alignments.push(anAlignment({ entryId: entry.id, frameworkId, competencyId }));
    return copy(entry);
  }),
};

const noIdentity = () => new BridgeError('No signing identity yet; create one or import one issued to you.');
const wrongPassphrase = () => new BridgeError('The passphrase is wrong; type it again.');
const shortPassphrase = () =>
  new BridgeError('The passphrase must have at least 8 characters and not be only spaces; choose a longer one.');
const exists = () => new BridgeError('A signing identity already exists; remove it first if you want to replace it.');
const tooShort = (p: string) => [...p].length < 8 || p.trim() === '';

export const identityService = {
  info: vi.fn(async (): Promise<IdentityInfo | null> => copy(world.identity)),
  create: vi.fn(async (passphrase: string) => {
    if (world.identity) throw exists();
    if (tooShort(passphrase)) throw shortPassphrase();
    const p = world.profile;
    const subject = `CN=${p.name}, E=${p.email}, O=${p.school}, L=${p.district}`;
    world.identity = anIdentity({ commonName: p.name, email: p.email, subject, issuer: subject });
    world.passphrase = passphrase;
    return copy(world.identity);
  }),
  import: vi.fn(async (p12Passphrase: string, passphrase: string) => {
    void p12Passphrase;
    if (!world.p12) return null;
    if (world.identity) throw exists();
    if (tooShort(passphrase)) throw shortPassphrase();
    world.identity = copy(world.p12);
    world.passphrase = passphrase;
    return copy(world.identity);
  }),
  changePassphrase: vi.fn(async (oldPassphrase: string, newPassphrase: string) => {
    if (!world.identity) throw noIdentity();
    if (oldPassphrase !== world.passphrase) throw wrongPassphrase();
    if (tooShort(newPassphrase)) throw shortPassphrase();
    world.passphrase = newPassphrase;
  }),
  exportCertificate: vi.fn(async () => {
    if (!world.identity) throw noIdentity();
    return world.certificatePath;
  }),
};

/** The sign step every export shares: the identity, its passphrase, and a held export. */
async function signedExport(passphrase: string): Promise<void> {
  if (!world.identity) throw noIdentity();
  if (passphrase !== world.passphrase) throw wrongPassphrase();
  if (world.holdExport) {
    await new Promise<void>((resolve, reject) => {
      heldExport = {
        finish: resolve,
        cancel: () => reject(new BridgeError('Internal error: context canceled')),
      };
    });
  }
}

export const exportService = {
  estimate: vi.fn(async (request: ExportRequest) => {
    void request;
    return copy(world.estimate);
  }),
  exportPDF: vi.fn(async (request: ExportRequest, passphrase: string) => {
    void request;
    await signedExport(passphrase);
    return copy(world.exportReport);
  }),
  exportPackage: vi.fn(async (request: ExportRequest, passphrase: string) => {
    void request;
    await signedExport(passphrase);
    return copy(world.packageReport);
  }),
  cancel: vi.fn(async () => {
    const held = heldExport;
    heldExport = null;
    held?.cancel();
  }),
};

async function backupJob(cancelled: string): Promise<void> {
  if (!world.holdBackup) return;
  await new Promise<void>((resolve, reject) => {
    heldBackup = { finish: resolve, cancel: () => reject(new BridgeError(cancelled)) };
  });
}

function offer(candidate: RestoreCandidate): RestoreCandidate {
  offeredToken = candidate.token;
  return copy(candidate);
}

export const backupService = {
  backUpNow: vi.fn(async () => {
    await backupJob('The backup was cancelled; no file was saved.');
    return copy(world.backupReport);
  }),
  listAutomatic: vi.fn(async () => copy(world.backups)),
  autoStatus: vi.fn(async () => copy(world.autoBackup)),
  chooseRestore: vi.fn(async () => {
    await backupJob('The check was cancelled; nothing was restored.');
    return offer(world.candidate);
  }),
  restoreAutomatic: vi.fn(async (name: string) => {
    const listed = world.backups.find((b) => b.name === name);
    if (!listed) throw new BridgeError(`"${name}" is not one of ReadyFolio's backups.`);
    await backupJob('The check was cancelled; nothing was restored.');
    return offer({ ...world.candidate, path: listed.path, token: world.candidate.token || 'token-listed' });
  }),
  restore: vi.fn(async (path: string, token: string) => {
    if (token === '' || token !== offeredToken) {
      throw new BridgeError('Choose the backup to restore again: ReadyFolio restores only the backup it has just checked and you confirmed. Nothing was restored.');
    }
    offeredToken = '';
    await backupJob('The restore was cancelled; nothing was changed.');
    world.restored.push(path);
    const report = copy(world.restoreReport);
    if (world.afterRestore) world = { ...world, ...copy(world.afterRestore), afterRestore: null };
    return report;
  }),
  cancel: vi.fn(async () => {
    const held = heldBackup;
    heldBackup = null;
    held?.cancel();
  }),
};

const notVerified = () => new BridgeError('Only a package that passed verification can be reviewed; verify it first.');

export const verifyService = {
  verifyFile: vi.fn(async () => copy(world.verified)),
  packagePortfolio: vi.fn(async (token: string) => {
    if (token === '' || token !== world.verified.reviewToken) throw notVerified();
    return copy(world.reviewed);
  }),
  openOriginal: vi.fn(async (token: string, path: string) => {
    if (token === '' || token !== world.verified.reviewToken) throw notVerified();
    world.opened.push(path);
  }),
};

function findCredential(id: string): CredentialView {
  const c = world.credentials.find((x) => x.id === id);
  if (!c) throw new BridgeError('That credential no longer exists.');
  return c;
}

const today = () => new Date().toISOString().slice(0, 10);

function credentialView(c: Credential, file?: Partial<Credential>): CredentialView {
  if (c.name.trim() === '') throw new BridgeError('Give the credential a name.');
  const now = new Date().toISOString();
  return aCredential({
    ...c,
    ...file,
    id: c.id || anId(),
    createdAt: c.createdAt || now,
    updatedAt: now,
    held: c.expiresOn === '' || c.expiresOn >= today(),
    findings: [],
  });
}

export const credentialService = {
  list: vi.fn(async () => copy(world.credentials)),
  importBadge: vi.fn(async () => {
    const badge = world.badgeImport;
    if (!badge) return null;
    world.credentials.push(copy(badge));
    return copy(badge);
  }),
  add: vi.fn(async (c: Credential, withFile: boolean) => {
    if (withFile && !world.credentialFilePicked) return null;
    const file = withFile ? { fileName: 'certificate.pdf', mediaType: 'application/pdf', size: 65_536, sha256: 'a'.repeat(64) } : undefined;
    const view = credentialView({ ...c, id: '' }, file);
    world.credentials.push(view);
    return copy(view);
  }),
  save: vi.fn(async (c: Credential) => {
    const stored = findCredential(c.id);
    Object.assign(stored, credentialView(c), { badge: stored.badge, findings: stored.findings });
    return copy(stored);
  }),
  remove: vi.fn(async (id: string) => {
    findCredential(id);
    world.credentials = world.credentials.filter((c) => c.id !== id);
  }),
  openFile: vi.fn(async (id: string) => {
    if (!findCredential(id).sha256) throw new BridgeError('This credential has no file.');
    world.openedCredentials.push(id);
  }),
  rubric: vi.fn(async () => copy(world.rubric)),
  importRubric: vi.fn(async () => {
    if (!world.rubricImport) return null;
    world.rubric = copy(world.rubricImport);
    return copy(world.rubric);
  }),
  resetRubric: vi.fn(async () => {
    world.rubric = { rubric: aRubric(), custom: false };
    return copy(world.rubric);
  }),
  impact: vi.fn(async () => copy(world.impact)),
};

export const clipboard = {
  copy: vi.fn(async (text: string) => {
    void text;
    return true;
  }),
};

function on(name: string, callback: (...data: unknown[]) => void): () => void {
  if (!listeners.has(name)) listeners.set(name, new Set());
  listeners.get(name)!.add(callback);
  return () => listeners.get(name)?.delete(callback);
}

export const events = {
  onBeforeClose: vi.fn((callback: () => void) => on('app:before-close', callback)),
  onImportProgress: vi.fn((callback: (p: ImportProgress) => void) =>
    on('artifacts:progress', (p) => callback(p as ImportProgress)),
  ),
  onExportProgress: vi.fn((callback: (p: ExportProgress) => void) =>
    on('export:progress', (p) => callback(p as ExportProgress)),
  ),
  onVerifyProgress: vi.fn((callback: (p: VerifyProgress) => void) =>
    on('verify:progress', (p) => callback(p as VerifyProgress)),
  ),
  onBackupProgress: vi.fn((callback: (p: BackupProgress) => void) =>
    on('backup:progress', (p) => callback(p as BackupProgress)),
  ),
  onAutoBackup: vi.fn((callback: (a: AutoBackup) => void) => on('backup:auto', (a) => callback(a as AutoBackup))),
};

export const fileDrop = {
  on: vi.fn((callback: (x: number, y: number, paths: string[]) => void) => {
    dropCallback = callback;
  }),
  off: vi.fn(() => {
    dropCallback = null;
  }),
};

const allMocks = [
  session,
  profiles,
  entryService,
  artifactService,
  searchService,
  frameworkService,
  identityService,
  exportService,
  verifyService,
  backupService,
  credentialService,
  clipboard,
  events,
  fileDrop,
].flatMap(
  (service) => Object.values(service) as Mock[],
);

/** Test controls for the fake: seed the world, fire Go events, drop files. */
export const fake = {
  get world(): World {
    return world;
  },
  reset(seed: Partial<World> = {}): void {
    world = { ...newWorld(), ...copy(seed) };
    listeners.clear();
    dropCallback = null;
    heldExport = null;
    heldBackup = null;
    offeredToken = '';
    for (const mock of allMocks) mock.mockClear();
  },
  /** Fires a Go event as runtime.EventsEmit would. */
  emit(name: string, ...data: unknown[]): void {
    for (const callback of listeners.get(name) ?? []) callback(...data);
  },
  /** Delivers a native file drop at a point, as Wails' OnFileDrop does. */
  drop(x: number, y: number, paths: string[]): void {
    dropCallback?.(x, y, paths);
  },
  /** Lets an export held by world.holdExport finish with world.exportReport. */
  finishExport(): void {
    const held = heldExport;
    heldExport = null;
    held?.finish();
  },
  /** Lets a backup job held by world.holdBackup finish. */
  finishBackup(): void {
    const held = heldBackup;
    heldBackup = null;
    held?.finish();
  },
  /** Makes the next call of a bridge method fail with a Go error message. */
  failNext(method: Mock, message: string): void {
    method.mockImplementationOnce(async () => {
      throw new BridgeError(message);
    });
  },
};

// Compile-time guard: the fake offers every service the real bridge does, with compatible types.
({
  session,
  profiles,
  entryService,
  artifactService,
  searchService,
  frameworkService,
  identityService,
  exportService,
  verifyService,
  backupService,
  credentialService,
  clipboard,
  events,
  fileDrop,
}) satisfies Omit<
  typeof realBridge,
  'BridgeError'
>;
