// How the UI's types (types.ts) meet the models `wails generate module` writes from the Go structs
// (wailsjs/go/models.ts). The generated models are classes with helper methods, type Go's string
// enums as plain `string` and Go's time.Time as `any`; on the wire they are plain JSON. The checks
// at the end make `npm run check` fail as soon as a Go struct and its mirror in types.ts disagree
// about a field: one added, removed or renamed, made optional, or given another type.
import type { app, backup, bag, frameworks, identity, openbadges, pdfrender, portfolio, present, signing, store, submission, workspace } from '../../wailsjs/go/models';
import type * as ui from './types';

type IsAny<T> = 0 extends 1 & T ? true : false;

/** A generated model as the JSON Wails sends: no methods, time.Time (typed `any`) as an RFC 3339 string. */
export type Json<T> =
  IsAny<T> extends true
    ? string
    : T extends (infer U)[]
      ? Json<U>[]
      : T extends object
        ? { [K in keyof T as T[K] extends (...args: never[]) => unknown ? never : K]: Json<T[K]> }
        : T;

/** A UI type with its string-literal unions (Kind, Status…) widened to string, as Go's JSON types them. */
export type Widen<T> = T extends string
  ? string
  : T extends number
    ? number
    : T extends boolean
      ? boolean
      : T extends (infer U)[]
        ? Widen<U>[]
        : T extends object
          ? { [K in keyof T]: Widen<T[K]> }
          : T;

/** A UI value as the parameter type of a generated binding (inferred from the call), checked field by field. */
export function toGo<G>(value: NoInfer<Json<G>>): G {
  return value as unknown as G;
}

// ---- Drift checks: each line fails to compile when the Go struct and types.ts differ. ----

type Equal<A, B> = (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;
type Same<Generated, Mirror> = Equal<Json<Generated>, Widen<Mirror>>;
type Expect<T extends true> = T;

export type DriftChecks = [
  Expect<Same<app.StartupStatus, ui.StartupStatus>>,
  Expect<Same<portfolio.KindInfo, ui.KindInfo>>,
  Expect<Same<portfolio.Profile, ui.Profile>>,
  Expect<Same<portfolio.ReflectionAnswer, ui.ReflectionAnswer>>,
  Expect<Same<portfolio.Outcome, ui.Outcome>>,
  Expect<Same<portfolio.PrivacyReview, ui.PrivacyReview>>,
  Expect<Same<portfolio.PilotDetails, ui.PilotDetails>>,
  Expect<Same<portfolio.RedesignDetails, ui.RedesignDetails>>,
  Expect<Same<portfolio.PDDetails, ui.PDDetails>>,
  Expect<Same<portfolio.ArtifactDetails, ui.ArtifactDetails>>,
  Expect<Same<portfolio.Artifact, ui.Artifact>>,
  Expect<Same<portfolio.Entry, ui.Entry>>,
  Expect<Same<portfolio.EntryFilter, ui.EntryFilter>>,
  Expect<Same<portfolio.SearchHit, ui.SearchHit>>,
  Expect<Same<portfolio.TagCount, ui.TagCount>>,
  Expect<Same<portfolio.Competency, ui.Competency>>,
  Expect<Same<portfolio.Framework, ui.Framework>>,
  Expect<Same<portfolio.Alignment, ui.Alignment>>,
  Expect<Same<portfolio.CoverageEntry, ui.CoverageEntry>>,
  Expect<Same<portfolio.CoverageRow, ui.CoverageRow>>,
  Expect<Same<portfolio.Coverage, ui.Coverage>>,
  Expect<Same<frameworks.CASEReport, ui.CASEReport>>,
  Expect<Same<store.FrameworkChange, ui.FrameworkChange>>,
  Expect<Same<workspace.ImportReport, ui.ImportReport>>,
  Expect<Same<identity.Info, ui.IdentityInfo>>,
  Expect<Same<app.ExportRequest, ui.ExportRequest>>,
  Expect<Same<workspace.Estimate, ui.ExportEstimate>>,
  Expect<Same<workspace.ExportReport, ui.ExportReport>>,
  Expect<Same<signing.SignatureReport, ui.SignatureReport>>,
  Expect<Same<signing.Verification, ui.Verification>>,
  Expect<Same<app.VerifiedFile, ui.VerifiedFile>>,
  Expect<Same<pdfrender.Report, ui.PDFReport>>,
  Expect<Same<submission.Report, ui.PackageReport>>,
  Expect<Same<bag.Problem, ui.PackageProblem>>,
  Expect<Same<submission.Summary, ui.PackageSummary>>,
  Expect<Same<submission.Verification, ui.PackageVerification>>,
  Expect<Same<app.DetailBlock, ui.DetailBlock>>,
  Expect<Same<app.ReviewedAlignment, ui.ReviewedAlignment>>,
  Expect<Same<app.ReviewedArtifact, ui.ReviewedArtifact>>,
  Expect<Same<app.ReviewedEntry, ui.ReviewedEntry>>,
  Expect<Same<app.ReviewedPortfolio, ui.ReviewedPortfolio>>,
  Expect<Same<backup.Report, ui.BackupReport>>,
  Expect<Same<backup.Summary, ui.BackupSummary>>,
  Expect<Same<backup.Listed, ui.ListedBackup>>,
  Expect<Same<backup.RestoreReport, ui.RestoreReport>>,
  Expect<Same<app.RestoreCandidate, ui.RestoreCandidate>>,
  Expect<Same<app.AutoBackup, ui.AutoBackup>>,
  Expect<Same<portfolio.Rubric, ui.Rubric>>,
  Expect<Same<portfolio.CriterionScore, ui.CriterionScore>>,
  Expect<Same<portfolio.ToolEvaluationDetails, ui.ToolEvaluationDetails>>,
  Expect<Same<portfolio.PolicyGuidanceDetails, ui.PolicyGuidanceDetails>>,
  Expect<Same<portfolio.Credential, ui.Credential>>,
  Expect<Same<openbadges.Badge, ui.Badge>>,
  Expect<Same<openbadges.Finding, ui.BadgeFinding>>,
  Expect<Same<workspace.CredentialView, ui.CredentialView>>,
  Expect<Same<app.RubricInfo, ui.RubricInfo>>,
  Expect<Same<present.Figure, ui.ImpactFigure>>,
  Expect<Same<app.Impact, ui.Impact>>,
];
