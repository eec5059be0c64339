// Fixes run in the finding's own account with the remediation role (the account's remediationRoleArn,
// else AWSCHECK_REMEDIATION_ROLE_ARN, else the scan credentials): one short-lived session per apply.
import { createSession, type SessionOptions } from '../aws/session.ts';
import type { AccountConfig, Settings } from '../config/schema.ts';
import type { Clock } from '../engine/types.ts';
import { organizationAccount } from '../org/accounts.ts';
import { createFixContext, type FixContext, FixError } from './fix.ts';

export interface FixSessionOptions {
  settings: Settings;
  env?: Record<string, string | undefined>;
  clock: Clock;
  /** Tests hook their fake AWS clients here, as the scan does. */
  instrument?: SessionOptions['instrument'];
  /** Read-back waits; tests pass a no-op. */
  sleep?: (ms: number) => Promise<void>;
}

export interface FixSession {
  context: FixContext;
  close(): void;
}

function accountFor(settings: Settings, accountId: string): AccountConfig {
  const configured = settings.accounts.find((a) => a.id === accountId);
  if (configured) return configured;
  // A member found through `organization:`: its remediationRoleName role.
  const member = organizationAccount(settings, accountId);
  if (member) return member;
  // Without configured accounts, the scan ran in the credentials' own account: the same one fixes use.
  if (settings.accounts.length === 0) return { id: accountId, name: accountId };
  throw new FixError({
    en: `Account ${accountId} is not in the configuration any more, so awscheck has no role to fix it with`,
    ja: `アカウント ${accountId} は設定に含まれていないため、修正に使うロールがありません`,
  });
}

export function openFixSession(accountId: string, options: FixSessionOptions): FixSession {
  const { settings } = options;
  const session = createSession(accountFor(settings, accountId), 'remediate', {
    settings,
    ...(options.env ? { env: options.env } : {}),
    ...(options.instrument ? { instrument: options.instrument } : {}),
  });
  return {
    context: createFixContext({
      session,
      locale: settings.locale,
      clock: options.clock,
      ...(options.sleep ? { sleep: options.sleep } : {}),
    }),
    close: () => session.destroy(),
  };
}
