// One bad answer stays local: the planted world scanned twice with the in-process fake AWS behind the real SDK
// clients, the second time with one odd credential-report row, one policy entry without its document and one
// bucket that answers AccessDenied. Only those entities are ERROR; everything else is judged as before.
import type { GetAccountAuthorizationDetailsCommandOutput, GetCredentialReportCommandOutput } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../../checks/index.ts';
import { defaultSettings } from '../../src/config/schema.ts';
import { scan } from '../../src/engine/scan.ts';
import type { CheckResult } from '../../src/engine/types.ts';
import { FakeAwsError } from '../fake-aws/errors.ts';
import { type FakeAwsOptions, installFakeAws } from '../fake-aws/install.ts';
import { plantedWorld } from './planted-world.ts';

const NOW = new Date('2026-11-25T09:00:00Z');
const ODD_USER = 'two-keys';
const ODD_POLICY = 'ReadOnlyTeam';
const DENIED_BUCKET = 'planted-private-bucket';

/** mfa_active (column 8) of one user's row holds a value the report never documents. */
function oddRow(answer: GetCredentialReportCommandOutput): GetCredentialReportCommandOutput {
  const csv = new TextDecoder().decode(answer.Content);
  const lines = csv.split('\n').map((line) => {
    if (!line.startsWith(`${ODD_USER},`)) return line;
    const cells = line.split(',');
    cells[7] = 'sometimes';
    return cells.join(',');
  });
  return { ...answer, Content: new TextEncoder().encode(lines.join('\n')) };
}

/** One customer-managed policy comes without its default version's document. */
function policyWithoutDocument(answer: GetAccountAuthorizationDetailsCommandOutput): GetAccountAuthorizationDetailsCommandOutput {
  return {
    ...answer,
    Policies: answer.Policies?.map((p) =>
      p.PolicyName === ODD_POLICY ? { ...p, PolicyVersionList: p.PolicyVersionList?.map(({ Document: _, ...version }) => version) } : p,
    ),
  };
}

const tamper: FakeAwsOptions['tamper'] = (operation, input, answer) => {
  if (operation === 'IAM:GetCredentialReport') return oddRow(answer as GetCredentialReportCommandOutput);
  if (operation === 'IAM:GetAccountAuthorizationDetails') return policyWithoutDocument(answer as GetAccountAuthorizationDetailsCommandOutput);
  if (operation.startsWith('S3:GetBucket') || operation === 'S3:GetPublicAccessBlock') {
    if (input.Bucket === DENIED_BUCKET) throw new FakeAwsError('AccessDenied', 'Access Denied', 403);
  }
  return answer;
};

const key = (r: CheckResult) => `${r.checkId} ${r.region} ${r.resourceType} ${r.resourceId}${r.subResourceId ? ` ${r.subResourceId}` : ''}`;
const verdict = (r: CheckResult) => `${key(r)} ${r.status} ${r.evidence}`;

describe('one bad answer stays local to its entity', () => {
  const endpoint = process.env.AWS_ENDPOINT_URL;
  beforeAll(() => {
    // See full-catalogue.test.ts: S3 Control needs a host name, not an IP address.
    process.env.AWS_ENDPOINT_URL = 'http://localhost:9';
  });
  afterAll(() => {
    process.env.AWS_ENDPOINT_URL = endpoint;
  });

  const run = (options: FakeAwsOptions = {}) =>
    scan({}, { settings: defaultSettings(), checks: ALL_CHECKS, clock: { now: () => NOW }, env: {}, instrument: installFakeAws(plantedWorld(NOW, 'bad'), options) });

  it('gives ERROR for the odd report row, the policy without its document and the denied bucket only', async () => {
    const clean = await run();
    expect(clean.results.filter((r) => r.status === 'ERROR')).toEqual([]);
    const odd = await run({ tamper });
    expect(odd.errors).toEqual([]);

    const errors = odd.results.filter((r) => r.status === 'ERROR');
    const about = (id: string) => errors.filter((r) => r.resourceId === id);
    // Nothing but the three entities is ERROR.
    expect(errors.filter((r) => ![ODD_USER, ODD_POLICY, DENIED_BUCKET].includes(r.resourceId)).map(verdict)).toEqual([]);

    // The odd row: every check that judges users from the report, each naming the user and the cell.
    expect(about(ODD_USER).map((r) => r.checkId).sort()).toEqual([
      'iam.access-key-rotation',
      'iam.initial-access-key',
      'iam.long-lived-keys',
      'iam.multiple-active-keys',
      'iam.unused-credentials',
      'iam.user-console-mfa',
    ]);
    for (const r of about(ODD_USER)) {
      expect(r).toMatchObject({ resourceType: 'AWS::IAM::User', resourceArn: `arn:aws:iam::123456789012:user/${ODD_USER}` });
      expect(r.evidence).toBe(`${ODD_USER} could not be evaluated: credential report row ${ODD_USER}: mfa_active is "sometimes", expected true or false`);
    }
    // The same user is still judged where its data came from elsewhere.
    expect(odd.results.find((r) => r.checkId === 'iam.user-attached-policies' && r.resourceId === ODD_USER)?.status).toBe('PASS');

    // The policy without its document: ERROR for it in the admin-policy check; the users and groups holding it are still judged.
    expect(about(ODD_POLICY).map((r) => `${r.checkId} ${r.resourceType}`)).toEqual(['iam.admin-policy-attached AWS::IAM::Policy']);
    expect(about(ODD_POLICY)[0]?.evidence).toBe(
      `${ODD_POLICY} could not be evaluated: GetAccountAuthorizationDetails answered without the default version document of policy ${ODD_POLICY}`,
    );
    expect(odd.results.find((r) => r.checkId === 'iam.user-attached-policies' && r.resourceId === 'direct-policy')?.status).toBe('FAIL');

    // The denied bucket: ERROR in every per-bucket check, with AWS's reason.
    const bucketChecks = [...new Set(clean.results.filter((r) => r.resourceId === DENIED_BUCKET).map((r) => r.checkId))].sort();
    expect(bucketChecks.length).toBeGreaterThan(4);
    expect(about(DENIED_BUCKET).map((r) => r.checkId).sort()).toEqual(bucketChecks);
    for (const r of about(DENIED_BUCKET)) expect(r.evidence).toMatch(/AccessDenied: Access Denied/);

    // Everything else: the same verdicts, word for word, as the clean scan.
    // (An unreadable user's per-key results become one ERROR for the user: compare by check and resource.)
    const touched = new Set(errors.map((r) => `${r.checkId} ${r.resourceId}`));
    const judged = (results: CheckResult[]) => results.filter((r) => !touched.has(`${r.checkId} ${r.resourceId}`)).map(verdict).sort();
    expect(judged(clean.results).length).toBeGreaterThan(100);
    expect(judged(odd.results)).toEqual(judged(clean.results));
  });
});
