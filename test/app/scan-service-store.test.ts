// The bot's scans with a history store: each scan streams into the store account by account (the real
// engine and SDK against a fake organization over HTTP), and what requests and listeners get is read back.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../../checks/index.ts';
import { ScanService } from '../../src/app/scan-service.ts';
import { defaultSettings } from '../../src/config/schema.ts';
import { scan } from '../../src/engine/scan.ts';
import { compareResults } from '../../src/engine/sort.ts';
import type { ScanReport } from '../../src/engine/types.ts';
import { ScanRecorder } from '../../src/store/recorder.ts';
import { selectionKey } from '../../src/store/selection-key.ts';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { MANAGEMENT, NESTED, PROD, SANDBOX, UNREACHABLE, useFakeOrganizationAws } from '../org/world.ts';

useFakeOrganizationAws();

let dir: string;
let store: SqliteStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'awscheck-scan-service-'));
  store = openSqliteStore(join(dir, 'awscheck.db'));
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const deps = { settings: defaultSettings({ organization: { roleName: 'awscheck-read' }, accountConcurrency: 2 }), checks: ALL_CHECKS, env: {} };
const selection = { checks: ['iam.password-policy', 'iam.root-mfa'] };

describe('ScanService with a recorder', () => {
  it('streams each scan into the store and hands requests and listeners the stored report, sorted like the engine’s', async () => {
    const recorder = new ScanRecorder(store);
    const scans = new ScanService({ scan, deps, recorder });
    recorder.attach(scans);
    const completed: ScanReport[] = [];
    scans.onComplete((report) => void completed.push(report));
    const [report, joined] = await Promise.all([scans.run(selection), scans.run({ checks: ['iam.password-policy'] })]);
    const stored = await store.latestScan();
    expect(stored?.report.results).toHaveLength(report.results.length);
    expect(new Set(report.results.map((r) => r.accountId))).toEqual(new Set([MANAGEMENT, PROD, NESTED, SANDBOX, UNREACHABLE]));
    expect([...report.results].sort(compareResults)).toEqual(report.results);
    // The same results as the engine holding them all in memory.
    const inMemory = await scan(selection, deps);
    expect(report.results.map((r) => [r.checkId, r.accountId, r.status])).toEqual(inMemory.results.map((r) => [r.checkId, r.accountId, r.status]));
    expect(joined.results.every((r) => r.checkId === 'iam.password-policy')).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(completed).toHaveLength(1);
    // Saved once (the completion listener found it stored), and not kept in memory for App Home.
    expect(await store.scanSummaries({ selectionKey: selectionKey(selection), since: '2000-01-01T00:00:00.000Z' })).toHaveLength(1);
    expect(scans.latestPerAccount()).toEqual([]);
  });
});
