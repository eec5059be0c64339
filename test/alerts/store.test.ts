// The AlertStore on SQLite (two connections to one file) and on DynamoDB (two clients on one table): two
// replicas, and only one claims an alert.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { NewAlert } from '../../src/alerts/store.ts';
import { findingKey } from '../../src/store/finding-key.ts';
import type { Store } from '../../src/store/store.ts';
import { FINDING } from '../remediation/fixtures.ts';
import type { StoreHandle } from '../store/contract/history-store-contract.ts';
import { type LocalTables, localTables } from '../store/dynamodb-env.ts';
import { sqliteHandle } from '../store/sqlite-env.ts';

const handles: StoreHandle[] = [];
let dynamo: LocalTables;
beforeAll(async () => {
  dynamo = await localTables();
});
afterAll(async () => {
  await dynamo.close();
});
afterEach(async () => {
  for (const h of handles.splice(0)) await h.dispose();
});

/** Two replicas on one fresh store. */
const REPLICAS: Record<string, () => Promise<[Store, Store]>> = {
  SQLite: () => replicasOf(sqliteHandle()),
  DynamoDB: () => replicasOf(dynamo.handle()),
};

async function replicasOf(opening: Promise<StoreHandle>): Promise<[Store, Store]> {
  const handle = await opening;
  handles.push(handle);
  return [handle.store, await handle.replica()];
}

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
