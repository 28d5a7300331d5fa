import type { Artifact, ArtifactRole } from '../../lib/types';

/** What the editor hands the app's artifact list for each place an entry keeps files and links. */
export interface ArtifactSlot {
  entryId: string;
  role: ArtifactRole;
  heading: string;
  artifacts: Artifact[];
}
