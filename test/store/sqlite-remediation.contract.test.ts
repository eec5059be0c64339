// The RemediationStore contract against SQLite (a fresh file per test, as replicas would share it), and the
// SQLite-only promise that the unique index and the code agree on which states are open.
import { describe, expect, it } from 'vitest';
import { OPEN_STATES } from '../../src/remediation/state.ts';
import { migrate, openDatabase } from '../../src/store/sqlite/database.ts';
import { MIGRATIONS } from '../../src/store/sqlite/migrations.ts';
import { SqliteRemediationStore } from '../../src/store/sqlite/remediation-store.ts';
import { describeRemediationStoreContract } from './contract/remediation-store-contract.ts';
import { sqliteHandle } from './sqlite-env.ts';

describeRemediationStoreContract('SQLite', async () => {
  const handle = await sqliteHandle();
  return { store: handle.store.remediation, close: () => handle.dispose() };
});

describe('SQLite open-request index', () => {
  it('lists exactly OPEN_STATES', () => {
    const db = openDatabase(':memory:');
    try {
      const { sql } = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'remediation_requests_one_open'").get() as { sql: string };
      const states = [...(/state IN \(([^)]*)\)/.exec(sql)?.[1] ?? '').matchAll(/'([a-z_]+)'/g)].map((m) => m[1]);
      expect(states.sort()).toEqual([...OPEN_STATES].sort());
      expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'remediation_requests_one_pending'").get()).toBeUndefined();
    } finally {
      db.close();
    }
  });

  it('the latest migration that defines the open index is the one applied', () => {
    expect(MIGRATIONS.filter((m) => m.sql.includes('remediation_requests_one_open')).map((m) => m.version)).toEqual([3]);
  });
});

describe('upgrading a database to the open-request index', () => {
  it('expires a request that waited beside an open undo of the same target, with its audit event', async () => {
    const db = openDatabase(':memory:', MIGRATIONS.slice(0, 2));
    try {
      const insert = db.prepare('INSERT INTO remediation_requests (id, finding_key, state, expires_at, updated_at, data) VALUES (?, ?, ?, ?, ?, ?)');
      const data = (id: string) => JSON.stringify({ id, fixId: 'ec2.revoke-world-open-rule', finding: { checkId: 'ec2.sg-admin-port-ipv4', accountId: '111122223333', region: 'eu-west-1', resourceId: 'sg-0abc' } });
      insert.run('undoing-1', 'target', 'undo_requested', 'x', 'x', data('undoing-1'));
      insert.run('waiting-2', 'target', 'requested', 'x', 'x', data('waiting-2'));
      insert.run('other-3', 'other', 'requested', 'x', 'x', data('other-3'));
      migrate(db);
      const store = new SqliteRemediationStore(db);
      expect((await store.getRequest('waiting-2'))?.state).toBe('expired');
      expect((await store.getRequest('undoing-1'))?.state).toBe('undo_requested');
      expect((await store.getRequest('other-3'))?.state).toBe('requested');
      expect((await store.auditEvents()).map((e) => [e.event, e.subjectId, e.checkId, e.fixId])).toEqual([
        ['fix.expired', 'waiting-2', 'ec2.sg-admin-port-ipv4', 'ec2.revoke-world-open-rule'],
      ]);
    } finally {
      db.close();
    }
  });
});
