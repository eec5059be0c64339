// A small AWS Organization behind the fake AWS endpoint (AWS JSON 1.1), with every listing paginated at
// `pageSize` so the SDK's paginators really page.
import { FakeAwsError, type FakeHandler, type FakeRequest } from '../helpers/fake-aws-http.ts';

export type AccountState = 'ACTIVE' | 'SUSPENDED' | 'PENDING_CLOSURE';

export interface FakeOrgAccount {
  id: string;
  name: string;
  state: AccountState;
}

export interface FakeOrgUnit {
  id: string;
  name: string;
  accounts: FakeOrgAccount[];
  units: FakeOrgUnit[];
}

function findUnit(unit: FakeOrgUnit, id: string): FakeOrgUnit | undefined {
  if (unit.id === id) return unit;
  for (const child of unit.units) {
    const found = findUnit(child, id);
    if (found) return found;
  }
  return undefined;
}

function everyAccount(unit: FakeOrgUnit): FakeOrgAccount[] {
  return [...unit.accounts, ...unit.units.flatMap(everyAccount)];
}

function page<T>(items: readonly T[], request: FakeRequest, pageSize: number, key: string): string {
  const start = Number(request.json?.NextToken ?? 0);
  const slice = items.slice(start, start + pageSize);
  const next = start + pageSize < items.length ? String(start + pageSize) : undefined;
  return JSON.stringify({ [key]: slice, ...(next ? { NextToken: next } : {}) });
}

function accountJson(account: FakeOrgAccount, managementId: string): object {
  return {
    Id: account.id,
    Arn: `arn:aws:organizations::${managementId}:account/o-example/${account.id}`,
    Email: `${account.name}@example.com`,
    Name: account.name,
    // The older Status has no PENDING_CLOSURE value in every SDK; State is what current AWS sends.
    Status: account.state,
    State: account.state,
    JoinedMethod: 'CREATED',
    JoinedTimestamp: 1_700_000_000,
  };
}

export function organizationsHandlers(root: FakeOrgUnit, managementId: string, pageSize = 2): Record<string, FakeHandler> {
  const parent = (request: FakeRequest): FakeOrgUnit => {
    const id = typeof request.json?.ParentId === 'string' ? request.json.ParentId : '';
    const unit = findUnit(root, id);
    if (!unit) throw new FakeAwsError('ParentNotFoundException', `We can't find a root or OU with the ParentId that you specified: ${id}`);
    return unit;
  };
  return {
    ListRoots: (request) => page([{ Id: root.id, Name: 'Root', Arn: `arn:aws:organizations::${managementId}:root/o-example/${root.id}` }], request, pageSize, 'Roots'),
    ListAccounts: (request) => page(everyAccount(root).map((a) => accountJson(a, managementId)), request, pageSize, 'Accounts'),
    ListAccountsForParent: (request) => page(parent(request).accounts.map((a) => accountJson(a, managementId)), request, pageSize, 'Accounts'),
    ListOrganizationalUnitsForParent: (request) =>
      page(
        parent(request).units.map((u) => ({ Id: u.id, Name: u.name, Arn: `arn:aws:organizations::${managementId}:ou/o-example/${u.id}` })),
        request,
        pageSize,
        'OrganizationalUnits',
      ),
  };
}
