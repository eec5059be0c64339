import { describe, expect, it } from 'vitest';
import { cloudtrailMultiRegion } from './check.ts';
import type { CloudTrailTrail } from '../../../src/collectors/detect/cloudtrail-trails.ts';
import { evaluate, TEST_ACCOUNT } from '../../../test/helpers/evaluate.ts';

const trail = (name: string, facts: Partial<CloudTrailTrail>): CloudTrailTrail => ({
  name,
  arn: `arn:aws:cloudtrail:us-east-1:${TEST_ACCOUNT}:trail/${name}`,
  homeRegion: 'us-east-1',
  multiRegion: true,
  organization: false,
  ...facts,
});

const run = (trails: CloudTrailTrail[], locale: 'en' | 'ja' = 'en') =>
  evaluate(cloudtrailMultiRegion, [{ trails }], { region: 'ap-northeast-1', locale });

describe('detect.cloudtrail-multi-region', () => {
  it('passes a region covered by a logging multi-region trail homed elsewhere', () => {
    const results = run([trail('stopped', { logging: false }), trail('main', { logging: true })]);
    expect(results).toMatchObject([
      {
        checkId: 'detect.cloudtrail-multi-region',
        status: 'PASS',
        severity: 'high',
        region: 'ap-northeast-1',
        resourceType: 'AWS::::Account',
        resourceId: `${TEST_ACCOUNT}/ap-northeast-1`,
        evidence: 'ap-northeast-1 is recorded by logging multi-region trail main',
        details: { loggingTrails: [`arn:aws:cloudtrail:us-east-1:${TEST_ACCOUNT}:trail/main`] },
      },
    ]);
  });

  it('passes even when another trail status is unreadable', () => {
    const results = run([trail('unreadable', { statusError: 'AccessDeniedException: no' }), trail('main', { logging: true })]);
    expect(results.map((r) => r.status)).toEqual(['PASS']);
  });

  it('fails when no trail records every region', () => {
    const results = run([trail('regional', { multiRegion: false })]);
    expect(results).toMatchObject([
      { status: 'FAIL', evidence: 'No multi-region CloudTrail trail records ap-northeast-1', details: { multiRegionTrails: [] } },
    ]);
    expect(run([])).toMatchObject([{ status: 'FAIL' }]);
  });

  it('fails when the multi-region trails have stopped logging, naming them', () => {
    const results = run([trail('main', { logging: false })], 'ja');
    expect(results).toMatchObject([
      {
        status: 'FAIL',
        evidence: 'ap-northeast-1 を記録しているマルチリージョン証跡がありません: main のログ記録は停止しています',
        details: { multiRegionTrails: [{ name: 'main', logging: false }] },
      },
    ]);
  });

  it('is ERROR, not FAIL or PASS, when the only multi-region trail status is unknown', () => {
    const results = run([trail('org', { organization: true, statusError: 'AccessDeniedException: not authorized' })]);
    expect(results).toMatchObject([
      {
        status: 'ERROR',
        evidence: 'Could not be evaluated: could not read the logging status of multi-region trail org (AccessDeniedException: not authorized)',
        details: { reason: 'org (AccessDeniedException: not authorized)' },
      },
    ]);
  });
});
