// TypeScript mirrors of the Go domain types in backend/portfolio and the session status in app/.
// Field names are the Go JSON tags; times arrive as RFC 3339 strings.

export type Kind = 'ai_pilot' | 'lesson_redesign' | 'pd_led' | 'artifact' | 'tool_evaluation' | 'policy_guidance';
export type Status = 'draft' | 'ready';
export type PilotStatus = 'planned' | 'running' | 'completed';
export type PDFormat = 'workshop' | 'coaching_cycle' | 'course' | 'conference_session';
export type ArtifactType = 'file' | 'link';
export type ArtifactRole = 'attachment' | 'original' | 'redesign';
export type SortOrder = 'manual' | 'date_newest' | 'date_oldest' | 'updated_desc';
export type ProblemKind = '' | 'locked' | 'corrupt' | 'newer' | 'other';

export interface StartupStatus {
  ready: boolean;
  dataDir: string;
  problem: string;
  problemKind: ProblemKind;
  profileComplete: boolean;
  version: string;
}

export interface KindInfo {
  kind: Kind;
  label: string;
  description: string;
  reflectionPrompts: string[];
}

export interface Profile {
  portfolioId: string;
  name: string;
  role: string;
  school: string;
  district: string;
  email: string;
  bio: string;
  photoSha256: string;
  createdAt: string;
  updatedAt: string;
}

export interface ReflectionAnswer {
  prompt: string;
  text: string;
}

export interface Outcome {
  metric: string;
  baseline: string;
  result: string;
}

export interface PrivacyReview {
  studentDataInvolved: boolean;
  approvalObtained: boolean;
  notes: string;
}

export interface PilotDetails {
  gradesSubjects: string;
  aiTools: string[];
  problemGoal: string;
  whatWasDone: string;
  studentsReached: number;
  classesReached: number;
  outcomes: Outcome[];
  privacy: PrivacyReview;
  pilotStatus: PilotStatus;
}

export interface RedesignDetails {
  subject: string;
  grade: string;
  originalDescription: string;
  redesignDescription: string;
  aiRole: string;
  integrityMeasures: string;
  studentOutcomes: string;
}

export interface PDDetails {
  format: PDFormat;
  audience: string;
  participants: number;
  contactHours: number;
  materials: string;
  feedbackSummary: string;
  /** 0 = none given, else 1 to 5 */
  feedbackRating: number;
}

export interface ArtifactDetails {
  description: string;
}

export interface Artifact {
  id: string;
  entryId: string;
  type: ArtifactType;
  role: ArtifactRole;
  position: number;
  caption: string;
  fileName?: string;
  mediaType?: string;
  size?: number;
  sha256?: string;
  url?: string;
  linkTitle?: string;
  createdAt: string;
}

export interface Entry {
  id: string;
  kind: Kind;
  title: string;
  status: Status;
  includeInExports: boolean;
  position: number;
  /** YYYY-MM-DD or empty; the single date of single-day kinds */
  startDate: string;
  /** YYYY-MM-DD or empty */
  endDate: string;
  tags: string[];
  reflection: ReflectionAnswer[];
  pilot?: PilotDetails;
  redesign?: RedesignDetails;
  pd?: PDDetails;
  other?: ArtifactDetails;
  evaluation?: ToolEvaluationDetails;
  guidance?: PolicyGuidanceDetails;
  artifacts: Artifact[];
  createdAt: string;
  updatedAt: string;
  deletedAt?: string;
}

// ---- AI tool evaluations and policy or guidance work (backend/portfolio/evaluation.go, rubric.go, guidance.go) ----

/** '' = not decided yet. */
export type Recommendation = '' | 'adopt' | 'pilot_further' | 'do_not_adopt';
export type RubricFieldType = 'text' | 'yes_no';
/** The answer to a yes_no field; '' = not answered. */
export type YesNo = '' | 'yes' | 'no';

export interface RubricField {
  id: string;
  label: string;
  type: RubricFieldType;
  help: string;
}

export interface RubricCriterion {
  id: string;
  label: string;
  guidance: string;
  fields: RubricField[];
}

export interface RubricLevel {
  score: number;
  label: string;
}

export interface Rubric {
  id: string;
  name: string;
  edition: string;
  publisher: string;
  /** the scale, lowest first */
  levels: RubricLevel[];
  criteria: RubricCriterion[];
}

