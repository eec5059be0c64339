// Action and view ids of the grouped results and their "Show all" pages, and the values their buttons carry:
// `SET|CHECK|PAGE` (a result set id, a check id, a page number). A value only names a list; who may see it
// is decided from the signed payload's user.
export const RESULTS_ACTIONS = {
  /** "Show all (N)" on a group (value: SET|CHECK|0). */
  showAll: 'awscheck_show_all',
  /**
   * The menu of the checks that had no room for their own blocks (option value: SET|CHECK|0); a second
   * menu (over 100 checks) is `awscheck_show_pick_1`, as ids must differ within a block.
   */
  showPick: 'awscheck_show_pick',
  /** Previous / Next inside the findings modal (value: SET|CHECK|PAGE). */
  previousPage: 'awscheck_findings_prev',
  nextPage: 'awscheck_findings_next',
} as const;

/** Every id the show-pick menus use. */
export const SHOW_PICK_PATTERN = /^awscheck_show_pick(?:_\d+)?$/;

export const RESULTS_VIEWS = {
  /** The paged findings of one check. private_metadata: SET|CHECK|PAGE. */
  findings: 'awscheck_findings_modal',
} as const;

export interface GroupRef {
  setId: string;
  checkId: string;
  page: number;
}

export function groupRefValue(ref: GroupRef): string {
  return `${ref.setId}|${ref.checkId}|${ref.page}`;
}

/** Undefined for anything not shaped like a value we made. */
export function parseGroupRef(value: unknown): GroupRef | undefined {
  if (typeof value !== 'string' || value.length > 300) return undefined;
  const match = /^([A-Za-z0-9_-]{22})\|([^|]{1,200})\|(\d{1,6})$/.exec(value);
  if (!match) return undefined;
  return { setId: match[1] as string, checkId: match[2] as string, page: Number(match[3]) };
}
