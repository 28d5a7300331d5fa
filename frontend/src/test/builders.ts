// Test data shaped exactly like the Go JSON. Plain functions with no test-runner imports, so the
// same builders can feed unit tests and the end-to-end tests.
import type {
  Alignment,
  Artifact,
  AssessmentStatus,
  AutoBackup,
  BackupReport,
  BackupSummary,
  Competency,
  Coverage,
  CoverageEntry,
  CredentialView,
  CoverageRow,
  Entry,
  ExportEstimate,
  ExportReport,
  Framework,
  IdentityInfo,
  Impact,
  ImpactFigure,
  ImportReport,
  Kind,
  KindInfo,
  ListedBackup,
  PackageReport,
  PackageVerification,
  Profile,
  RestoreCandidate,
  RestoreReport,
  ReviewedEntry,
  ReviewedPortfolio,
  Rubric,
  SearchHit,
  SignatureReport,
  StartupStatus,
  Strength,
  VerifiedFile,
} from '../lib/types';

const fixedTime = '2025-03-14T09:30:00Z';
let counter = 0;

/** A UUID v7-looking id that is unique within a test run. */
export function anId(): string {
  counter++;
  return `01950000-0000-7000-8000-${counter.toString(16).padStart(12, '0')}`;
}

/** The four kinds as portfolio.Kinds() lists them. */
export function kindInfos(): KindInfo[] {
  return [
    {
      kind: 'ai_pilot',
      label: 'AI pilot',
      description: 'A classroom or school pilot of an AI tool or practice, with measured results.',
      reflectionPrompts: [
        'What did you expect the pilot to change, and what actually changed?',
        'What would you do differently if you ran it again?',
        "How did you protect students' data and agency?",
      ],
    },
    {
      kind: 'lesson_redesign',
      label: 'Lesson or assessment redesign',
      description: 'A lesson or assessment you redesigned for a world with AI.',
      reflectionPrompts: [
        'Why did the original no longer serve your students?',
        'What does the redesign ask of students that AI cannot do for them?',
        'What did student work show you afterwards?',
      ],
    },
    {
      kind: 'pd_led',
      label: 'Professional development led',
      description: 'A workshop, coaching cycle, course or session you led for colleagues.',
      reflectionPrompts: [
        'What did participants need most, and how did you find out?',
        'What changed in their practice afterwards?',
        'What will you change the next time you lead it?',
      ],
    },
    {
      kind: 'artifact',
      label: 'Other artifact',
      description: 'Any other evidence: a presentation, a publication, a letter, a recording.',
      reflectionPrompts: ['What does this artifact show about your work with AI?', 'What did you learn from making it?'],
    },
  ];
}

export function aStatus(overrides: Partial<StartupStatus> = {}): StartupStatus {
  return {
    ready: true,
    dataDir: '/home/teacher/.local/share/ReadyFolio',
    problem: '',
    problemKind: '',
    profileComplete: true,
    version: '0.1.0',
    ...overrides,
  };
}

export function aProfile(overrides: Partial<Profile> = {}): Profile {
  return {
    portfolioId: anId(),
    name: 'Amara Okafor',
    role: 'Instructional technology coach',
    school: 'Riverside Middle School',
    district: 'Lakeside Unified',
    email: 'amara.okafor@example.org',
    bio: '',
    photoSha256: '',
    createdAt: fixedTime,
    updatedAt: fixedTime,
    ...overrides,
  };
}

