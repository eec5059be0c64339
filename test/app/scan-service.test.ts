import { describe, expect, it, vi } from 'vitest';
import { ScanService } from '../../src/app/scan-service.ts';
import { defaultSettings } from '../../src/config/schema.ts';
import { SelectionError } from '../../src/engine/selection.ts';
import type { ScanProgress } from '../../src/engine/types.ts';
import { rootMfa } from '../../checks/iam/root-mfa/check.ts';
import { settle, useHandFinishedScans } from '../helpers/hand-scans.ts';
import { fakeCheck, report, result } from '../slack/fixtures.ts';

// ScanService's job is only the coordination.
const { scan: scanMock, pending } = useHandFinishedScans();
const catalogue = [rootMfa, fakeCheck({ items: () => [] })];
const accounts = [
  { id: '111122223333', name: 'prod' },
  { id: '444455556666', name: 'dev' },
];

function service(withAccounts = false) {
  return new ScanService({ scan: scanMock, deps: { settings: defaultSettings(withAccounts ? { accounts } : {}), checks: catalogue } });
}

const both = report([result({ checkId: 'iam.root-mfa', region: 'global' }), result()], { accounts: [{ accountId: '111122223333', name: 'prod' }] });

describe('ScanService', () => {
  it('shares one scan between identical requests, and tells onComplete once', async () => {
    const scans = service();
    const completed = vi.fn();
    scans.onComplete(completed);
    const a = scans.run({});
    const b = scans.run({});
    await settle();
    expect(scanMock).toHaveBeenCalledTimes(1);
    pending[0]!.finish(both);
    expect(await a).toBe(both);
    expect(await b).toBe(both);
    await settle();
    expect(completed).toHaveBeenCalledTimes(1);
    expect(scans.running).toBe(0);
  });

  it('answers a narrower request from a running scan that covers it', async () => {
    const scans = service();
    const full = scans.run({});
    const iamOnly = scans.run({ services: ['iam'] });
    await settle();
    expect(scanMock).toHaveBeenCalledTimes(1);
    pending[0]!.finish(both);
    await full;
    const narrowed = await iamOnly;
    expect(narrowed.results.map((r) => r.checkId)).toEqual(['iam.root-mfa']);
    expect(narrowed.selection).toEqual({ services: ['iam'] });
  });

  it('makes a different request for the same account wait for the running scan, then run', async () => {
    const scans = service();
    const ec2 = scans.run({ services: ['ec2'] });
    const iam = scans.run({ services: ['iam'] });
    await settle();
    expect(scanMock).toHaveBeenCalledTimes(1);
    pending[0]!.finish(report([result()]));
    await ec2;
    await settle();
    expect(scanMock).toHaveBeenCalledTimes(2);
    expect(pending[1]!.selection).toEqual({ services: ['iam'] });
    pending[1]!.finish(report([]));
    await iam;
  });

  it('runs scans of different accounts side by side', async () => {
    const scans = service(true);
    void scans.run({ accounts: ['prod'] });
    void scans.run({ accounts: ['dev'] });
    await settle();
    expect(scanMock).toHaveBeenCalledTimes(2);
    const region = scans.run({ accounts: ['prod'], regions: ['us-east-1'] });
    await settle();
    // Same account, another region selection: it waits.
    expect(scanMock).toHaveBeenCalledTimes(2);
    for (const p of pending) p.finish(report([]));
    await settle();
    expect(scanMock).toHaveBeenCalledTimes(3);
    pending[2]!.finish(report([]));
    await region;
  });

  it('gives every waiting requester the progress, including the latest snapshot on joining', async () => {
    const scans = service();
    const first: ScanProgress[] = [];
    const second: ScanProgress[] = [];
    void scans.run({}, { onProgress: (p) => first.push(p) });
    await settle();
    const snapshot: ScanProgress = { iam: { done: 1, total: 2, unit: 'checks', finished: false } };
    pending[0]!.options.onProgress?.(snapshot);
    void scans.run({}, { onProgress: (p) => second.push(p) });
    pending[0]!.options.onProgress?.({ iam: { done: 2, total: 2, unit: 'checks', finished: true } });
    expect(first).toHaveLength(2);
    expect(second).toEqual([snapshot, first[1]]);
    pending[0]!.finish(both);
  });

  it('rejects an unknown selection before scanning, and passes a failed scan to everyone waiting', async () => {
    const scans = service(true);
    await expect(scans.run({ accounts: ['staging'] })).rejects.toBeInstanceOf(SelectionError);
    expect(scanMock).not.toHaveBeenCalled();
    const a = scans.run({});
    const b = scans.run({});
    await settle();
    pending[0]!.fail(new Error('no credentials'));
    await expect(a).rejects.toThrow('no credentials');
    await expect(b).rejects.toThrow('no credentials');
    expect(scans.running).toBe(0);
  });

  it('remembers the newest report per account and survives a failing listener', async () => {
    const listenerErrors: unknown[] = [];
    const scans = new ScanService({
      scan: scanMock,
      deps: { settings: defaultSettings({ accounts }), checks: catalogue },
      onListenerError: (err) => listenerErrors.push(err),
    });
    scans.onComplete(() => Promise.reject(new Error('disk full')));
    const run = scans.run({ accounts: ['prod'] });
    await settle();
    pending[0]!.finish(both);
    await run;
    await settle();
    expect(scans.latestPerAccount()).toEqual([both]);
    expect(listenerErrors).toHaveLength(1);
  });

  it('passes accepted risks to the engine', async () => {
    const mute = vi.fn(() => undefined);
    const scans = new ScanService({ scan: scanMock, deps: { settings: defaultSettings(), checks: catalogue }, mute });
    void scans.run({});
    await settle();
    expect(pending[0]!.options.mute).toBe(mute);
    pending[0]!.finish(both);
  });
});
