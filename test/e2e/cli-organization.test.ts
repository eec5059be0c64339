// `awscheck scan --format json` with `organization:` set, as a user runs it: the real bin in a child process,
// AWS_ENDPOINT_URL pointing the real SDK at a fake STS / IAM / Organizations endpoint on 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanReport } from '../../src/engine/types.ts';
import { type ChildRun, runBuiltCli } from '../helpers/child-process.ts';
import { expectWholeOrganizationScanned, fakeOrganizationAws } from '../org/world.ts';

const fake = fakeOrganizationAws();

beforeAll(async () => {
  await fake.start();
});
afterAll(async () => {
  await fake.stop();
});

function awscheck(args: string[], config?: string, env: Record<string, string> = {}): Promise<ChildRun> {
  return runBuiltCli(args, { endpoint: fake.url, config, env });
}

describe('awscheck scan with organization: set', () => {
  it('covers every ACTIVE member, reports the unreachable one as an error and skips the suspended ones', async () => {
    const config = ['organization:', '  roleName: awscheck-read', '  externalId: e2e-external-id', '  remediationRoleName: awscheck-fix', ''].join('\n');
    const { code, stdout, stderr } = await awscheck(['scan', '--check', 'iam.password-policy', '--format', 'json'], config);
    expect(stderr).not.toMatch(/secret/);
    expect(code).toBe(0);
    expectWholeOrganizationScanned(JSON.parse(stdout) as ScanReport);
  });

  it('does the same with AWSCHECK_ORG_ROLE_NAME alone', async () => {
    const before = fake.calls('sts', 'AssumeRole').length;
    const { code, stdout } = await awscheck(['scan', '--check', 'iam.password-policy', '--format', 'json'], undefined, {
      AWSCHECK_ORG_ROLE_NAME: 'awscheck-read',
    });
    expect(code).toBe(0);
    expectWholeOrganizationScanned(JSON.parse(stdout) as ScanReport);
    // One AssumeRole per member reached (the management account needs none).
    expect(fake.calls('sts', 'AssumeRole').length - before).toBe(4);
  });

  it('names the file and the key when organization: is wrong', async () => {
    const { code, stderr } = await awscheck(['scan', '--format', 'json'], 'organization:\n  roleName: arn:aws:iam::111111111111:role/x\n');
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/organization\.roleName: got .*expected an IAM role name \(not an ARN\)/);
  });
});