/** An entry as portfolio.NewEntry makes it: details of its kind and empty reflection answers. */
export function anEntry(kind: Kind = 'ai_pilot', overrides: Partial<Entry> = {}): Entry {
  const info = [...kindInfos(), ...newKindInfos()].find((k) => k.kind === kind)!;
  const entry: Entry = {
    id: anId(),
    kind,
    title: `An ${info.label.toLowerCase()}`,
    status: 'draft',
    includeInExports: true,
    position: 0,
    startDate: '',
    endDate: '',
    tags: [],
    reflection: info.reflectionPrompts.map((prompt) => ({ prompt, text: '' })),
    artifacts: [],
    createdAt: fixedTime,
    updatedAt: fixedTime,
  };
  if (kind === 'ai_pilot') {
    entry.pilot = {
      gradesSubjects: '',
      aiTools: [],
      problemGoal: '',
      whatWasDone: '',
      studentsReached: 0,
      classesReached: 0,
      outcomes: [],
      privacy: { studentDataInvolved: false, approvalObtained: false, notes: '' },
      pilotStatus: 'planned',
    };
  } else if (kind === 'lesson_redesign') {
    entry.redesign = {
      subject: '',
      grade: '',
      originalDescription: '',
      redesignDescription: '',
      aiRole: '',
      integrityMeasures: '',
      studentOutcomes: '',
    };
  } else if (kind === 'pd_led') {
    entry.pd = {
      format: 'workshop',
      audience: '',
      participants: 0,
      contactHours: 0,
      materials: '',
      feedbackSummary: '',
      feedbackRating: 0,
    };
  } else if (kind === 'tool_evaluation') {
    const rubric = aRubric();
    entry.evaluation = {
      tool: '',
      vendor: '',
      toolVersion: '',
      intendedUse: '',
      gradeBand: '',
      rubric,
      scores: rubric.criteria.map((c) => ({ criterion: c.id, score: 0, notes: '', answers: {} })),
      recommendation: '',
      rationale: '',
    };
  } else if (kind === 'policy_guidance') {
    entry.guidance = { body: '', bodyLevel: '', role: 'author', stage: 'in_progress', summary: '' };
  } else {
    entry.other = { description: '' };
  }
  return { ...entry, ...overrides };
}

export function aFileArtifact(overrides: Partial<Artifact> = {}): Artifact {
  return {
    id: anId(),
    entryId: '',
    type: 'file',
    role: 'attachment',
    position: 0,
    caption: '',
    fileName: 'survey-results.pdf',
    mediaType: 'application/pdf',
    size: 248_832,
    sha256: 'b'.repeat(64),
    createdAt: fixedTime,
    ...overrides,
  };
}

export function anImageArtifact(overrides: Partial<Artifact> = {}): Artifact {
  return aFileArtifact({ fileName: 'student-work.jpg', mediaType: 'image/jpeg', size: 1_572_864, ...overrides });
}

export function aLinkArtifact(overrides: Partial<Artifact> = {}): Artifact {
  return {
    id: anId(),
    entryId: '',
    type: 'link',
    role: 'attachment',
    position: 0,
    caption: '',
    url: 'https://example.org/ai-guidance',
    linkTitle: 'District AI guidance',
    createdAt: fixedTime,
    ...overrides,
  };
}

export function aSearchHit(entry: Entry, snippet: string): SearchHit {
  return { entry, snippet };
}

/** A 1x1 transparent PNG as a data: URL, standing in for a thumbnail. */
export const tinyPng =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

// ---- Competency frameworks ----

/** A group of a framework's tree (a UNESCO dimension, an ISTE standard) with its leaves. */
export interface TreeGroup {
  code: string;
  title: string;
  leaves: { code: string; title: string; description?: string; level?: Competency['level'] }[];
}

/** The UNESCO framework's five dimensions and fifteen competencies, as the Go built-in has them. */
export const unescoGroups: TreeGroup[] = [
  ['1', 'Human-centred mindset', ['Human agency', 'Human accountability', 'Social responsibility']],
  ['2', 'Ethics of AI', ['Ethical principles', 'Safe and responsible use', 'Co-creating ethical rules']],
  ['3', 'AI foundations and applications', ['Basic AI techniques and applications', 'Application skills', 'Creating with AI']],
  ['4', 'AI pedagogy', ['AI-assisted teaching', 'AI-pedagogy integration', 'AI-enhanced pedagogical transformation']],
  [
    '5',
    'AI for professional development',
    [
      'AI enabling lifelong professional learning',
      'AI to enhance organizational learning',
      'AI to support professional transformation',
    ],
  ],
].map(([code, title, leaves]) => ({
  code: code as string,
  title: title as string,
  leaves: (leaves as string[]).map((t, i) => ({
    code: `${code}.${i + 1}`,
    title: t,
    description: `What “${t.toLowerCase()}” asks of a teacher.`,
    level: (['acquire', 'deepen', 'create'] as const)[i],
  })),
}));

