// TypeScript mirrors of the Go domain types in backend/portfolio and the session status in app/.
// Field names are the Go JSON tags; times arrive as RFC 3339 strings.

export type Kind = 'ai_pilot' | 'lesson_redesign' | 'pd_led' | 'artifact';
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
  artifacts: Artifact[];
  createdAt: string;
  updatedAt: string;
  deletedAt?: string;
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
