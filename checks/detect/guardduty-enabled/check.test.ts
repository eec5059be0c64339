import { describe, expect, it } from 'vitest';
import { guarddutyEnabled } from './check.ts';
import { evaluate, TEST_ACCOUNT } from '../../../test/helpers/evaluate.ts';

const region = { region: 'eu-west-1' };

describe('detect.guardduty-enabled', () => {
  it('passes an enabled detector', () => {
    const results = evaluate(guarddutyEnabled, [{ available: true, detectors: [{ id: 'd-1', status: 'ENABLED' }] }], region);
    expect(results).toMatchObject([
      {
        status: 'PASS',
        severity: 'medium',
        region: 'eu-west-1',
        resourceType: 'AWS::::Account',
        resourceId: `${TEST_ACCOUNT}/eu-west-1`,
        evidence: 'GuardDuty detector d-1 is enabled in eu-west-1',
        details: { detectors: [{ id: 'd-1', status: 'ENABLED' }] },
      },
    ]);
  });

  it('fails a region without a detector', () => {
    const results = evaluate(guarddutyEnabled, [{ available: true, detectors: [] }], { ...region, locale: 'ja' });
    expect(results).toMatchObject([{ status: 'FAIL', evidence: 'eu-west-1 に GuardDuty のディテクターがありません' }]);
  });

  it('fails a suspended detector', () => {
    const results = evaluate(guarddutyEnabled, [{ available: true, detectors: [{ id: 'd-1', status: 'DISABLED' }] }], region);
    expect(results).toMatchObject([{ status: 'FAIL', evidence: 'GuardDuty detector d-1 (DISABLED) is suspended in eu-west-1' }]);
  });

  it('says nothing where GuardDuty is not available (the collector left a note)', () => {
    expect(evaluate(guarddutyEnabled, [{ available: false, reason: 'it has no endpoint in eu-west-1' }], region)).toEqual([]);
  });
});