/** The first two ISTE standards for educators, enough for tests. */
export const isteGroups: TreeGroup[] = [
  {
    code: '2.1',
    title: 'Learner',
    leaves: [
      { code: '2.1.a', title: 'Set professional learning goals' },
      { code: '2.1.b', title: 'Pursue professional interests' },
      { code: '2.1.c', title: 'Stay current with research' },
    ],
  },
  {
    code: '2.2',
    title: 'Leader',
    leaves: [
      { code: '2.2.a', title: 'Shape a shared vision' },
      { code: '2.2.b', title: 'Advocate for equitable access' },
      { code: '2.2.c', title: 'Model new tools for colleagues' },
    ],
  },
];

/** Competencies of a two-level tree, depth-first, with ids "<frameworkId>:<code>" as the built-ins have them. */
export function competenciesOf(frameworkId: string, groups: TreeGroup[]): Competency[] {
  const out: Competency[] = [];
  groups.forEach((g, gi) => {
    const parentId = `${frameworkId}:${g.code}`;
    out.push(aCompetency({ id: parentId, frameworkId, code: g.code, title: g.title, position: gi + 1, leaf: false }));
    g.leaves.forEach((l, li) =>
      out.push(
        aCompetency({
          id: `${frameworkId}:${l.code}`,
          frameworkId,
          parentId,
          code: l.code,
          title: l.title,
          description: l.description ?? '',
          level: l.level,
          position: li + 1,
          depth: 1,
          leaf: true,
        }),
      ),
    );
  });
  return out;
}

export function aCompetency(overrides: Partial<Competency> = {}): Competency {
  return {
    id: anId(),
    frameworkId: '',
    parentId: '',
    code: '',
    title: 'A competency',
    description: '',
    position: 1,
    depth: 0,
    leaf: true,
    ...overrides,
  };
}

/** A framework; pass competencies, or groups to build a two-level tree. */
export function aFramework(overrides: Partial<Framework> = {}, groups?: TreeGroup[]): Framework {
  const id = overrides.id ?? anId();
  const competencies = overrides.competencies ?? (groups ? competenciesOf(id, groups) : []);
  return {
    id,
    title: 'A framework',
    publisher: '',
    version: '',
    sourceUrl: '',
    licence: '',
    description: '',
    origin: 'custom',
    scale: 'proficiency',
    createdAt: fixedTime,
    updatedAt: fixedTime,
    retired: competencies.filter((c) => c.retiredAt).length,
    leafCount: competencies.filter((c) => c.leaf && !c.retiredAt).length,
    contentDigest: '',
    ...overrides,
    competencies,
  };
}

export function aUnescoFramework(overrides: Partial<Framework> = {}): Framework {
  return aFramework(
    {
      id: 'unesco-ai-cft',
      title: 'UNESCO AI Competency Framework for Teachers',
      publisher: 'UNESCO',
      version: '2024',
      sourceUrl: 'https://doi.org/10.54675/ZJTE2084',
      licence: 'CC BY-SA 3.0 IGO',
      description: '15 competencies in five dimensions, each at three progression levels: acquire, deepen and create.',
      origin: 'builtin',
      scale: 'unesco_levels',
      contentDigest: 'd'.repeat(64),
      ...overrides,
    },
    unescoGroups,
  );
}

export function anIsteFramework(overrides: Partial<Framework> = {}): Framework {
  return aFramework(
    {
      id: 'iste-educators',
      title: 'ISTE Standards for Educators',
      publisher: 'ISTE',
      version: '2017',
      sourceUrl: 'https://iste.org/standards/educators',
      origin: 'builtin',
      scale: 'proficiency',
      contentDigest: 'e'.repeat(64),
      ...overrides,
    },
    isteGroups,
  );
}

/** A framework as FrameworkService.List returns it: counts, no competencies. */
export function listed(f: Framework): Framework {
  return { ...f, competencies: [] };
}

export function anAlignment(overrides: Partial<Alignment> = {}): Alignment {
  return {
    id: anId(),
    entryId: '',
    competencyId: '',
    frameworkId: '',
    rationale: '',
    strength: '',
    createdAt: fixedTime,
    updatedAt: fixedTime,
    ...overrides,
  };
}

