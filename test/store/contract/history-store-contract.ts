// The history half of the Store contract (scans, results, reports, scheduler slots, retention, finding
// snapshots), written once and run against every backend: SQLite and DynamoDB must behave the same.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../../../checks/index.ts';
import { defaultSettings } from '../../../src/config/schema.ts';
import { scan, type ScanOptions } from '../../../src/engine/scan.ts';
import type { CheckResult, ScanAccount } from '../../../src/engine/types.ts';
import { ScanRecorder } from '../../../src/store/recorder.ts';
import { selectionKey } from '../../../src/store/selection-key.ts';
import type { ScanPart, Store } from '../../../src/store/store.ts';
import { MANAGEMENT, NESTED, PROD, SANDBOX, UNREACHABLE, useFakeOrganizationAws } from '../../org/world.ts';
import { evidenceIn } from '../../../src/i18n/message.ts';
import { ENGLISH_EVIDENCE, JAPANESE_EVIDENCE, scannedInEnglish } from '../../helpers/worded.ts';
import { ACCOUNT, manyResults, result, scanReport } from '../../report/fixtures.ts';

export interface StoreHandle {
  /** A fresh, empty store. */
  store: Store;
  /** A second client on the same data, as another replica would have. */
  replica(): Promise<Store>;
  /** Closes everything the handle opened and removes its data. */
  dispose(): Promise<void>;
}

const message = { text: 'report', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'hi' } }] };

function part(account: ScanAccount, results: CheckResult[], extra: Partial<ScanPart> = {}): ScanPart {
  return { accounts: [account], regions: [], results, errors: [], notes: [], ...extra };
}

