// Every action_id and callback_id awscheck posts and listens for, and the shapes of Slack's own ids: one
// place, so a renderer and the listener that answers it cannot drift apart. These ids are a public
// interface (buttons already posted in Slack must keep working): add new ones, never rename.
// Buttons carry only an opaque id in their value (a finding snapshot's, a request's, a risk acceptance's,
// a batch's, or a result set reference); who clicked always comes from body.user.id.

/** Slack ids by their first letter: members (U…, W… on Enterprise Grid), user groups (S…), channels (C…, G… private). */
export const SLACK_ID = {
  member: /^[UW][A-Z0-9]{2,}$/,
  userGroup: /^S[A-Z0-9]{2,}$/,
  channel: /^[CG][A-Z0-9]{2,}$/,
} as const;

/** "Explain" on a finding, a group or an alert (value: check id). */
export const EXPLAIN_ACTION_ID = 'awscheck_explain';

export const RESULTS_ACTIONS = {
  /** "Show all (N)" on a group (value: SET|CHECK|0). */
  showAll: 'awscheck_show_all',
  /**
   * The menu of the checks that had no room for their own blocks (option value: SET|CHECK|0); a second
   * menu (over 100 checks) is `awscheck_show_pick_1`, as ids must differ within a block (see showPickId).
   */
  showPick: 'awscheck_show_pick',
  /** Previous / Next inside the findings modal (value: SET|CHECK|PAGE). */
  previousPage: 'awscheck_findings_prev',
  nextPage: 'awscheck_findings_next',
} as const;

/** The id of the `index`-th show-pick menu in one message. */
export function showPickId(index: number): string {
  return index === 0 ? RESULTS_ACTIONS.showPick : `${RESULTS_ACTIONS.showPick}_${index}`;
}

/** Every id showPickId makes. */
export const SHOW_PICK_PATTERN = new RegExp(`^${RESULTS_ACTIONS.showPick}(?:_\\d+)?$`);

export const RESULTS_VIEWS = {
  /** The paged findings of one check. private_metadata: SET|CHECK|PAGE. */
  findings: 'awscheck_findings_modal',
} as const;

export const REMEDIATION_ACTIONS = {
  /** "Fix…" next to a finding (value: finding snapshot id). */
  fix: 'awscheck_fix',
  /** "Accept risk" next to a finding (value: finding snapshot id). */
  acceptRisk: 'awscheck_accept_risk',
  /** On a fix approval request (value: request id). */
  approveFix: 'awscheck_fix_approve',
  rejectFix: 'awscheck_fix_reject',
  /** On an applied fix (value: request id). */
  undo: 'awscheck_undo',
  approveUndo: 'awscheck_undo_approve',
  rejectUndo: 'awscheck_undo_reject',
  /** On a risk acceptance request (value: acceptance id). */
  approveRisk: 'awscheck_risk_approve',
  rejectRisk: 'awscheck_risk_reject',
  /** In `/awscheck risks` (value: acceptance id). */
  revokeRisk: 'awscheck_risk_revoke',
} as const;

export const REMEDIATION_VIEWS = {
  /** The optional inputs of a fix (a replacement CIDR). private_metadata: finding snapshot id. */
  fixInputs: 'awscheck_fix_inputs',
  /** Reason and expiry of a risk acceptance. private_metadata: finding snapshot id. */
  acceptRisk: 'awscheck_accept_risk_modal',
  /** An optional reason for a rejection. private_metadata: {"kind":"fix"|"undo"|"risk","id":…}. */
  reject: 'awscheck_reject_modal',
} as const;

export type RejectKind = 'fix' | 'undo' | 'risk';

/** "Fix all": values carry only a result set reference (SET|CHECK|0) or a batch id. */
export const BATCH_ACTIONS = {
  /** "Fix all (N)…" on a group (value: SET|CHECK|0). */
  fixAll: 'awscheck_fix_all',
  /** On the batch approval request (value: batch id). */
  approve: 'awscheck_fix_all_approve',
  reject: 'awscheck_fix_all_reject',
  stop: 'awscheck_fix_all_stop',
  undoAll: 'awscheck_fix_all_undo',
  approveUndo: 'awscheck_fix_all_undo_approve',
  rejectUndo: 'awscheck_fix_all_undo_reject',
  /** A menu of the batch's applied requests (option value: request id): that one request's Undo. */
  undoOne: 'awscheck_fix_all_undo_one',
} as const;

export const BATCH_VIEWS = {
  /** The optional replacement CIDR for every rule of a Fix all. private_metadata: SET|CHECK|0. */
  inputs: 'awscheck_fix_all_inputs',
} as const;