export function aCoverageEntry(entry: Pick<Entry, 'id' | 'title' | 'kind'>, strength: Strength = '', rationale = ''): CoverageEntry {
  return { entryId: entry.id, title: entry.title, kind: entry.kind, strength, rationale };
}

/** A scale's strengths from weakest to strongest, as portfolio.Strengths lists them. */
export function strengthsOf(scale: Framework['scale']): Strength[] {
  return scale === 'unesco_levels' ? ['acquire', 'deepen', 'create'] : ['emerging', 'proficient', 'exemplary'];
}

/**
 * The coverage map of a framework as Store.Coverage computes it: every live competency in tree
 * order (retired leaves only while they have evidence, with their retired ancestors), the given
 * evidence (strongest first) and self-assessments keyed by competency id, and the summary line.
 */
export function aCoverage(
  framework: Framework,
  evidence: Record<string, CoverageEntry[]> = {},
  statuses: Record<string, AssessmentStatus> = {},
): Coverage {
  const scale = strengthsOf(framework.scale);
  const rank = (s: Strength) => scale.indexOf(s);
  const parentOf = new Map(framework.competencies.map((c) => [c.id, c.parentId]));
  const shown = new Set<string>();
  for (const c of framework.competencies) {
    if (!c.retiredAt) shown.add(c.id);
    else if (c.leaf && (evidence[c.id] ?? []).length > 0) {
      for (let id = c.id; id !== '' && !shown.has(id); id = parentOf.get(id) ?? '') shown.add(id);
    }
  }
  let leafCount = 0;
  let withEvidence = 0;
  const rows: CoverageRow[] = [];
  for (const c of framework.competencies) {
    if (!shown.has(c.id)) continue;
    const ev = c.leaf ? [...(evidence[c.id] ?? [])].sort((a, b) => rank(b.strength) - rank(a.strength) || a.title.localeCompare(b.title)) : [];
    if (c.leaf && !c.retiredAt) {
      leafCount++;
      if (ev.length > 0) withEvidence++;
    }
    rows.push({
      competency: c,
      status: c.leaf ? (statuses[c.id] ?? 'not_started') : '',
      evidence: ev,
      strongest: ev.length > 0 && rank(ev[0].strength) >= 0 ? ev[0].strength : '',
    });
  }
  return {
    framework: { ...framework, competencies: [] },
    rows,
    leafCount,
    withEvidence,
    summary:
      leafCount === 1
        ? `${withEvidence} of 1 competency has evidence`
        : `${withEvidence} of ${leafCount} competencies have evidence`,
  };
}

/** A custom framework of `groups` groups with `perGroup` competencies each (200 = 10 x 19 + 10 groups). */
export function aLargeFramework(groups: number, perGroup: number, overrides: Partial<Framework> = {}): Framework {
  const tree: TreeGroup[] = Array.from({ length: groups }, (_, g) => ({
    code: `${g + 1}`,
    title: `Area ${g + 1}`,
    leaves: Array.from({ length: perGroup }, (_, l) => ({
      code: `${g + 1}.${l + 1}`,
      title: `Competency ${g + 1}.${l + 1}`,
    })),
  }));
  return aFramework({ title: 'District framework', origin: 'case', publisher: 'Lakeside Unified', ...overrides }, tree);
}

export function anImportReport(framework: Framework, overrides: Partial<ImportReport> = {}): ImportReport {
  const items = framework.competencies.length;
  return {
    framework,
    file: { items, associations: items, used: items, ignoredExternal: 0, ignoredOtherType: 0, ignoredExtraParents: 0 },
    change: { added: items, updated: 0, retired: 0, unchanged: 0, restored: 0 },
    replaced: false,
    ...overrides,
  };
}

/** What ImportCASE returns when the educator cancels the file dialog. */
export function aCancelledImport(): ImportReport {
  return {
    framework: aFramework({ id: '', title: '', createdAt: '0001-01-01T00:00:00Z', updatedAt: '0001-01-01T00:00:00Z' }),
    file: { items: 0, associations: 0, used: 0, ignoredExternal: 0, ignoredOtherType: 0, ignoredExtraParents: 0 },
    change: { added: 0, updated: 0, retired: 0, unchanged: 0, restored: 0 },
    replaced: false,
  };
}

