// Which accounts an organization scan covers, and with which roles: the caller's own account with its own
// credentials, every ACTIVE member through `organization.roleName`, and the `accounts:` entries, which win
// over discovered ones for the same id. include/exclude filter all of them.
import { describeAwsError } from '../aws/errors.ts';
import type { AwsSession } from '../aws/session.ts';
import type { AccountConfig, OrganizationConfig, Settings } from '../config/schema.ts';
import type { ScanError, ScanNote } from '../engine/types.ts';
import { t } from '../i18n/locale.ts';
import { listOrganizationAccounts, type OrgListing } from './discover.ts';
import { ORG_TEXT } from './messages.ts';

export interface CallerIdentity {
  accountId: string;
  /** The caller's ARN: its partition is the members' too (aws, aws-cn, aws-us-gov). */
  arn?: string;
}

export interface ResolvedAccounts {
  accounts: AccountConfig[];
  notes: ScanNote[];
  errors: ScanError[];
}

function partitionOf(arn: string | undefined): string {
  return /^arn:(aws[a-z-]*):/.exec(arn ?? '')?.[1] ?? 'aws';
}

export function roleArn(partition: string, accountId: string, roleName: string): string {
  return `arn:${partition}:iam::${accountId}:role/${roleName}`;
}

/** A member account as the scan and the fixes use it: the organization's role names in that account. */
export function memberAccount(org: OrganizationConfig, accountId: string, name: string, partition = 'aws'): AccountConfig {
  return {
    id: accountId,
    name,
    roleArn: roleArn(partition, accountId, org.roleName),
    ...(org.externalId ? { externalId: org.externalId } : {}),
    ...(org.remediationRoleName ? { remediationRoleArn: roleArn(partition, accountId, org.remediationRoleName) } : {}),
  };
}

/**
 * The account a fix in `accountId` runs in when it is not under `accounts:`: for an organization, the
 * member's remediation role (arn:<partition>:iam::<id>:role/<remediationRoleName>); the caller's own account
 * (`callerAccountId`, when known) keeps the caller's credentials. Undefined without `organization:`.
 */
export function organizationAccount(settings: Settings, accountId: string, callerAccountId?: string, partition = 'aws'): AccountConfig | undefined {
  const org = settings.organization;
  if (!org) return undefined;
  if (accountId === callerAccountId) return { id: accountId, name: accountId };
  return memberAccount(org, accountId, accountId, partition);
}

function inScope(listing: OrgListing | undefined, org: OrganizationConfig, id: string): boolean {
  const excluded = listing?.excluded.has(id) ?? (org.exclude ?? []).includes(id);
  if (excluded) return false;
  if (!org.include?.length) return true;
  return listing ? listing.included.has(id) : org.include.includes(id);
}

/** Lists the organization from the caller's session and returns the accounts to scan, in a stable order. */
export async function resolveOrganization(session: AwsSession, caller: CallerIdentity, settings: Settings): Promise<ResolvedAccounts> {
  const org = settings.organization;
  if (!org) throw new Error('resolveOrganization needs settings.organization');
  const partition = partitionOf(caller.arn);
  const notes: ScanNote[] = [];
  const errors: ScanError[] = [];
  const byId = new Map<string, AccountConfig>();
  let listing: OrgListing | undefined;
  try {
    listing = await listOrganizationAccounts(session, org);
  } catch (err) {
    errors.push({ reason: t(settings.locale, ORG_TEXT.unlisted(describeAwsError(err))) });
  }
  // The caller's own account is scanned with its own credentials (no role to assume into itself).
  if (inScope(listing, org, caller.accountId)) {
    const own = listing?.accounts.find((a) => a.id === caller.accountId);
    byId.set(caller.accountId, { id: caller.accountId, name: own?.name ?? caller.accountId });
  }
  for (const account of listing?.accounts ?? []) {
    if (account.id === caller.accountId) continue;
    if (account.state !== 'ACTIVE') {
      notes.push({ accountId: account.id, message: t(settings.locale, ORG_TEXT.skipped(account.name, account.id, account.state)) });
      continue;
    }
    byId.set(account.id, memberAccount(org, account.id, account.name, partition));
  }
  for (const configured of settings.accounts) {
    if (inScope(listing, org, configured.id) || (org.include ?? []).includes(configured.id)) byId.set(configured.id, configured);
    else byId.delete(configured.id);
  }
  return { accounts: [...byId.values()].sort((a, b) => a.id.localeCompare(b.id)), notes, errors };
}
