// Fixes run in the finding's own account with the remediation role (the account's remediationRoleArn,
// else AWSCHECK_REMEDIATION_ROLE_ARN from the validated RemediationConfig, else the scan credentials): one
// short-lived session per apply. The session does not take the account on trust: before any write the
// caller identity of its credentials (STS GetCallerIdentity, asked once per session) must be the finding's.
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { createSession, type SessionOptions } from '../aws/session.ts';
import type { AccountConfig, Settings } from '../config/schema.ts';
import type { Clock } from '../engine/types.ts';
import { organizationAccount } from '../org/accounts.ts';
import { createFixContext, type FixContext, FixError, type FixJournal } from './fix.ts';

/** The one IAM action every fix session calls besides its fix's own (see src/policy/remediation.ts). */
export const SESSION_ACTIONS = ['sts:GetCallerIdentity'] as const;

export interface FixSessionOptions {
  settings: Settings;
  /** RemediationConfig.remediationRoleArn: for accounts without a remediationRoleArn of their own. */
  remediationRoleArn?: string;
  clock: Clock;
  /** Tests hook their fake AWS clients here, as the scan does. */
  instrument?: SessionOptions['instrument'];
  /** Read-back waits; tests pass a no-op. */
  sleep?: (ms: number) => Promise<void>;
}

export interface FixSession {
  context: FixContext;
  /** Throws WrongAccountError unless the session's credentials belong to `accountId`; asks STS once. */
  verifyAccount(accountId: string): Promise<void>;
  close(): void;
}

/** The credentials a fix would write with belong to another account: nothing is written. */
export class WrongAccountError extends FixError {
  constructor(
    readonly expected: string,
    readonly actual: string,
  ) {
    super({
      en: `Refused: the finding is in account ${expected}, but the remediation credentials belong to account ${actual}. Nothing was changed; check the account's remediationRoleArn or AWSCHECK_REMEDIATION_ROLE_ARN.`,
      ja: `拒否しました: この検出結果はアカウント ${expected} のものですが、リメディエーション用の認証情報はアカウント ${actual} のものです。何も変更していません。アカウントの remediationRoleArn または AWSCHECK_REMEDIATION_ROLE_ARN を確認してください。`,
    });
    this.name = 'WrongAccountError';
  }
}

function accountFor(settings: Settings, accountId: string): AccountConfig {
  const configured = settings.accounts.find((a) => a.id === accountId);
  if (configured) return configured;
  // A member found through `organization:`: its remediationRoleName role.
  const member = organizationAccount(settings, accountId);
  if (member) return member;
  // Without configured accounts, the scan ran in the credentials' own account: the same one fixes use
  // (and verifyAccount proves it before any write).
  if (settings.accounts.length === 0) return { id: accountId, name: accountId };
  throw new FixError({
    en: `Account ${accountId} is not in the configuration any more, so awscheck has no role to fix it with`,
    ja: `アカウント ${accountId} は設定に含まれていないため、修正に使うロールがありません`,
  });
}

export function openFixSession(accountId: string, options: FixSessionOptions & { journal?: FixJournal }): FixSession {
  const { settings } = options;
  const account = accountFor(settings, accountId);
  const roleArn = account.remediationRoleArn ?? options.remediationRoleArn;
  const session = createSession({ ...account, ...(roleArn ? { remediationRoleArn: roleArn } : {}) }, 'remediate', {
    settings,
    ...(options.instrument ? { instrument: options.instrument } : {}),
  });
  let caller: Promise<string> | undefined;
  const callerAccount = () => {
    caller ??= session
      .client(STSClient, session.homeRegion)
      .send(new GetCallerIdentityCommand({}))
      .then((answer) => answer.Account ?? '');
    // A failed lookup is not cached: the next write asks again.
    caller.catch(() => (caller = undefined));
    return caller;
  };
  return {
    context: createFixContext({
      session,
      locale: settings.locale,
      clock: options.clock,
      ...(options.sleep ? { sleep: options.sleep } : {}),
      ...(options.journal ? { journal: options.journal } : {}),
    }),
    async verifyAccount(expected) {
      const actual = await callerAccount();
      if (actual !== expected) throw new WrongAccountError(expected, actual || '?');
    },
    close: () => session.destroy(),
  };
}