// ---- Signing identity, export and verification ----

const fingerprintOf = (seed: string) =>
  Array.from({ length: 32 }, (_, i) => ((seed.charCodeAt(i % seed.length) * (i + 7)) % 256).toString(16).padStart(2, '0').toUpperCase()).join(':');

/** A self-signed identity as IdentityService.Create makes it from the default profile. */
export function anIdentity(overrides: Partial<IdentityInfo> = {}): IdentityInfo {
  const fingerprintSha256 = overrides.fingerprintSha256 ?? fingerprintOf(overrides.commonName ?? 'Amara Okafor');
  const subject = 'CN=Amara Okafor, E=amara.okafor@example.org, O=Riverside Middle School, L=Lakeside Unified';
  return {
    subject,
    issuer: subject,
    commonName: 'Amara Okafor',
    email: 'amara.okafor@example.org',
    serialNumber: '5F3A9C0E11D24B7786A1C3E5F7092B4D',
    notBefore: '2025-03-14T09:30:00Z',
    notAfter: '2035-03-14T09:30:00Z',
    fingerprintSha256,
    fingerprintHex: fingerprintSha256.replaceAll(':', '').toLowerCase(),
    keyType: 'ECDSA P-256',
    selfSigned: true,
    imported: false,
    chainLength: 0,
    ...overrides,
  };
}

/** An identity a district issued, imported from a .p12 file. */
export function anIssuedIdentity(overrides: Partial<IdentityInfo> = {}): IdentityInfo {
  return anIdentity({
    issuer: 'CN=Lakeside Unified Signing CA, O=Lakeside Unified',
    keyType: 'RSA 3072',
    selfSigned: false,
    imported: true,
    chainLength: 1,
    fingerprintSha256: fingerprintOf('issued'),
    ...overrides,
  });
}

export function anEstimate(overrides: Partial<ExportEstimate> = {}): ExportEstimate {
  return { pages: 23, entries: 10, bytes: 4_404_019, leftOut: [], ...overrides };
}

export function anExportReport(overrides: Partial<ExportReport> = {}): ExportReport {
  return {
    pages: 24,
    images: 6,
    placeholders: 0,
    attachments: 8,
    warnings: [],
    path: '/home/teacher/Documents/portfolio.pdf',
    bytes: 4_413_210,
    entries: 10,
    leftOut: [],
    ...overrides,
  };
}

/** What ExportPDF returns when the educator cancels the save dialog. */
export function aCancelledExport(): ExportReport {
  return anExportReport({ pages: 0, images: 0, attachments: 0, path: '', bytes: 0, entries: 0 });
}

export function aSignatureReport(overrides: Partial<SignatureReport> = {}): SignatureReport {
  const id = anIdentity();
  return {
    signer: id.commonName,
    email: id.email,
    issuer: id.issuer,
    fingerprintSha256: id.fingerprintSha256,
    signingTime: '2025-03-20T15:04:05Z',
    subFilter: 'ETSI.CAdES.detached',
    coversWholeFile: true,
    digestValid: true,
    signatureValid: true,
    selfSigned: true,
    covered: 'bytes 0–812 and 17198–402311 of 402312: the whole file except the signature value',
    problems: [],
    ...overrides,
  };
}

/** A verified file; valid unless some signature or the file has problems. */
export function aVerifiedFile(
  signatures: SignatureReport[] = [aSignatureReport()],
  problems: string[] = [],
  path = '/home/reviewer/Downloads/okafor-portfolio.pdf',
): VerifiedFile {
  const valid =
    signatures.length > 0 &&
    problems.length === 0 &&
    signatures.every((s) => s.problems.length === 0) &&
    signatures[signatures.length - 1].coversWholeFile;
  return { path, kind: 'pdf', verification: { valid, signatures, problems }, reviewToken: '' };
}

/** What VerifyFile returns when the reviewer cancels the file dialog. */
export function aCancelledVerification(): VerifiedFile {
  return { path: '', kind: '', verification: { valid: false, signatures: [], problems: [] }, reviewToken: '' };
}