export interface CriterionScore {
  criterion: string;
  /** a level's score; 0 = not scored */
  score: number;
  notes: string;
  /** by field id: free text, or YesNo for yes_no fields */
  answers: Record<string, string>;
}

export interface ToolEvaluationDetails {
  tool: string;
  vendor: string;
  toolVersion: string;
  intendedUse: string;
  gradeBand: string;
  /** the copy of the rubric the tool was scored against */
  rubric: Rubric;
  /** one per criterion of the rubric, in its order */
  scores: CriterionScore[];
  recommendation: Recommendation;
  rationale: string;
}

export type GuidanceBodyLevel = '' | 'school' | 'district' | 'state' | 'association';
export type GuidanceRole = 'author' | 'co_author' | 'reviewer' | 'committee_member';
export type GuidanceStage = 'in_progress' | 'adopted' | 'published';

export interface PolicyGuidanceDetails {
  /** who issued it: "Lakeview Unified School District" */
  body: string;
  bodyLevel: GuidanceBodyLevel;
  role: GuidanceRole;
  stage: GuidanceStage;
  summary: string;
}

export interface EntryFilter {
  kinds: Kind[];
  status: Status | '';
  tag: string;
  dateFrom: string;
  dateTo: string;
  sort: SortOrder;
}

export interface SearchHit {
  entry: Entry;
  snippet: string;
}

export interface TagCount {
  tag: string;
  count: number;
}

export interface ImportProgress {
  entryId: string;
  fileName: string;
  bytesDone: number;
  bytesTotal: number;
}

// ---- Competency frameworks (backend/portfolio/framework.go, backend/workspace, backend/frameworks) ----

/** Where a framework came from: built in (read-only), imported from a CASE file, or made in the app. */
export type FrameworkOrigin = 'builtin' | 'case' | 'custom';
/** The scale an alignment's strength is measured on. */
export type StrengthScale = 'unesco_levels' | 'proficiency';
/** A value of a strength scale; '' is the weakest (unrated). */
export type Strength = '' | 'acquire' | 'deepen' | 'create' | 'emerging' | 'proficient' | 'exemplary';
/** UNESCO progression level of a competency, or '' for other frameworks. */
export type CompetencyLevel = '' | 'acquire' | 'deepen' | 'create';
/** The educator's own judgement of where they stand on a competency. */
export type AssessmentStatus = 'not_started' | 'in_progress' | 'ready_for_review' | 'met';

export interface Competency {
  /** Stable within the framework: "unesco-ai-cft:1.1", a CASE identifier, or a UUID; "" when new (SaveCustom). */
  id: string;
  frameworkId: string;
  /** "" at the top level */
  parentId: string;
  /** "1.1", "2.4.d"; may be empty */
  code: string;
  title: string;
  description: string;
  level?: CompetencyLevel;
  /** among its siblings, from 1 */
  position: number;
  /** 0 at the top level */
  depth: number;
  leaf: boolean;
  caseId?: string;
  caseUri?: string;
  /** set when a re-import or an edit dropped it */
  retiredAt?: string;
}

export interface Framework {
  id: string;
  title: string;
  publisher: string;
  version: string;
  sourceUrl: string;
  licence: string;
  description: string;
  origin: FrameworkOrigin;
  scale: StrengthScale;
  caseId?: string;
  caseUri?: string;
  /** depth-first, parents before children; empty in List() results */
  competencies: Competency[];
  createdAt: string;
  updatedAt: string;
  /** competencies retired by later versions or edits */
  retired: number;
  /** live competencies that evidence aligns to */
  leafCount: number;
  contentDigest: string;
}

export interface Alignment {
  id: string;
  entryId: string;
  competencyId: string;
  frameworkId: string;
  /** "how this shows the competency" */
  rationale: string;
  strength: Strength;
  createdAt: string;
  updatedAt: string;
}

export interface CoverageEntry {
  entryId: string;
  title: string;
  kind: Kind;
  strength: Strength;
  rationale: string;
}

export interface CoverageRow {
  competency: Competency;
  /** a leaf's self-assessment ('not_started' when never set); '' for inner nodes */
  status: AssessmentStatus | '';
  /** live entries only */
  evidence: CoverageEntry[];
  /** '' when there is no evidence */
  strongest: Strength;
}

export interface Coverage {
  framework: Framework;
  /** depth-first; inner nodes have no evidence of their own */
  rows: CoverageRow[];
  leafCount: number;
  withEvidence: number;
  /** "11 of 15 competencies have evidence" */
  summary: string;
}

