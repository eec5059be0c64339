// `awscheck scan --format json` with `organization:` set, as a user runs it: the real bin in a child process,
// AWS_ENDPOINT_URL pointing the real SDK at a fake STS / IAM / Organizations endpoint on 127.0.0.1.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanReport } from '../../src/engine/types.ts';
import { CLOSING, fakeOrganizationAws, MANAGEMENT, NESTED, PROD, SANDBOX, SUSPENDED, UNREACHABLE } from '../org/world.ts';

const run = promisify(execFile);
const fake = fakeOrganizationAws();

beforeAll(async () => {
  await fake.start();
});
afterAll(async () => {
  await fake.stop();
});

async function awscheck(args: string[], config: string | undefined, env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const cwd = mkdtempSync(join(tmpdir(), 'awscheck-org-'));
  if (config) writeFileSync(join(cwd, 'awscheck.yml'), config);
  try {
    const { stdout, stderr } = await run(process.execPath, [join(import.meta.dirname, '..', '..', 'bin', 'awscheck.js'), ...args], {
      cwd,
      env: {
        PATH: process.env.PATH,
        HOME: cwd,
        AWS_ENDPOINT_URL: fake.url,
        AWS_ACCESS_KEY_ID: 'AKIAE2ETESTKEY000000',
        AWS_SECRET_ACCESS_KEY: 'e2e-secret',
        AWS_REGION: 'us-east-1',
        AWS_EC2_METADATA_DISABLED: 'true',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        ...env,
      },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function expectOrganizationScan(doc: ScanReport): void {
  expect(doc.schema).toBe('awscheck.scan/v1');
  // Every ACTIVE member, with its name from Organizations; the management account with its own credentials.
  expect(doc.accounts).toEqual([
    { accountId: MANAGEMENT, name: 'management' },
    { accountId: PROD, name: 'prod' },
    { accountId: NESTED, name: 'team-dev' },
    { accountId: SANDBOX, name: 'sandbox' },
    { accountId: UNREACHABLE, name: 'no-role' },
  ]);
  const byAccount = (id: string) => doc.results.filter((r) => r.accountId === id).map((r) => r.status);
  expect(byAccount(MANAGEMENT)).toEqual(['PASS']);
  expect(byAccount(PROD)).toEqual(['PASS']);
  expect(byAccount(NESTED)).toEqual(['FAIL']);
  expect(byAccount(SANDBOX)).toEqual(['FAIL']);
  // The member whose role can't be assumed: an error for that account, and no PASS.
  expect(byAccount(UNREACHABLE)).toEqual(['ERROR']);
  expect(doc.errors.map((e) => e.accountId)).toEqual([UNREACHABLE]);
  // Suspended and closing accounts: skipped with a note, no results.
  expect(doc.notes.map((n) => n.accountId).sort()).toEqual([SUSPENDED, CLOSING].sort());
  expect(doc.results.some((r) => r.accountId === SUSPENDED || r.accountId === CLOSING)).toBe(false);
}

describe('awscheck scan with organization: set', () => {
  it('covers every ACTIVE member, reports the unreachable one as an error and skips the suspended ones', async () => {
    const config = ['organization:', '  roleName: awscheck-read', '  externalId: e2e-external-id', '  remediationRoleName: awscheck-fix', ''].join('\n');
    const { code, stdout, stderr } = await awscheck(['scan', '--check', 'iam.password-policy', '--format', 'json'], config);
    expect(stderr).not.toMatch(/secret/);
    expect(code).toBe(0);
    expectOrganizationScan(JSON.parse(stdout) as ScanReport);
  });

  it('does the same with AWSCHECK_ORG_ROLE_NAME alone', async () => {
    const before = fake.calls('sts', 'AssumeRole').length;
    const { code, stdout } = await awscheck(['scan', '--check', 'iam.password-policy', '--format', 'json'], undefined, {
      AWSCHECK_ORG_ROLE_NAME: 'awscheck-read',
    });
    expect(code).toBe(0);
    expectOrganizationScan(JSON.parse(stdout) as ScanReport);
    // One AssumeRole per member reached (the management account needs none).
    expect(fake.calls('sts', 'AssumeRole').length - before).toBe(4);
  });

  it('names the file and the key when organization: is wrong', async () => {
    const { code, stderr } = await awscheck(['scan', '--format', 'json'], 'organization:\n  roleName: arn:aws:iam::111111111111:role/x\n');
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/organization\.roleName: got .*expected an IAM role name \(not an ARN\)/);
  });
});
