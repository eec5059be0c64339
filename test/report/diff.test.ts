import { describe, expect, it } from 'vitest';
import { diffFindings } from '../../src/report/diff.ts';
import { ACCOUNT, result, scanReport } from './fixtures.ts';

const sg = (id: string, status: 'FAIL' | 'PASS' | 'ERROR' | 'MUTED', extra = {}) =>
  result({ resourceId: id, status, evidence: `${id} ${status}`, ...extra });
const ids = (list: { resourceId: string }[]) => list.map((r) => r.resourceId);

describe('diffFindings', () => {
  it('reports new failures and resolved ones, not failures that persist', () => {
    const before = scanReport([sg('sg-a', 'FAIL'), sg('sg-b', 'PASS'), sg('sg-c', 'FAIL')]);
    const now = scanReport([sg('sg-a', 'PASS'), sg('sg-b', 'FAIL'), sg('sg-c', 'FAIL'), sg('sg-new', 'FAIL')]);
    const diff = diffFindings(now, before);
    expect(ids(diff.new)).toEqual(['sg-b', 'sg-new']);
    expect(ids(diff.resolved)).toEqual(['sg-a']);
    expect(diff.resolved[0]?.status).toBe('PASS');
    expect(diff.firstSeen).toEqual([]);
  });

  it('orders new findings most severe first', () => {
    const before = scanReport([sg('sg-a', 'PASS')]);
    const now = scanReport([
      sg('sg-low', 'FAIL', { severity: 'low' }),
      sg('sg-crit', 'FAIL', { severity: 'critical' }),
      sg('sg-a', 'PASS'),
    ]);
    expect(ids(diffFindings(now, before).new)).toEqual(['sg-crit', 'sg-low']);
  });

  it('never resolves a finding that is ERROR now, for the resource or its whole region', () => {
    const before = scanReport([sg('sg-a', 'FAIL'), sg('sg-b', 'FAIL', { region: 'eu-west-1' })], {
      regions: ['eu-west-1', 'us-east-1'],
    });
    const now = scanReport(
      [
        sg('sg-a', 'ERROR'),
        result({ status: 'ERROR', region: 'eu-west-1', resourceType: 'region', resourceId: 'eu-west-1', evidence: 'AccessDenied' }),
      ],
      {
        regions: ['eu-west-1', 'us-east-1'],
        errors: [{ accountId: ACCOUNT, region: 'eu-west-1', checkIds: ['ec2.sg-open-ssh'], reason: 'AccessDenied' }],
      },
    );
    const diff = diffFindings(now, before);
    expect(diff.resolved).toEqual([]);
    expect(diff.gone).toEqual([]);
    expect(ids(diff.unknown).sort()).toEqual(['sg-a', 'sg-b']);
  });

  it('does not resolve findings of a region this scan did not cover (renamed or removed regions)', () => {
    const before = scanReport([sg('sg-a', 'FAIL', { region: 'eu-west-1' }), sg('sg-b', 'FAIL')], {
      regions: ['eu-west-1', 'us-east-1'],
    });
    const now = scanReport([sg('sg-b', 'FAIL')], { regions: ['us-east-1'] });
    const diff = diffFindings(now, before);
    expect(diff.resolved).toEqual([]);
    expect(diff.gone).toEqual([]);
    expect(ids(diff.outOfScope)).toEqual(['sg-a']);
  });

  it('lists failures in a newly scanned region as first seen, not new', () => {
    const before = scanReport([sg('sg-a', 'PASS')], { regions: ['us-east-1'] });
    const now = scanReport([sg('sg-a', 'PASS'), sg('sg-x', 'FAIL', { region: 'ap-northeast-1' })], {
      regions: ['ap-northeast-1', 'us-east-1'],
    });
    const diff = diffFindings(now, before);
    expect(diff.new).toEqual([]);
    expect(ids(diff.firstSeen)).toEqual(['sg-x']);
  });

  it('lists the findings of a check added since the last scan as first seen, not new', () => {
    const before = scanReport([sg('sg-a', 'FAIL')]);
    const now = scanReport([
      sg('sg-a', 'FAIL'),
      result({ checkId: 'ec2.imdsv2', resourceId: 'i-1', status: 'FAIL' }),
      result({ checkId: 'ec2.imdsv2', resourceId: 'i-2', status: 'PASS' }),
    ]);
    const diff = diffFindings(now, before);
    expect(diff.new).toEqual([]);
    expect(diff.firstSeen.map((r) => r.checkId)).toEqual(['ec2.imdsv2']);
  });

  it('counts a resource created since the last scan, in an evaluated place, as new', () => {
    const before = scanReport([sg('sg-a', 'PASS')]);
    const now = scanReport([sg('sg-a', 'PASS'), sg('sg-created', 'FAIL')]);
    expect(ids(diffFindings(now, before).new)).toEqual(['sg-created']);
  });

  it('treats a failure that was unknown (ERROR) last time as first seen', () => {
    const before = scanReport(
      [result({ status: 'ERROR', resourceType: 'region', resourceId: 'us-east-1', evidence: 'AccessDenied' })],
      { errors: [{ accountId: ACCOUNT, region: 'us-east-1', checkIds: ['ec2.sg-open-ssh'], reason: 'AccessDenied' }] },
    );
    const now = scanReport([sg('sg-a', 'FAIL')]);
    const diff = diffFindings(now, before);
    expect(diff.new).toEqual([]);
    expect(ids(diff.firstSeen)).toEqual(['sg-a']);
  });

  it('says a failing resource that disappeared from a cleanly scanned place is gone, not resolved', () => {
    const before = scanReport([sg('sg-a', 'FAIL'), sg('sg-b', 'PASS')]);
    const now = scanReport([sg('sg-b', 'PASS')]);
    const diff = diffFindings(now, before);
    expect(diff.resolved).toEqual([]);
    expect(ids(diff.gone)).toEqual(['sg-a']);
  });

  it('treats an expired accepted risk as new, and a newly accepted one as neither', () => {
    const before = scanReport([sg('sg-a', 'MUTED'), sg('sg-b', 'FAIL')]);
    const now = scanReport([sg('sg-a', 'FAIL'), sg('sg-b', 'MUTED')]);
    const diff = diffFindings(now, before);
    expect(ids(diff.new)).toEqual(['sg-a']);
    expect(diff.resolved).toEqual([]);
  });

  it('matches findings by sub-resource', () => {
    const before = scanReport([sg('sg-a', 'FAIL', { subResourceId: 'sgr-1' })]);
    const now = scanReport([sg('sg-a', 'PASS', { subResourceId: 'sgr-1' }), sg('sg-a', 'FAIL', { subResourceId: 'sgr-2' })]);
    const diff = diffFindings(now, before);
    expect(diff.resolved.map((r) => r.subResourceId)).toEqual(['sgr-1']);
    expect(diff.new.map((r) => r.subResourceId)).toEqual(['sgr-2']);
  });

  it('without a baseline, lists every failure as first seen', () => {
    const diff = diffFindings(scanReport([sg('sg-a', 'FAIL'), sg('sg-b', 'PASS')]), undefined);
    expect(ids(diff.firstSeen)).toEqual(['sg-a']);
    expect(diff.new).toEqual([]);
  });

  it('treats an account that could not be reached as unknown for all its earlier failures', () => {
    const before = scanReport([sg('sg-a', 'FAIL'), result({ checkId: 'iam.root-mfa', region: 'global', resourceId: ACCOUNT })]);
    const now = scanReport(
      [result({ status: 'ERROR', region: 'global', resourceType: 'account', resourceId: ACCOUNT, evidence: 'Cannot access' })],
      { errors: [{ accountId: ACCOUNT, reason: 'Cannot access account prod' }] },
    );
    const diff = diffFindings(now, before);
    expect(diff.resolved).toEqual([]);
    expect(diff.gone).toEqual([]);
    expect(diff.unknown.map((r) => r.checkId).sort()).toEqual(['ec2.sg-open-ssh', 'iam.root-mfa']);
  });
});