export function aPackageReport(overrides: Partial<PackageReport> = {}): PackageReport {
  return {
    path: '/home/teacher/Documents/portfolio-package.zip',
    bytes: 9_437_184,
    entries: 10,
    artifacts: 12,
    credentials: 0,
    pdf: { pages: 24, images: 6, placeholders: 0, attachments: 1, warnings: [] },
    ...overrides,
  };
}

/** What ExportPackage returns when the educator cancels the save dialog. */
export function aCancelledPackage(): PackageReport {
  return aPackageReport({ path: '', bytes: 0, entries: 0, artifacts: 0, credentials: 0, pdf: { pages: 0, images: 0, placeholders: 0, attachments: 0, warnings: [] } });
}

/** A package's verdict: valid unless problems are given (the package and its PDF signed by the same identity). */
export function aPackageVerification(overrides: Partial<PackageVerification> = {}): PackageVerification {
  const problems = overrides.problems ?? [];
  return {
    valid: problems.length === 0,
    problems,
    manifestSignature: aSignatureReport({ subFilter: '', covered: 'all 1532 bytes of the signed file' }),
    pdf: aVerifiedFile().verification,
    portfolio: {
      id: '01950000-0000-7000-8000-00000000abcd',
      name: 'Amara Okafor',
      district: 'Lakeside Unified',
      entries: 10,
      artifacts: 12,
      credentials: 0,
      generatedAt: '2025-03-20T15:04:05Z',
    },
    ...overrides,
  };
}

/** A verified package; a valid one gets a review token. */
export function aVerifiedPackage(
  verification: PackageVerification = aPackageVerification(),
  path = '/home/reviewer/Downloads/okafor-package.zip',
): VerifiedFile {
  return {
    path,
    kind: 'package',
    verification: { valid: false, signatures: [], problems: [] },
    package: verification,
    reviewToken: verification.valid ? 'review-token-1' : '',
  };
}

export function aReviewedEntry(overrides: Partial<ReviewedEntry> = {}): ReviewedEntry {
  return {
    id: anId(),
    kind: 'ai_pilot',
    kindLabel: 'AI pilot',
    title: 'Feedback bot pilot',
    meta: ['Sep 2024 – Dec 2024', 'Pilot completed', 'Tags: science, feedback'],
    details: [
      { kind: 'field', label: 'Grades and subjects', text: 'Grade 7 science', outcomes: [] },
      { kind: 'field', label: 'AI tools', text: 'Feedback bot', outcomes: [] },
      { kind: 'narrative', label: 'Problem or goal', text: 'Students waited a week for feedback.', outcomes: [] },
      {
        kind: 'outcomes',
        label: 'Outcomes',
        text: '',
        outcomes: [{ metric: 'Days to feedback', baseline: '7', result: '1' }],
      },
    ],
    reflection: [{ prompt: 'What would you do differently if you ran it again?', text: 'Start with the rubric.' }],
    alignments: [
      {
        framework: 'UNESCO AI Competency Framework for Teachers',
        code: '4.2',
        competency: 'AI-pedagogy integration',
        strength: 'Deepen',
        rationale: 'Students questioned the feedback before revising.',
      },
    ],
    artifacts: [
      {
        type: 'file',
        role: 'attachment',
        name: 'lab-photo.jpg',
        detail: 'JPEG image · 120 KB',
        caption: 'Students at the lab station',
        sha256: 'a'.repeat(64),
        url: '',
        path: 'artifacts/01-feedback-bot-pilot/lab-photo.jpg',
      },
      {
        type: 'link',
        role: 'attachment',
        name: 'Pilot slides',
        detail: 'Link',
        caption: '',
        sha256: '',
        url: 'https://example.org/slides',
        path: '',
      },
    ],
    ...overrides,
  };
}

export function aReviewedPortfolio(overrides: Partial<ReviewedPortfolio> = {}): ReviewedPortfolio {
  return {
    portfolioId: '01950000-0000-7000-8000-00000000abcd',
    generatedAt: '2025-03-20T15:04:05Z',
    generator: 'ReadyFolio 1.0.0',
    name: 'Amara Okafor',
    profile: [
      { kind: 'field', label: 'Name', text: 'Amara Okafor', outcomes: [] },
      { kind: 'field', label: 'School', text: 'Riverside Middle School', outcomes: [] },
      { kind: 'field', label: 'Email', text: 'amara.okafor@example.org', outcomes: [] },
    ],
    bio: 'Science teacher and AI lead.',
    pdfPath: 'portfolio.pdf',
    entries: [aReviewedEntry()],
    ...overrides,
  };
}

