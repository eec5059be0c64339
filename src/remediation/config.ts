// The remediation settings (read and checked in src/config/configuration.ts): off by default, and when on,
// never without approvers or a channel to ask them in.
export interface RemediationConfig {
  /** AWSCHECK_REMEDIATION=on: the "Fix…" and "Accept risk" buttons appear. */
  enabled: boolean;
  /** Users (U…/W…) and user groups (S…) who may approve fixes and risk acceptances. */
  approvers: string[];
  /** Lets a requester approve their own request (a one-person team); off by default. */
  allowSelfApproval: boolean;
  /** Where approval requests are posted: AWSCHECK_APPROVAL_CHANNEL, else AWSCHECK_REPORT_CHANNEL. */
  approvalChannel?: string;
  /** How long a request waits for approval before it expires. */
  approvalTtlMs: number;
  /** Lets whoever clicks "Accept risk" accept it without an approver. */
  riskSelfAccept: boolean;
  /** The role fixes run with when an account has no remediationRoleArn of its own. */
  remediationRoleArn?: string;
}
