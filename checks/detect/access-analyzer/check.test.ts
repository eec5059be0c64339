import { describe, expect, it } from 'vitest';
import { accessAnalyzer } from './check.ts';
import type { AccessAnalyzer } from '../../../src/collectors/detect/access-analyzers.ts';
import { evaluate, TEST_ACCOUNT } from '../../../test/helpers/evaluate.ts';

const analyzer = (name: string, type: string, status = 'ACTIVE'): AccessAnalyzer => ({
  arn: `arn:aws:access-analyzer:eu-west-1:${TEST_ACCOUNT}:analyzer/${name}`,
  name,
  type,
  status,
});
const region = { region: 'eu-west-1' };

describe('detect.access-analyzer', () => {
  it.each(['ACCOUNT', 'ORGANIZATION'])('passes an active %s analyzer', (type) => {
    const results = evaluate(accessAnalyzer, [{ available: true, analyzers: [analyzer('external', type)] }], region);
    expect(results).toMatchObject([
      {
        status: 'PASS',
        severity: 'low',
        region: 'eu-west-1',
        resourceType: 'AWS::::Account',
        resourceId: `${TEST_ACCOUNT}/eu-west-1`,
        evidence: `IAM Access Analyzer external (${type}, ACTIVE) is active in eu-west-1`,
        details: { activeAnalyzers: [`arn:aws:access-analyzer:eu-west-1:${TEST_ACCOUNT}:analyzer/external`] },
      },
    ]);
  });

  it('fails a region without analyzers', () => {
    const results = evaluate(accessAnalyzer, [{ available: true, analyzers: [] }], { ...region, locale: 'ja' });
    expect(results).toMatchObject([{ status: 'FAIL', evidence: 'eu-west-1 に IAM Access Analyzer のアナライザーがありません' }]);
  });

  it('fails when only unused-access or inactive analyzers exist, naming them', () => {
    const results = evaluate(
      accessAnalyzer,
      [{ available: true, analyzers: [analyzer('unused', 'ACCOUNT_UNUSED_ACCESS'), analyzer('broken', 'ACCOUNT', 'FAILED')] }],
      region,
    );
    expect(results).toMatchObject([
      {
        status: 'FAIL',
        evidence:
          'No active account or organization analyzer in eu-west-1; found unused (ACCOUNT_UNUSED_ACCESS, ACTIVE), broken (ACCOUNT, FAILED)',
        details: { activeAnalyzers: [] },
      },
    ]);
  });

  it('says nothing where Access Analyzer is not available (the collector left a note)', () => {
    expect(evaluate(accessAnalyzer, [{ available: false, reason: 'it has no endpoint in eu-west-1' }], region)).toEqual([]);
  });
});
