// Member accounts from AWS Organizations, as seen from the management (or delegated administrator) account:
// every account when nothing is included, else the named accounts and every account under the named OUs
// (recursively); excluded accounts and OUs are left out. Every listing is paginated.
import {
  type Account,
  OrganizationsClient,
  paginateListAccounts,
  paginateListAccountsForParent,
  paginateListOrganizationalUnitsForParent,
} from '@aws-sdk/client-organizations';
import type { AwsSession } from '../aws/session.ts';
import type { OrganizationConfig } from '../config/schema.ts';

/** The discovery's own calls (joined into the read-only policy `awscheck policy` prints). */
export const ORGANIZATION_ACTIONS = [
  'organizations:ListAccounts',
  'organizations:ListAccountsForParent',
  'organizations:ListOrganizationalUnitsForParent',
] as const;

export interface OrgAccount {
  id: string;
  name: string;
  /** ACTIVE, SUSPENDED, PENDING_CLOSURE, … (the newer State, else the older Status). */
  state: string;
}

export interface OrgListing {
  /** The accounts in scope (include/exclude applied), in any state. */
  accounts: OrgAccount[];
  /** Account ids under the included OUs and named in include (empty set = no include given). */
  included: ReadonlySet<string>;
  /** Account ids under the excluded OUs and named in exclude. */
  excluded: ReadonlySet<string>;
}

const ACCOUNT_ID = /^\d{12}$/;
const isAccountId = (target: string) => ACCOUNT_ID.test(target);

function toOrgAccount(account: Account): OrgAccount | undefined {
  if (!account.Id) return undefined;
  return { id: account.Id, name: account.Name || account.Id, state: account.State ?? account.Status ?? 'UNKNOWN' };
}

/** Organizations is a global service: its calls go to the partition's one endpoint whatever the region. */
function organizations(session: AwsSession): OrganizationsClient {
  return session.client(OrganizationsClient, session.homeRegion);
}

async function listAll(client: OrganizationsClient): Promise<OrgAccount[]> {
  const found: OrgAccount[] = [];
  for await (const page of paginateListAccounts({ client }, {})) {
    for (const account of page.Accounts ?? []) {
      const mapped = toOrgAccount(account);
      if (mapped) found.push(mapped);
    }
  }
  return found;
}

/** Every account under `parent` (an OU or a root), its child OUs walked side by side. */
async function listUnder(client: OrganizationsClient, parent: string, into: Map<string, OrgAccount>): Promise<void> {
  const children: Promise<void>[] = [];
  const accounts = (async () => {
    for await (const page of paginateListAccountsForParent({ client }, { ParentId: parent })) {
      for (const account of page.Accounts ?? []) {
        const mapped = toOrgAccount(account);
        if (mapped) into.set(mapped.id, mapped);
      }
    }
  })();
  for await (const page of paginateListOrganizationalUnitsForParent({ client }, { ParentId: parent })) {
    for (const ou of page.OrganizationalUnits ?? []) if (ou.Id) children.push(listUnder(client, ou.Id, into));
  }
  await Promise.all([accounts, ...children]);
}

async function expand(client: OrganizationsClient, targets: readonly string[], all: () => Promise<Map<string, OrgAccount>>): Promise<Map<string, OrgAccount>> {
  const found = new Map<string, OrgAccount>();
  const ids = targets.filter(isAccountId);
  if (ids.length > 0) {
    const everyone = await all();
    // An id outside the organization is still a valid target (an `accounts:` entry); it has no org entry.
    for (const id of ids) found.set(id, everyone.get(id) ?? { id, name: id, state: 'ACTIVE' });
  }
  await Promise.all(targets.filter((t) => !isAccountId(t)).map((parent) => listUnder(client, parent, found)));
  return found;
}

export async function listOrganizationAccounts(session: AwsSession, org: OrganizationConfig): Promise<OrgListing> {
  const client = organizations(session);
  let everyone: Promise<Map<string, OrgAccount>> | undefined;
  const all = () => (everyone ??= listAll(client).then((list) => new Map(list.map((a) => [a.id, a]))));
  const include = org.include ?? [];
  const exclude = org.exclude ?? [];
  const [inScope, out] = await Promise.all([include.length > 0 ? expand(client, include, all) : all(), expand(client, exclude, all)]);
  const excluded = new Set(out.keys());
  return {
    accounts: [...inScope.values()].filter((a) => !excluded.has(a.id)),
    included: include.length > 0 ? new Set(inScope.keys()) : new Set(),
    excluded,
  };
}
