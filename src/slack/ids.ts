// The action and view ids of the remediation flow. Buttons carry only an opaque id in their value: a
// finding snapshot's, a request's or a risk acceptance's. Who clicked always comes from body.user.id.
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
