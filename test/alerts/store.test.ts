// The AlertStore on SQLite (two connections to one file) and on DynamoDB (two clients on one table): two
// replicas, and only one claims an alert.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { NewAlert } from '../../src/alerts/store.ts';
import { findingKey } from '../../src/store/finding-key.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../src/store/store.ts';
import { FINDING } from '../remediation/fixtures.ts';
import { type LocalTables, localTables } from '../store/dynamodb-env.ts';

const dirs: string[] = [];
const stores: Store[] = [];
let dynamo: LocalTables;
beforeAll(async () => {
  dynamo = await localTables();
});
afterAll(async () => {
  await dynamo.close();
});
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const REPLICAS: Record<string, () => Promise<[Store, Store]>> = {
  SQLite: async () => {
    const dir = mkdtempSync(join(tmpdir(), 'awscheck-alerts-'));
    dirs.push(dir);
    const a = openSqliteStore(join(dir, 'awscheck.db'));
    const b = openSqliteStore(join(dir, 'awscheck.db'));
    stores.push(a, b);
    return [a, b];
  },
  // DynamoDbStore instances are closed by dynamo.close().
  DynamoDB: async () => {
    const table = await dynamo.table();
    return [dynamo.store(table), dynamo.store(table)];
  },
};

const alert = (id: string, eventId = 'ev-1'): NewAlert => ({
  id,
  findingKey: findingKey(FINDING),
  finding: FINDING,
  eventId,
  change: { eventId, eventName: 'AuthorizeSecurityGroupIngress', change: 'AuthorizeSecurityGroupIngress sg-0abc', actor: 'alice', time: '2026-11-25T09:00:00Z' },
  channel: 'C0A',
  createdAt: '2026-11-25T09:00:01Z',
});

describe.each(Object.keys(REPLICAS))('the alert store on %s', (name) => {
  const replicas = () => REPLICAS[name]!();
  it('lets exactly one replica claim the alert for a finding, and a new one once it is resolved', async () => {
    const [a, b] = await replicas();
    const claims = await Promise.all([a.alerts.claimAlert(alert('one')), b.alerts.claimAlert(alert('two')), a.alerts.claimAlert(alert('three'))]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    const won = claims.find(Boolean)!;
    await b.alerts.setMessage(won.id, 'C0A', '1700000000.000100');
    expect((await a.alerts.openAlerts('111122223333')).map((x) => [x.id, x.messageTs, x.change.actor])).toEqual([[won.id, '1700000000.000100', 'alice']]);
    const resolved = await Promise.all([a.alerts.resolveAlert(won.id, '2026-11-25T10:00:00Z'), b.alerts.resolveAlert(won.id, '2026-11-25T10:00:00Z')]);
    expect(resolved.filter(Boolean)).toHaveLength(1);
    expect(await b.alerts.claimAlert(alert('four', 'ev-2'))).toMatchObject({ id: 'four', state: 'open' });
  });

  it('gives back a claim whose message was never posted, and remembers handled events once', async () => {
    const [a, b] = await replicas();
    await a.alerts.claimAlert(alert('one'));
    await b.alerts.releaseAlert('one');
    expect(await b.alerts.claimAlert(alert('two'))).toBeDefined();
    expect(await a.alerts.eventHandled('ev-1')).toBe(false);
    await a.alerts.markEventHandled('ev-1', '2026-11-25T09:00:00Z');
    await b.alerts.markEventHandled('ev-1', '2026-11-25T09:00:05Z');
    expect(await b.alerts.eventHandled('ev-1')).toBe(true);
    expect(await a.alerts.pruneEvents('2026-12-01T00:00:00Z')).toBe(1);
  });
});