/** What a CASE file held (frameworks.CASEReport). */
export interface CASEReport {
  items: number;
  associations: number;
  used: number;
  ignoredExternal: number;
  ignoredOtherType: number;
  ignoredExtraParents: number;
}

/** How an import changed the stored framework (store.FrameworkChange). */
export interface FrameworkChange {
  added: number;
  updated: number;
  retired: number;
  unchanged: number;
  restored: number;
}

/** The result of ImportCASE; all zero (framework.id "") when the educator cancelled the dialog. */
export interface ImportReport {
  framework: Framework;
  file: CASEReport;
  change: FrameworkChange;
  /** true when the file updated a framework imported before */
  replaced: boolean;
}

// ---- Signing identity, signed PDF export and verification (backend/identity, app/, backend/workspace, backend/signing) ----

/** The educator's signing identity (identity.Info). Nothing secret. */
export interface IdentityInfo {
  /** "CN=Zoë Ñúñez, E=zoe@example.org, O=School, L=District" */
  subject: string;
  issuer: string;
  /** the signer's name */
  commonName: string;
  /** first email address in the certificate, or "" */
  email: string;
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  /** "AB:CD:…", as `openssl x509 -fingerprint -sha256` prints it */
  fingerprintSha256: string;
  /** the same digest in lower-case hex */
  fingerprintHex: string;
  /** "ECDSA P-256", "RSA 3072", … */
  keyType: string;
  selfSigned: boolean;
  imported: boolean;
  /** certificates stored besides the signer's own */
  chainLength: number;
}

/** The two PDFs, and the submission package (a signed zip: the Certification PDF with the originals beside it). */
export type ExportPreset = 'certification' | 'interview' | 'package';
export type Paper = 'letter' | 'a4';

/** What the export page chose (app.ExportRequest); for a package only the paper matters. */
export interface ExportRequest {
  preset: ExportPreset;
  paper: Paper;
  /** interview: the entries picked, in order; empty means every ready entry */
  entryIds: string[];
  /** interview: printed first and marked */
  highlights: string[];
  /** attachments larger than this many bytes are listed but not embedded; 0 embeds everything */
  leaveOutOver: number;
}

/** What an export would produce, before the signature (workspace.Estimate). */
export interface ExportEstimate {
  pages: number;
  entries: number;
  bytes: number;
  /** attachments left out for their size */
  leftOut: string[];
}

/** What a signed export produced (from workspace.ExportReport); path "" when the save dialog was cancelled. */
export interface ExportReport {
  pages: number;
  /** images printed, the profile photo included */
  images: number;
  /** images that could not be shown and were replaced by a labelled box */
  placeholders: number;
  /** files embedded */
  attachments: number;
  /** one per image that could not be shown */
  warnings: string[];
  path: string;
  bytes: number;
  entries: number;
  leftOut: string[];
}

/**
 * Stages of the "export:progress" event: the layout pass and the drawing pass go per entry,
 * embedding per file; a package then packs its files one by one ('package').
 */
export type ExportStage = 'layout' | 'entries' | 'attachments' | 'package';

/** What the PDF of a package is (pdfrender.Report). */
export interface PDFReport {
  pages: number;
  images: number;
  placeholders: number;
  attachments: number;
  warnings: string[];
}

/** What a submission package export produced (submission.Report); path "" when the save dialog was cancelled. */
export interface PackageReport {
  path: string;
  bytes: number;
  entries: number;
  /** original files */
  artifacts: number;
  credentials: number;
  pdf: PDFReport;
}

/** The "export:progress" event (app.ExportProgress). */
export interface ExportProgress {
  stage: ExportStage;
  done: number;
  total: number;
}

/** One signature of a verified file (signing.SignatureReport). */
export interface SignatureReport {
  /** the signer's name from the certificate */
  signer: string;
  email: string;
  issuer: string;
  fingerprintSha256: string;
  /** RFC 3339; the time the signer's computer claimed */
  signingTime: string;
  /** "ETSI.CAdES.detached" (PAdES) or "adbe.pkcs7.detached" */
  subFilter: string;
  coversWholeFile: boolean;
  digestValid: boolean;
  signatureValid: boolean;
  selfSigned: boolean;
  /** absent (Go sends null) when not checked against trusted certificates */
  trusted?: boolean;
  /** which bytes the signature covers, in words */
  covered: string;
  problems: string[];
}

