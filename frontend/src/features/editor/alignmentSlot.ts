/** What the editor hands the app's alignment panel: the entry whose competencies it shows. */
export interface AlignmentSlot {
  entryId: string;
}
