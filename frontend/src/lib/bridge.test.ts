import { afterEach, describe, expect, it, vi } from 'vitest';
import { aCoverage, anEntry, anIdentity, aSignatureReport, aUnescoFramework } from '../test/builders';
import {
  BridgeError,
  clipboard,
  entryService,
  events,
  exportService,
  fileDrop,
  frameworkService,
  identityService,
  session,
  verifyService,
} from './bridge';

// What Wails injects into the page. The bridge never touches these itself: it calls the generated
// bindings in frontend/wailsjs, which read them, so these tests run the generated code too.
declare global {
  interface Window {
    go?: { app?: Record<string, Record<string, (...args: never[]) => Promise<unknown>>> };
    runtime?: Record<string, (...args: never[]) => unknown>;
  }
}

afterEach(() => {
  delete window.go;
  delete window.runtime;
});

describe('bridge', () => {
  it('calls the bound Go method through the generated bindings', async () => {
    const save = vi.fn(async (e: unknown) => e);
    window.go = { app: { EntryService: { Save: save } } };
    const entry = anEntry('artifact');

    await entryService.save(entry);

    expect(save).toHaveBeenCalledWith(entry);
  });

  it('turns a rejected Go call into a BridgeError with the plain message', async () => {
    window.go = { app: { EntryService: { Save: vi.fn(() => Promise.reject('Give the entry a title.')) } } };

    const failure = entryService.save(anEntry('artifact'));

    await expect(failure).rejects.toBeInstanceOf(BridgeError);
    await expect(failure).rejects.toThrow('Give the entry a title.');
  });

  it('reports a missing Go side as a BridgeError too', async () => {
    const failure = session.status();

    await expect(failure).rejects.toBeInstanceOf(BridgeError);
    await expect(failure).rejects.toThrow("ReadyFolio's background service is not available.");
  });

  it('gives arrays where Go sent null', async () => {
    const entry = { ...anEntry('ai_pilot'), tags: null, artifacts: null, reflection: null };
    entry.pilot = { ...entry.pilot!, aiTools: null as unknown as string[], outcomes: null as unknown as [] };
    window.go = { app: { EntryService: { Get: vi.fn(async () => entry), List: vi.fn(async () => null) } } };

    const got = await entryService.get(entry.id);

    expect(got).toMatchObject({ tags: [], artifacts: [], reflection: [], pilot: { aiTools: [], outcomes: [] } });
    expect(await entryService.list({ kinds: [], status: '', tag: '', dateFrom: '', dateTo: '', sort: 'manual' })).toEqual([]);
  });

  it('gives arrays where Go sent null in frameworks and coverage maps', async () => {
    const unesco = aUnescoFramework();
    const coverage = aCoverage(unesco);
    const fromGo = {
      ...coverage,
      framework: { ...coverage.framework, competencies: null },
      rows: coverage.rows.map((r) => ({ ...r, evidence: null })),
    };
    window.go = {
      app: {
        FrameworkService: {
          List: vi.fn(async () => [{ ...unesco, competencies: null }]),
          Coverage: vi.fn(async () => fromGo),
          EntryAlignments: vi.fn(async () => null),
          SetAssessment: vi.fn(async () => undefined),
        },
      },
    };

    expect((await frameworkService.list())[0].competencies).toEqual([]);
    const got = await frameworkService.coverage(unesco.id);
    expect(got.framework.competencies).toEqual([]);
    expect(got.rows.every((r) => Array.isArray(r.evidence))).toBe(true);
    expect(await frameworkService.entryAlignments('e1')).toEqual([]);
    await frameworkService.setAssessment('unesco-ai-cft:1.1', 'met');
    expect(window.go.app!.FrameworkService.SetAssessment).toHaveBeenCalledWith('unesco-ai-cft:1.1', 'met');
  });

  it('listens to Go events through the generated Wails runtime', () => {
    const off = vi.fn();
    const EventsOnMultiple = vi.fn((_name: string, _cb: (...data: unknown[]) => void, _max: number) => off);
    window.runtime = { EventsOnMultiple };
    const callback = vi.fn();

    const stop = events.onBeforeClose(callback);
    EventsOnMultiple.mock.calls[0][1]();

    expect(EventsOnMultiple).toHaveBeenCalledWith('app:before-close', expect.any(Function), -1);
    expect(callback).toHaveBeenCalled();
    stop();
    expect(off).toHaveBeenCalled();
  });

  it('does nothing with events and file drops outside Wails', () => {
    const stop = events.onImportProgress(vi.fn());

    expect(() => stop()).not.toThrow();
    expect(() => fileDrop.on(vi.fn())).not.toThrow();
    expect(() => fileDrop.off()).not.toThrow();
  });

  it('asks Wails for file drops on drop targets only', () => {
    const OnFileDrop = vi.fn();
    window.runtime = { OnFileDrop };
    const callback = vi.fn();

    fileDrop.on(callback);

    expect(OnFileDrop).toHaveBeenCalledWith(callback, true);
  });

  it('gives null for a missing signing identity and passes other failures on', async () => {
    const Info = vi.fn(() => Promise.reject('No signing identity yet; create one or import one issued to you.'));
    const Import = vi.fn(async () => ({ ...anIdentity(), fingerprintSha256: '' }));
    window.go = { app: { IdentityService: { Info, Import } } };

    expect(await identityService.info()).toBeNull();
    expect(await identityService.import('file pass', 'new passphrase')).toBeNull();
    expect(Import).toHaveBeenCalledWith('file pass', 'new passphrase');

    Info.mockImplementationOnce(() => Promise.reject('The signing identity is damaged.'));
    await expect(identityService.info()).rejects.toThrow('The signing identity is damaged.');
  });

  it("turns the export report's null lists into empty ones", async () => {
    const request = { preset: 'interview', paper: 'a4', entryIds: ['e1'], highlights: [], leaveOutOver: 0 } as const;
    const ExportPDF = vi.fn(async () => ({
      pages: 7,
      images: 2,
      placeholders: 1,
      attachments: 0,
      warnings: null,
      path: '/tmp/p.pdf',
      bytes: 1000,
      entries: 1,
      leftOut: null,
    }));
    const Estimate = vi.fn(async () => ({ pages: 7, entries: 1, bytes: 900, leftOut: null }));
    window.go = { app: { ExportService: { ExportPDF, Estimate } } };

    expect(await exportService.exportPDF({ ...request, entryIds: ['e1'], highlights: [] }, 'secret words')).toEqual({
      pages: 7,
      images: 2,
      placeholders: 1,
      attachments: 0,
      warnings: [],
      path: '/tmp/p.pdf',
      bytes: 1000,
      entries: 1,
      leftOut: [],
    });
    expect(ExportPDF).toHaveBeenCalledWith({ ...request, entryIds: ['e1'], highlights: [] }, 'secret words');
    expect((await exportService.estimate({ ...request, entryIds: ['e1'], highlights: [] })).leftOut).toEqual([]);
  });

  it('gives arrays where Go sent null in a verification, and no trust verdict for null', async () => {
    const signature = { ...aSignatureReport(), trusted: null, problems: null };
    const VerifyFile = vi.fn(async () => ({ path: '/x.pdf', verification: { valid: true, signatures: [signature], problems: null } }));
    window.go = { app: { VerifyService: { VerifyFile } } };

    const got = await verifyService.verifyFile();

    expect(got.verification.problems).toEqual([]);
    expect(got.verification.signatures[0].problems).toEqual([]);
    expect(got.verification.signatures[0].trusted).toBeUndefined();
  });

  it('gives arrays and undefined where Go sent null in a package verdict and a reviewed portfolio', async () => {
    const signature = { ...aSignatureReport(), trusted: null, problems: null };
    const VerifyFile = vi.fn(async () => ({
      path: '/x.zip',
      kind: 'package',
      verification: { valid: false, signatures: null, problems: null },
      package: {
        valid: false,
        problems: null,
        manifestSignature: signature,
        pdf: null,
        portfolio: { id: '', name: '', district: '', entries: 0, artifacts: 0, credentials: 0, generatedAt: '0001-01-01T00:00:00Z' },
      },
      reviewToken: '',
    }));
    const PackagePortfolio = vi.fn(async () => ({
      portfolioId: 'p',
      generatedAt: '2025-03-20T15:04:05Z',
      generator: 'ReadyFolio 1',
      name: 'A',
      profile: null,
      bio: '',
      pdfPath: 'portfolio.pdf',
      entries: [{ id: 'e', kind: 'pd_led', kindLabel: 'PD', title: 'T', meta: null, details: [{ kind: 'field', label: 'L', text: 'x', outcomes: null }], reflection: null, alignments: null, artifacts: null }],
    }));
    const OpenOriginal = vi.fn(async () => undefined);
    window.go = { app: { VerifyService: { VerifyFile, PackagePortfolio, OpenOriginal } } };

    const got = await verifyService.verifyFile();
    expect(got.verification.signatures).toEqual([]);
    expect(got.package?.problems).toEqual([]);
    expect(got.package?.pdf).toBeUndefined();
    expect(got.package?.manifestSignature?.problems).toEqual([]);
    expect(got.package?.manifestSignature?.trusted).toBeUndefined();

    const reviewed = await verifyService.packagePortfolio('tok');
    expect(PackagePortfolio).toHaveBeenCalledWith('tok');
    expect(reviewed.profile).toEqual([]);
    expect(reviewed.entries[0]).toMatchObject({ meta: [], reflection: [], alignments: [], artifacts: [] });
    expect(reviewed.entries[0].details[0].outcomes).toEqual([]);
    await verifyService.openOriginal('tok', 'artifacts/a.png');
    expect(OpenOriginal).toHaveBeenCalledWith('tok', 'artifacts/a.png');
  });

  it("turns the package report's null warnings into an empty list", async () => {
    const ExportPackage = vi.fn(async () => ({
      path: '/tmp/p.zip',
      bytes: 10,
      entries: 1,
      artifacts: 2,
      pdf: { pages: 3, images: 0, placeholders: 0, attachments: 1, warnings: null },
    }));
    window.go = { app: { ExportService: { ExportPackage } } };
    const request = { preset: 'package', paper: 'a4', entryIds: [], highlights: [], leaveOutOver: 0 } as const;

    const got = await exportService.exportPackage({ ...request, entryIds: [], highlights: [] }, 'secret words');
    expect(got.pdf.warnings).toEqual([]);
    expect(ExportPackage).toHaveBeenCalledWith({ ...request, entryIds: [], highlights: [] }, 'secret words');
  });

  it('listens to export progress and copies through the Wails runtime', async () => {
    const EventsOnMultiple = vi.fn((_name: string, _cb: (...data: unknown[]) => void, _max: number) => vi.fn());
    const ClipboardSetText = vi.fn(async () => true);
    window.runtime = { EventsOnMultiple, ClipboardSetText };
    const callback = vi.fn();

    events.onExportProgress(callback);
    EventsOnMultiple.mock.calls[0][1]({ stage: 'layout', done: 1, total: 3 });

    expect(EventsOnMultiple).toHaveBeenCalledWith('export:progress', expect.any(Function), -1);
    expect(callback).toHaveBeenCalledWith({ stage: 'layout', done: 1, total: 3 });
    expect(await clipboard.copy('AB:CD')).toBe(true);
    expect(ClipboardSetText).toHaveBeenCalledWith('AB:CD');
  });
});