/** The verdict on a signed file (signing.Verification). */
export interface Verification {
  valid: boolean;
  signatures: SignatureReport[];
  problems: string[];
}

/** What "Verify a file…" found the file to be, told apart by its first bytes; '' when the dialog was cancelled. */
export type VerifiedKind = '' | 'pdf' | 'package';

/** A problem with a package, naming its file (bag.Problem: Go's field names, it has no JSON tags). */
export interface PackageProblem {
  /** "data/artifacts/…", "tagmanifest-sha256.txt.p7s", "(the zip)" */
  File: string;
  Message: string;
}

/** What a package says it holds, from its portfolio.json (submission.Summary). */
export interface PackageSummary {
  id: string;
  name: string;
  district: string;
  entries: number;
  artifacts: number;
  credentials: number;
  generatedAt: string;
}

/** The verdict on a submission package (submission.Verification). */
export interface PackageVerification {
  valid: boolean;
  /** every problem found, each naming its file */
  problems: PackageProblem[];
  /** the detached CMS over the tag manifest; absent when missing or unreadable */
  manifestSignature?: SignatureReport;
  /** data/portfolio.pdf's own signatures; absent when it is missing */
  pdf?: Verification;
  portfolio: PackageSummary;
}

/** "Verify a file…": the file chosen and its verification (app.VerifiedFile); path "" when cancelled. */
export interface VerifiedFile {
  path: string;
  kind: VerifiedKind;
  /** a PDF's verdict (empty for a package) */
  verification: Verification;
  /** a package's verdict; absent for a PDF */
  package?: PackageVerification;
  /** set for a package that passed: lets the reviewer browse it and open its files */
  reviewToken: string;
}

/** The "verify:progress" event while a package's files are hashed (app.VerifyProgress). */
export interface VerifyProgress {
  done: number;
  total: number;
}

// ---- Reviewer mode: a verified package's portfolio, labelled by Go's backend/present (app.Reviewed*) ----

export interface DetailBlock {
  /** field: short, beside its label; narrative: prose under it; outcomes: the table of results */
  kind: 'field' | 'narrative' | 'outcomes';
  label: string;
  /** line breaks kept */
  text: string;
  outcomes: Outcome[];
}

export interface ReviewedAlignment {
  framework: string;
  code: string;
  competency: string;
  /** "Deepen"; '' when unrated */
  strength: string;
  rationale: string;
}

export interface ReviewedArtifact {
  type: ArtifactType;
  role: ArtifactRole;
  /** file name, or the link's title or address */
  name: string;
  /** "PDF document · 3.2 KB"; "Link" */
  detail: string;
  caption: string;
  sha256: string;
  /** a link's address */
  url: string;
  /** a file's place in the package's data/ folder, for openOriginal; '' for a link */
  path: string;
}

export interface ReviewedEntry {
  id: string;
  kind: Kind;
  kindLabel: string;
  title: string;
  /** dates, pilot status, "Draft", tags */
  meta: string[];
  details: DetailBlock[];
  /** answered prompts only */
  reflection: ReflectionAnswer[];
  alignments: ReviewedAlignment[];
  artifacts: ReviewedArtifact[];
}

export interface ReviewedPortfolio {
  portfolioId: string;
  generatedAt: string;
  /** "ReadyFolio 1.2.0" */
  generator: string;
  name: string;
  /** name, role, school, district, email: those given */
  profile: DetailBlock[];
  bio: string;
  /** the signed PDF's place in data/, for openOriginal */
  pdfPath: string;
  entries: ReviewedEntry[];
}

// ---- Backups (backend/backup, app.BackupService) ----

/** What "Back up now…" wrote (backup.Report); path "" when the save dialog was cancelled. */
export interface BackupReport {
  path: string;
  /** the file's size */
  bytes: number;
  /** outside the trash */
  entries: number;
  /** files, each distinct content once */
  artifacts: number;
  /** the signing identity's files are in it (the key still sealed by the passphrase) */
  identity: boolean;
  schemaVersion: number;
  portfolioId: string;
}

/** What a backup says about itself, trusted once the whole file was checked (backup.Summary). */
export interface BackupSummary {
  formatVersion: number;
  schemaVersion: number;
  /** "ReadyFolio 1.4.0" */
  madeBy: string;
  /** RFC 3339 */
  made: string;
  portfolioId: string;
  entries: number;
  artifacts: number;
  identity: boolean;
  /** of the files it holds, unpacked */
  bytes: number;
}

