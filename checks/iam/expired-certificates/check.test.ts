import { describe, expect, it } from 'vitest';
import { expiredCertificates } from './check.ts';
import type { ServerCertificate } from '../../../src/collectors/iam/server-certificates.ts';
import { evaluate, TEST_NOW } from '../../../test/helpers/evaluate.ts';
import { daysAgo } from '../../../test/checks/iam/fixtures.ts';

const cert = (name: string, expiresAt: Date | undefined): ServerCertificate => ({
  name,
  id: `ASCA${name}`,
  arn: `arn:aws:iam::123456789012:server-certificate/${name}`,
  path: '/',
  uploadedAt: undefined,
  expiresAt,
});

describe('iam.expired-certificates', () => {
  it('fails expired certificates and passes valid ones, one result per certificate', () => {
    const results = evaluate(expiredCertificates, [[cert('old', daysAgo(30)), cert('current', daysAgo(-200)), cert('now', TEST_NOW)]]);
    expect(results).toMatchObject([
      {
        status: 'FAIL',
        resourceType: 'AWS::IAM::ServerCertificate',
        resourceId: 'old',
        resourceArn: 'arn:aws:iam::123456789012:server-certificate/old',
        evidence: 'Server certificate old expired on 2026-10-26, 30 days ago',
        details: { expired: true, expiresAt: '2026-10-26T00:00:00.000Z' },
      },
      { status: 'PASS', resourceId: 'current', evidence: 'Server certificate current is valid until 2027-06-13' },
      // A certificate is invalid from its expiry instant on.
      { status: 'FAIL', resourceId: 'now' },
    ]);
  });

  it('gives ERROR when IAM gave no expiry date', () => {
    expect(evaluate(expiredCertificates, [[cert('mystery', undefined)]])).toMatchObject([{ status: 'ERROR', resourceId: 'mystery' }]);
  });

  it('answers on the account when no certificates are stored', () => {
    expect(evaluate(expiredCertificates, [[]])).toMatchObject([
      { status: 'PASS', resourceType: 'AWS::::Account', evidence: 'No server certificates are stored in IAM' },
    ]);
  });
});