// ---- Backups ----

const dataDir = '/home/teacher/.local/share/ReadyFolio';

export function aBackupReport(overrides: Partial<BackupReport> = {}): BackupReport {
  return {
    path: '/media/usb/readyfolio-backup-2026-11-30.zip',
    bytes: 8_912_896,
    entries: 12,
    artifacts: 9,
    identity: true,
    schemaVersion: 7,
    portfolioId: '01950000-0000-7000-8000-00000000aaaa',
    ...overrides,
  };
}

/** What BackUpNow returns when the educator cancels the save dialog. */
export function aCancelledBackup(): BackupReport {
  return aBackupReport({ path: '', bytes: 0, entries: 0, artifacts: 0, identity: false, schemaVersion: 0, portfolioId: '' });
}

export function aBackupSummary(overrides: Partial<BackupSummary> = {}): BackupSummary {
  return {
    formatVersion: 1,
    schemaVersion: 7,
    madeBy: 'ReadyFolio 0.1.0',
    made: '2026-11-28T08:15:00-05:00',
    portfolioId: '01950000-0000-7000-8000-00000000aaaa',
    entries: 12,
    artifacts: 9,
    identity: true,
    bytes: 9_120_000,
    ...overrides,
  };
}

export function aListedBackup(overrides: Partial<ListedBackup> = {}): ListedBackup {
  const date = overrides.date ?? '2026-11-28';
  const kind = overrides.kind ?? 'daily';
  const name = kind === 'daily' ? `readyfolio-${date}.zip` : `readyfolio-before-restore-${date}-${(overrides.time ?? '09:30:00').replaceAll(':', '')}.zip`;
  return {
    name,
    path: `${dataDir}/backups/${name}`,
    kind,
    date,
    time: kind === 'daily' ? '' : '09:30:00',
    bytes: 8_650_000,
    ...overrides,
  };
}

export function aRestoreCandidate(overrides: Partial<RestoreCandidate> = {}): RestoreCandidate {
  return {
    path: '/media/usb/readyfolio-backup-2026-11-28.zip',
    token: 'token-1',
    backup: aBackupSummary(),
    currentEntries: 14,
    samePortfolio: true,
    ...overrides,
  };
}

/** What ChooseRestore returns when the educator cancels the file dialog. */
export function aCancelledRestore(): RestoreCandidate {
  return aRestoreCandidate({
    path: '',
    token: '',
    backup: aBackupSummary({ formatVersion: 0, schemaVersion: 0, madeBy: '', made: '', portfolioId: '', entries: 0, artifacts: 0, identity: false, bytes: 0 }),
    currentEntries: 0,
    samePortfolio: false,
  });
}

export function aRestoreReport(overrides: Partial<RestoreReport> = {}): RestoreReport {
  return {
    dir: dataDir,
    backup: aBackupSummary(),
    previous: `${dataDir}/backups/readyfolio-before-restore-2026-11-30-141502.zip`,
    previousAsFiles: false,
    ...overrides,
  };
}

export function anAutoBackup(overrides: Partial<AutoBackup> = {}): AutoBackup {
  return { state: 'made', date: '2026-11-30', path: `${dataDir}/backups/readyfolio-2026-11-30.zip`, message: '', ...overrides };
}

// ---- Tool evaluations, policy work, credentials and impact ----

/** The two kinds added after the first four, as portfolio.Kinds() describes them (kindInfos() keeps the first four). */
export function newKindInfos(): KindInfo[] {
  return [
    {
      kind: 'tool_evaluation',
      label: 'AI tool evaluation',
      description: 'An AI tool you evaluated for instructional alignment, accuracy, bias, privacy, accessibility and cost.',
      reflectionPrompts: [
        'What question did the school or district need answered about this tool?',
        'What surprised you when you tested it?',
        'What happened to your recommendation afterwards?',
      ],
    },
    {
      kind: 'policy_guidance',
      label: 'Policy or guidance work',
      description: 'An AI policy, guidance document or framework you wrote, reviewed or helped adopt.',
      reflectionPrompts: [
        'What problem was the policy or guidance meant to solve?',
        'Whose voices shaped it, and how did you include them?',
        'What has changed in practice since it was adopted?',
      ],
    },
  ];
}

