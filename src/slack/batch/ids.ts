// The action and view ids of "Fix all" (new ids; the single-fix ids stay as they are). Values carry only a
// result set reference (SET|CHECK|0) or a batch id; who clicked always comes from body.user.id.
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
