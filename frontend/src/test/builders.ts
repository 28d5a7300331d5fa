// Test data shaped exactly like the Go JSON. Plain functions with no test-runner imports, so the
// same builders can feed unit tests and the end-to-end tests.
import type {
  Artifact,
  Entry,
  Kind,
  KindInfo,
  Profile,
  SearchHit,
  StartupStatus,
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
  const info = kindInfos().find((k) => k.kind === kind)!;
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
