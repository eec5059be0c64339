// The Slack app's single flight with organization: set: the accounts are known only once listed, so every
// organization scan shares one key (two never read the organization at once), and a request joins a
// running scan only with the same account selection.
import { describe, expect, it } from 'vitest';
import { rootMfa } from '../../checks/iam/root-mfa/check.ts';
import { ScanService } from '../../src/app/scan-service.ts';
import { defaultSettings } from '../../src/config/schema.ts';
import { settle, useHandFinishedScans } from '../helpers/hand-scans.ts';
import { fakeCheck, report, result } from '../slack/fixtures.ts';

const { scan: scanMock, pending } = useHandFinishedScans();

function service(): ScanService {
  return new ScanService({
    scan: scanMock,
    deps: { settings: defaultSettings({ organization: { roleName: 'awscheck-read' } }), checks: [rootMfa, fakeCheck({ items: () => [] })] },
  });
}

describe('ScanService with organization: set', () => {
  it('lets a narrower request join a running organization scan, and gives it the part it asked for', async () => {
    const scans = service();
    const full = scans.run({});
    const iamOnly = scans.run({ checks: ['iam.root-mfa'] });
    await settle();
    expect(scanMock).toHaveBeenCalledTimes(1);
    const done = report([result({ checkId: 'iam.root-mfa', region: 'global' }), result()]);
    pending[0]!.finish(done);
    expect(await full).toBe(done);
    expect((await iamOnly).results.map((r) => r.checkId)).toEqual(['iam.root-mfa']);
  });

  it('runs a request for named accounts after the running scan, never beside it', async () => {
    const scans = service();
    const full = scans.run({});
    const one = scans.run({ accounts: ['prod'] });
    await settle();
    expect(scanMock).toHaveBeenCalledTimes(1);
    pending[0]!.finish(report([]));
    await full;
    await settle();
    expect(scanMock).toHaveBeenCalledTimes(2);
    expect(pending[1]!.selection).toEqual({ accounts: ['prod'] });
    pending[1]!.finish(report([]));
    await one;
  });
});