/** daily: made when the app started; before-restore: the portfolio a restore replaced. */
export type ListedBackupKind = 'daily' | 'before-restore';

/** A backup ReadyFolio keeps in the data folder's backups folder (backup.Listed). */
export interface ListedBackup {
  name: string;
  path: string;
  kind: ListedBackupKind;
  /** the local day it was made, YYYY-MM-DD */
  date: string;
  /** HH:MM:SS for a before-restore backup; '' for a daily one */
  time: string;
  bytes: number;
}

/** A backup that passed every check, waiting for the educator's yes (app.RestoreCandidate); path '' when cancelled. */
export interface RestoreCandidate {
  path: string;
  token: string;
  backup: BackupSummary;
  /** entries of the portfolio open now, which the restore replaces */
  currentEntries: number;
  /** the backup is of the portfolio open now */
  samePortfolio: boolean;
}

/** What a restore did (backup.RestoreReport). */
export interface RestoreReport {
  dir: string;
  backup: BackupSummary;
  /** where the replaced portfolio went: its backup, or (previousAsFiles) its files as they were */
  previous?: string;
  previousAsFiles?: boolean;
}

export type BackupStage = 'backup' | 'inspect' | 'restore';

/** The "backup:progress" event (app.BackupProgress), in bytes. */
export interface BackupProgress {
  stage: BackupStage;
  done: number;
  total: number;
}

/** '' when no folder is open; then running, and made, exists (today's was made earlier) or failed. */
export type AutoBackupState = '' | 'running' | 'made' | 'exists' | 'failed';

/** The day's automatic backup (app.AutoBackup), also the "backup:auto" event. */
export interface AutoBackup {
  state: AutoBackupState;
  /** YYYY-MM-DD */
  date: string;
  path: string;
  /** why it failed */
  message: string;
}

// ---- Credentials, Open Badges, the evaluation rubric and the impact figures (app.CredentialService) ----

export type CredentialKind = 'certification' | 'micro_credential' | 'badge';

export interface Credential {
  id: string;
  kind: CredentialKind;
  name: string;
  issuer: string;
  /** YYYY-MM-DD or empty */
  issuedOn: string;
  /** YYYY-MM-DD, empty when it does not expire */
  expiresOn: string;
  credentialId: string;
  verificationUrl: string;
  fileName?: string;
  mediaType?: string;
  size?: number;
  sha256?: string;
  /** the Open Badges format of the file, '' when it is none */
  badgeFormat?: string;
  position: number;
  createdAt: string;
  updatedAt: string;
}

export interface BadgeRecipient {
  type: string;
  identity: string;
  hashed: boolean;
  salt?: string;
}

export interface BadgeEvidence {
  id?: string;
  name?: string;
  narrative?: string;
}

/** What an Open Badges file claims (openbadges.Badge); nothing in it was checked online. */
export interface Badge {
  format: string;
  version: string;
  achievement?: string;
  achievementId?: string;
  description?: string;
  criteria?: string;
  criteriaUrl?: string;
  image?: string;
  issuer?: string;
  issuerId?: string;
  issuerUrl?: string;
  issuerEmail?: string;
  recipients?: BadgeRecipient[];
  issuedOn: string;
  expiresOn: string;
  credentialId?: string;
  verificationUrl?: string;
  evidence?: BadgeEvidence[];
  verification?: string;
  signed: boolean;
  signatureType?: string;
  signedBy?: string;
  statusUrl?: string;
  revoked?: boolean;
  revocationReason?: string;
  /** as the generated model types Go's []byte */
  raw: number[];
  token?: string;
}

export type FindingStatus = 'passed' | 'failed' | 'not_checked';

/** One check of a badge (openbadges.Finding); detail is a sentence. */
export interface BadgeFinding {
  check: string;
  status: FindingStatus;
  detail: string;
}

/** A credential as the Credentials page shows it (workspace.CredentialView). */
export interface CredentialView extends Credential {
  /** false once it has expired */
  held: boolean;
  badge?: Badge;
  findings: BadgeFinding[];
}

/** The rubric new evaluations are scored against (app.RubricInfo); custom when imported. */
export interface RubricInfo {
  rubric: Rubric;
  custom: boolean;
}

export interface ImpactFigure {
  value: string;
  label: string;
}

/** "Impact at a glance" (app.Impact): figures already worded by Go. */
export interface Impact {
  title: string;
  figures: ImpactFigure[];
}