/** A short rubric shaped like the built-in one: four levels, three criteria, a text and a yes/no field. */
export function aRubric(overrides: Partial<Rubric> = {}): Rubric {
  return {
    id: 'readyfolio-ai-tool-evaluation',
    name: 'ReadyFolio AI tool evaluation rubric',
    edition: '2026-11',
    publisher: 'ReadyFolio',
    levels: [
      { score: 1, label: 'Unacceptable' },
      { score: 2, label: 'Needs work' },
      { score: 3, label: 'Acceptable' },
      { score: 4, label: 'Strong' },
    ],
    criteria: [
      {
        id: 'instructional_alignment',
        label: 'Instructional alignment',
        guidance: 'Does the tool serve the learning goals it is meant for?',
        fields: [],
      },
      {
        id: 'accuracy',
        label: 'Accuracy',
        guidance: 'How often is the output wrong, and would a student notice?',
        fields: [{ id: 'what_checked', label: 'What was checked', type: 'text', help: 'For example hallucinated sources.' }],
      },
      {
        id: 'student_data_privacy',
        label: 'Student data privacy',
        guidance: 'What does the vendor collect about students?',
        fields: [
          { id: 'data_collected', label: 'Data collected', type: 'text', help: '' },
          { id: 'dpa_signed', label: 'Signed data-privacy agreement', type: 'yes_no', help: '' },
        ],
      },
    ],
    ...overrides,
  };
}

export function aCredential(overrides: Partial<CredentialView> = {}): CredentialView {
  return {
    id: anId(),
    kind: 'certification',
    name: 'Google Certified Educator Level 2',
    issuer: 'Google for Education',
    issuedOn: '2024-06-01',
    expiresOn: '2027-06-01',
    credentialId: 'GCE2-12345',
    verificationUrl: 'https://example.org/verify/GCE2-12345',
    position: 0,
    createdAt: fixedTime,
    updatedAt: fixedTime,
    held: true,
    findings: [],
    ...overrides,
  };
}

/** An Open Badges credential with what its file claims and the offline checks. */
export function aBadgeCredential(overrides: Partial<CredentialView> = {}): CredentialView {
  return aCredential({
    kind: 'badge',
    name: 'AI in the Classroom',
    issuer: 'Lakeside Learning Network',
    issuedOn: '2025-02-10',
    expiresOn: '',
    credentialId: 'urn:uuid:1234',
    verificationUrl: '',
    fileName: 'ai-classroom.png',
    mediaType: 'image/png',
    size: 20_480,
    sha256: 'f'.repeat(64),
    badgeFormat: 'ob2',
    badge: {
      format: 'ob2',
      version: '2.0',
      achievement: 'AI in the Classroom',
      description: 'Designs lessons that use AI with care.',
      criteria: 'Completed four modules and a classroom project.',
      criteriaUrl: 'https://example.org/criteria',
      issuer: 'Lakeside Learning Network',
      issuerUrl: 'https://example.org',
      recipients: [{ type: 'email', identity: 'amara.okafor@example.org', hashed: false }],
      issuedOn: '2025-02-10T00:00:00Z',
      expiresOn: '0001-01-01T00:00:00Z',
      credentialId: 'urn:uuid:1234',
      evidence: [],
      signed: false,
      raw: [],
    },
    findings: [
      { check: 'recipient', status: 'passed', detail: 'The badge was issued to amara.okafor@example.org, the email on your profile.' },
      { check: 'expiry', status: 'failed', detail: 'The badge says it was issued after it expires.' },
      { check: 'hosted', status: 'not_checked', detail: 'The issuer hosts this badge online; ReadyFolio does not go online to check it.' },
    ],
    ...overrides,
  });
}

export function anImpact(figures: ImpactFigure[] = [
  { value: '340', label: 'students reached by pilots' },
  { value: '86', label: 'colleagues trained' },
  { value: '2', label: 'AI tools evaluated' },
]): Impact {
  return { title: 'Impact at a glance', figures };
}
