// Who may approve: a user listed in AWSCHECK_APPROVERS or a member of a listed user group, and never the
// requester unless AWSCHECK_ALLOW_SELF_APPROVAL=true. The user id always comes from the signed Slack
// payload (body.user.id); nothing a button carries is ever asked about here.

export type Refusal = 'not-approver' | 'own-request';

export interface ApprovalPolicyOptions {
  approvers: readonly string[];
  allowSelfApproval: boolean;
  /** True when the user is one of `approvers` or in one of its user groups (membership cached briefly). */
  listed: (userId: string) => Promise<boolean>;
}

export class ApprovalPolicy {
  constructor(private readonly options: ApprovalPolicyOptions) {}

  get allowSelfApproval(): boolean {
    return this.options.allowSelfApproval;
  }

  get approvers(): readonly string[] {
    return this.options.approvers;
  }

  /** An empty list approves nobody (unlike AWSCHECK_SCANNERS, where empty means everyone). */
  async isApprover(userId: string): Promise<boolean> {
    if (this.options.approvers.length === 0) return false;
    return this.options.listed(userId);
  }

  /** Why `userId` may not decide a request made by `requesterId`, or undefined when they may. */
  async refusal(userId: string, requesterId: string): Promise<Refusal | undefined> {
    if (!(await this.isApprover(userId))) return 'not-approver';
    if (userId === requesterId && !this.options.allowSelfApproval) return 'own-request';
    return undefined;
  }
}