export function describeHistoryStoreContract(name: string, open: () => Promise<StoreHandle>): void {
  describe(`history store contract: ${name}`, () => {
    let handle: StoreHandle;
    let store: Store;
    beforeEach(async () => {
      handle = await open();
      store = handle.store;
    });
    afterEach(async () => {
      await handle.dispose();
    });

    it('round-trips a scan with every field', async () => {
      const report = scanReport(
        [
          result({ status: 'ERROR', evidence: 'Could not be evaluated: AccessDenied', region: 'eu-west-1', resourceId: 'eu-west-1' }),
          result({ subResourceId: 'sgr-1', resourceArn: 'arn:aws:ec2:us-east-1:123456789012:security-group/sg-0abc', details: { port: 22 } }),
          result({ status: 'MUTED', resourceId: 'sg-0def', muted: { reason: 'bastion', expiresAt: '2026-12-01T00:00:00.000Z', acceptedBy: 'U123' } }),
        ],
        {
          selection: { services: ['ec2'], regions: ['us-east-1', 'eu-west-1'] },
          errors: [{ accountId: ACCOUNT, region: 'eu-west-1', checkIds: ['ec2.sg-open-ssh'], reason: 'AccessDenied' }],
          notes: [{ accountId: ACCOUNT, message: 'Region me-central-1 is not enabled' }],
          regions: ['eu-west-1', 'us-east-1'],
        },
      );
      const summary = await store.saveScan(report);
      expect(summary).toMatchObject({ complete: false, resultCount: 3, failCount: 1, errorCount: 1, score: 0 });
      const stored = await store.getScan(summary.id);
      expect(stored?.report).toStrictEqual(report);
      expect(stored?.summary).toEqual(summary);
      expect(await store.getScan('nope')).toBeUndefined();
    });

    it('keeps each result\'s message: a scan worded in English reads in Japanese; older results keep their words', async () => {
      const scanned = scannedInEnglish();
      const older = result({ resourceId: 'sg-old', evidence: 'worded before messages were stored' });
      const summary = await store.saveScan(scanReport([scanned, older]));
      const stored = (await store.getScan(summary.id))?.report.results ?? [];
      expect(stored).toStrictEqual([scanned, older]);
      expect(stored[0]?.evidence).toBe(ENGLISH_EVIDENCE);
      expect(stored.map((r) => evidenceIn('ja', r))).toEqual([JAPANESE_EVIDENCE, 'worded before messages were stored']);
    });

    it('saves and reads back a scan of 50,000 results', async () => {
      const report = scanReport(manyResults(50_000));
      const summary = await store.saveScan(report);
      const stored = await store.getScan(summary.id);
      expect(stored?.report.results).toHaveLength(50_000);
      expect(stored?.report.results[0]).toStrictEqual(report.results[0]);
      expect(stored?.report.results[49_999]).toStrictEqual(report.results[49_999]);
      expect(summary.failCount).toBe(5_000);
      expect((await store.latestScan())?.report.results).toHaveLength(50_000);
    }, 120_000);

    it('finds the latest scan by selection, completeness and time, and summaries oldest first', async () => {
      const full = selectionKey({});
      const a = await store.saveScan(scanReport([result({ status: 'PASS' })], { finishedAt: '2026-11-20T00:00:00.000Z' }));
      const b = await store.saveScan(scanReport([result({ status: 'ERROR' })], { finishedAt: '2026-11-21T00:00:00.000Z' }));
      const s3 = await store.saveScan(scanReport([result()], { finishedAt: '2026-11-22T00:00:00.000Z', selection: { services: ['s3'] } }));
      expect((await store.latestScan())?.summary.id).toBe(s3.id);
      expect((await store.latestScan({ selectionKey: full }))?.summary.id).toBe(b.id);
      expect((await store.latestScan({ selectionKey: full, complete: true }))?.summary.id).toBe(a.id);
      expect((await store.latestScan({ selectionKey: full, finishedBefore: b.finishedAt }))?.summary.id).toBe(a.id);
      expect(await store.latestScan({ selectionKey: full, finishedBefore: a.finishedAt })).toBeUndefined();
      expect((await store.latestScan({ complete: false }))?.summary.id).toBe(b.id);
      expect((await store.scanSummaries({ selectionKey: full, since: '2026-11-01T00:00:00.000Z' })).map((s) => s.id)).toEqual([a.id, b.id]);
      expect((await store.scanSummaries({ selectionKey: full, since: b.finishedAt })).map((s) => s.id)).toEqual([b.id]);
    });

    it('orders scans that finished at the same time by when they were saved', async () => {
      const first = await store.saveScan(scanReport([result()]));
      const second = await store.saveScan(scanReport([result({ status: 'PASS' })]));
      expect((await store.latestScan())?.summary.id).toBe(second.id);
      const summaries = await store.scanSummaries({ selectionKey: selectionKey({}), since: '2026-01-01T00:00:00.000Z' });
      expect(summaries.map((s) => s.id)).toEqual([first.id, second.id]);
    });

    it('gives each account its latest whole-catalogue scan, narrowed to that account', async () => {
      const other = '210987654321';
      const accounts = [
        { accountId: ACCOUNT, name: 'prod' },
        { accountId: other, name: 'dev' },
      ];
      await store.saveScan(
        scanReport([result(), result({ accountId: other })], { accounts, finishedAt: '2026-11-24T00:00:00.000Z', errors: [{ accountId: other, reason: 'boom' }] }),
      );
      // A narrower, newer scan does not replace the whole picture.
      await store.saveScan(scanReport([result({ checkId: 's3.public' })], { selection: { services: ['s3'] }, finishedAt: '2026-11-25T00:00:00.000Z' }));
      const latest = await store.latestPerAccount();
      expect(latest.map((r) => r.accounts)).toEqual([[accounts[0]], [accounts[1]]]);
      expect(latest[0]?.results.map((r) => r.accountId)).toEqual([ACCOUNT]);
      expect(latest[0]?.errors).toEqual([]);
      expect(latest[1]?.errors).toEqual([{ accountId: other, reason: 'boom' }]);
      // A newer whole-catalogue scan of one account replaces only that account's picture.
      const newer = scanReport([result({ status: 'PASS' })], { finishedAt: '2026-11-26T00:00:00.000Z' });
      await store.saveScan(newer);
      const after = await store.latestPerAccount();
      expect(after[0]?.finishedAt).toBe(newer.finishedAt);
      expect(after[1]?.finishedAt).toBe('2026-11-24T00:00:00.000Z');
    });

    it('prunes scans with their results, old reports and old slots', async () => {
      const old = await store.saveScan(scanReport([result()], { finishedAt: '2026-08-01T00:00:00.000Z' }));
      const recent = await store.saveScan(scanReport([result()], { finishedAt: '2026-11-24T00:00:00.000Z' }));
      await store.createReport({ name: 'daily', scanId: old.id, channel: 'C1', score: 0, message }, '2026-08-01T00:02:00.000Z');
      const kept = await store.createReport({ name: 'daily', scanId: recent.id, channel: 'C1', score: 0, message }, '2026-11-24T00:02:00.000Z');
      await store.claimSlot('daily-report:2026-08-01T00:00:00.000Z', 'a', '2026-08-01T00:00:00.000Z');
      await store.claimSlot('daily-report:2026-11-24T00:00:00.000Z', 'a', '2026-11-24T00:00:00.000Z');
      expect(await store.prune('2026-08-27T00:00:00.000Z')).toEqual({ scans: 1, reports: 1, slots: 1 });
      expect(await store.getScan(old.id)).toBeUndefined();
      expect((await store.getScan(recent.id))?.report.results).toHaveLength(1);
      expect(await store.getReport(kept.id)).toBeDefined();
      expect(await store.latestScan({ finishedBefore: '2026-09-01T00:00:00.000Z' })).toBeUndefined();
      // The pruned slot can be claimed again; the kept one cannot.
      expect(await store.claimSlot('daily-report:2026-11-24T00:00:00.000Z', 'b', 'now')).toBe(false);
      expect(await store.prune('2026-08-27T00:00:00.000Z')).toEqual({ scans: 0, reports: 0, slots: 0 });
    });

    it('lets exactly one of several replicas claim a slot', async () => {
      const replicas = [store, await handle.replica(), await handle.replica()];
      const key = 'daily-report:2026-11-25T00:00:00.000Z';
      const claims = await Promise.all(replicas.flatMap((r, i) => [r.claimSlot(key, `r${i}`, 'now'), r.claimSlot(key, `r${i}b`, 'now')]));
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await replicas[1]!.claimSlot('daily-report:2026-11-26T00:00:00.000Z', 'b', 'now')).toBe(true);
      await replicas[1]!.completeSlot(key, 'later');
      await store.completeSlot('never-claimed', 'later');
      for (const r of replicas.slice(1)) await r.close();
    });

    it('keeps a report pending until posted, and finds the latest by name and status', async () => {
      const scan = await store.saveScan(scanReport([result()]));
      const first = await store.createReport({ name: 'daily', slot: 's1', scanId: scan.id, channel: 'C1', score: 50, message }, '2026-11-25T00:02:00.000Z');
      expect(first.status).toBe('pending');
      await store.updateReport(first.id, { status: 'posted', postedAt: '2026-11-25T00:03:00.000Z', messageTs: '1.2' });
      const second = await store.createReport({ name: 'daily', scanId: scan.id, channel: 'C1', score: undefined, message }, '2026-11-26T00:02:00.000Z');
      await store.updateReport(second.id, { status: 'pending', error: 'not_in_channel: invite the bot' });
      const weekly = await store.createReport({ name: 'weekly', scanId: scan.id, channel: 'C1', score: 1, message }, '2026-11-27T00:02:00.000Z');
      expect(await store.getReport(first.id)).toEqual({ ...first, status: 'posted', postedAt: '2026-11-25T00:03:00.000Z', messageTs: '1.2' });
      expect((await store.latestReport())?.id).toBe(weekly.id);
      expect((await store.latestReport({ name: 'daily' }))?.id).toBe(second.id);
      expect((await store.latestReport({ name: 'daily', status: ['posted'] }))?.id).toBe(first.id);
      expect(await store.latestReport({ name: 'daily', status: ['pending', 'failed'] })).toMatchObject({ id: second.id, error: 'not_in_channel: invite the bot' });
      expect((await store.getReport(second.id))?.score).toBeUndefined();
      // A new attempt without an error clears the old one.
      await store.updateReport(second.id, { status: 'posted', postedAt: '2026-11-26T00:05:00.000Z' });
      expect((await store.getReport(second.id))?.error).toBeUndefined();
      expect(await store.latestReport({ name: 'monthly' })).toBeUndefined();
      await expect(store.updateReport('missing', { status: 'posted' })).rejects.toThrow(/no report/);
      expect(await store.getReport('missing')).toBeUndefined();
    });

    it('keeps finding snapshots until pruned', async () => {
      const remediation = store.remediation;
      await remediation.saveSnapshot({ id: 'snap-old', finding: result(), createdAt: '2026-10-01T00:00:00.000Z' });
      await remediation.saveSnapshot({ id: 'snap-new', finding: result({ resourceId: 'sg-1' }), createdAt: '2026-11-25T00:00:00.000Z' });
      expect(await remediation.getSnapshot('snap-new')).toEqual({ id: 'snap-new', finding: result({ resourceId: 'sg-1' }), createdAt: '2026-11-25T00:00:00.000Z' });
      expect(await remediation.pruneSnapshots('2026-11-01T00:00:00.000Z')).toBe(1);
      expect(await remediation.getSnapshot('snap-old')).toBeUndefined();
      expect(await remediation.getSnapshot('snap-new')).toBeDefined();
      expect(await remediation.getSnapshot('missing')).toBeUndefined();
    });

    it('streams a scan part by part: nothing of it is read until it finishes, then all of it, in order', async () => {
      const prod = { accountId: ACCOUNT, name: 'prod' };
      const dev = { accountId: '210987654321', name: 'dev' };
      const late = { accountId: '310987654321', name: 'found-later' };
      const earlier = await store.saveScan(scanReport([result({ status: 'PASS' })], { finishedAt: '2026-11-24T00:00:00.000Z' }));
      const startedAt = '2026-11-25T00:00:00.000Z';
      const id = await store.beginScan({ startedAt, selection: {}, accounts: [prod, dev], notes: [{ message: 'discovered 2 accounts' }] });
      const prodResults = [result(), result({ status: 'PASS', resourceId: 'sg-2' })];
      // Enough results for several DynamoDB chunks: parts must number theirs after the earlier parts'.
      const devResults = manyResults(3_000).map((r) => ({ ...r, accountId: dev.accountId }));
      const lateResults = [result({ status: 'ERROR', accountId: late.accountId, region: 'global', resourceId: late.accountId })];
      await store.appendScan(id, part(prod, prodResults, { regions: ['us-east-1'] }));
      // Two accounts finishing at once: both parts are kept whole, in the order they were handed over.
      await Promise.all([
        store.appendScan(id, part(dev, devResults, { regions: ['ap-northeast-1', 'eu-west-1', 'us-east-1'] })),
        store.appendScan(id, part(late, lateResults, { errors: [{ accountId: late.accountId, reason: 'AccessDenied' }] })),
      ]);

      // Running: invisible to every read, so the last finished scan is still the latest.
      expect(await store.getScan(id)).toBeUndefined();
      expect((await store.latestScan())?.summary.id).toBe(earlier.id);
      expect((await store.latestScan({ complete: false }))?.summary.id).toBeUndefined();
      expect((await store.scanSummaries({ selectionKey: selectionKey({}), since: '2026-01-01T00:00:00.000Z' })).map((x) => x.id)).toEqual([earlier.id]);
      expect((await store.latestPerAccount()).map((r) => [r.accounts, r.finishedAt])).toEqual([[[prod], earlier.finishedAt]]);

      const finishedAt = '2026-11-25T00:05:00.000Z';
      const summary = await store.finishScan(id, { finishedAt });
      const whole = scanReport([...prodResults, ...devResults, ...lateResults], {
        startedAt,
        finishedAt,
        accounts: [prod, dev, late],
        regions: ['ap-northeast-1', 'eu-west-1', 'us-east-1'],
        errors: [{ accountId: late.accountId, reason: 'AccessDenied' }],
        notes: [{ message: 'discovered 2 accounts' }],
      });
      const stored = await store.getScan(id);
      expect(stored?.report).toStrictEqual(whole);
      // The same summary as the whole report saved at once: counts and score added up part by part.
      const saved = await store.saveScan(whole);
      expect(summary).toEqual({ ...saved, id });
      expect(stored?.summary).toEqual(summary);
      expect(summary).toMatchObject({ complete: false, resultCount: 3_003, failCount: 301, errorCount: 1 });
      expect((await store.latestPerAccount()).map((r) => r.accounts[0]?.accountId)).toEqual([ACCOUNT, dev.accountId, late.accountId]);
      await expect(store.appendScan(id, part(prod, []))).rejects.toThrow(/finished/);
      await expect(store.finishScan(id, { finishedAt })).rejects.toThrow(/finished/);
    }, 60_000);

    it('never reads a scan that did not finish (its process died), not even as incomplete, and prunes it by its start', async () => {
      const done = await store.saveScan(scanReport([result({ status: 'PASS' })], { startedAt: '2026-08-01T00:00:00.000Z', finishedAt: '2026-08-01T00:01:00.000Z' }));
      const dead = await store.beginScan({ startedAt: '2026-08-02T00:00:00.000Z', selection: {}, accounts: [{ accountId: ACCOUNT, name: 'prod' }] });
      await store.appendScan(dead, part({ accountId: ACCOUNT, name: 'prod' }, [result()], { regions: ['us-east-1'] }));
      // Another replica, or the process after a restart, sees only the finished scan.
      const replica = await handle.replica();
      try {
        expect(await replica.getScan(dead)).toBeUndefined();
        expect((await replica.latestScan())?.summary.id).toBe(done.id);
        expect(await replica.latestScan({ complete: false })).toBeUndefined();
        expect((await replica.scanSummaries({ selectionKey: selectionKey({}), since: '2026-01-01T00:00:00.000Z' })).map((x) => x.id)).toEqual([done.id]);
        expect((await replica.latestPerAccount()).map((r) => r.finishedAt)).toEqual([done.finishedAt]);
      } finally {
        await replica.close();
      }
      // Retention: the finished scan goes by its finish, the dead one by its start.
      expect((await store.prune('2026-08-01T12:00:00.000Z')).scans).toBe(1);
      expect((await store.prune('2026-08-03T00:00:00.000Z')).scans).toBe(1);
      await expect(store.finishScan(dead, { finishedAt: '2026-08-03T00:00:00.000Z' })).rejects.toThrow(/no scan/);
      await expect(store.appendScan('missing', part({ accountId: ACCOUNT, name: 'prod' }, []))).rejects.toThrow(/no scan/);
    });

    describe('an organization scan streamed from the engine', () => {
      // The real engine and SDK against a fake Organizations / STS / IAM over HTTP (test/org/world.ts).
      useFakeOrganizationAws();
      const selection = { checks: ['iam.password-policy'] };
      const run = (options: ScanOptions = {}) =>
        scan(selection, { settings: defaultSettings({ organization: { roleName: 'awscheck-read' }, accountConcurrency: 2 }), checks: ALL_CHECKS, env: {} }, options);

      it('stores every account as it finishes and reads back what the engine reports in memory, once', async () => {
        const recorder = new ScanRecorder(store);
        const stored = await recorder.stream((streaming) => run(streaming));
        const inMemory = await run();
        expect(stored.report.accounts).toEqual(inMemory.accounts);
        expect(stored.report.results.map((r) => [r.accountId, r.status])).toEqual(inMemory.results.map((r) => [r.accountId, r.status]));
        expect(stored.report.results.map((r) => r.accountId).sort()).toEqual([MANAGEMENT, NESTED, PROD, SANDBOX, UNREACHABLE].sort());
        expect(stored.report.errors.map((e) => e.accountId)).toEqual([UNREACHABLE]);
        expect(stored.report.notes.map((n) => n.message).sort()).toEqual(inMemory.notes.map((n) => n.message).sort());
        expect(await store.getScan(stored.summary.id)).toBeDefined();
        // The completion listener's save of the same scan finds it stored: no second copy.
        expect((await recorder.save(stored.report)).id).toBe(stored.summary.id);
        expect(await store.scanSummaries({ selectionKey: selectionKey(selection), since: '2000-01-01T00:00:00.000Z' })).toHaveLength(1);
      });

      it('leaves no scan to read when the scan dies after some accounts were stored', async () => {
        const recorder = new ScanRecorder(store);
        let handed = 0;
        let stored = 0;
        const dying = recorder.stream((streaming) =>
          run({
            ...streaming,
            onAccount: async (account) => {
              // Accounts finish two at a time: the third one to finish is where the process "dies".
              handed += 1;
              if (handed > 2) throw new Error('killed');
              await streaming.onAccount(account);
              stored += 1;
            },
          }),
        );
        await expect(dying).rejects.toThrow('killed');
        expect(stored).toBe(2);
        expect(await store.latestScan()).toBeUndefined();
        expect(await store.latestPerAccount()).toEqual([]);
        expect(await store.scanSummaries({ selectionKey: selectionKey(selection), since: '2000-01-01T00:00:00.000Z' })).toEqual([]);
      });
    });
  });
}
