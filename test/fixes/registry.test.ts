import { describe, expect, it } from 'vitest';
import { ALL_FIXES, findFix, fixForCheck, fixForFinding } from '../../checks/fixes.ts';
import { ALL_CHECKS, findCheck } from '../../checks/index.ts';
import { isReadOnlyAction } from '../../src/policy/read-only.ts';
import { finding } from './helpers.ts';

/** The checks that have a fix in the CHECKS.md "fix → undo" column. */
const CATALOGUE_FIXES = [
  'iam.access-key-rotation',
  'iam.unused-credentials',
  'iam.initial-access-key',
  'iam.password-policy',
  's3.account-public-access-block',
  's3.bucket-public-access-block',
  's3.bucket-public',
  's3.bucket-ssl-only',
  's3.bucket-versioning',
  'ec2.sg-admin-port-ipv4',
  'ec2.sg-admin-port-ipv6',
  'ec2.sg-all-ports-open',
  'ec2.sg-insecure-service-open',
  'ec2.sg-default-not-restricted',
  'ec2.imdsv2-not-required',
  'ec2.ebs-default-encryption',
  'ec2.ebs-snapshot-public',
  'ssm.document-public',
];

describe('the fix registry', () => {
  it('serves exactly the checks of the catalogue that name a fix, each by one fix', () => {
    const served = ALL_FIXES.flatMap((fix) => fix.checkIds);
    expect([...served].sort()).toEqual([...CATALOGUE_FIXES].sort());
    for (const checkId of CATALOGUE_FIXES) {
      expect(fixForCheck(checkId), checkId).toBeDefined();
      expect(findCheck(checkId), `${checkId} is not a registered check`).toBeDefined();
    }
    expect(fixForCheck('iam.root-mfa')).toBeUndefined();
  });

  it('agrees with the checks: each fix serves exactly the checks that name it', () => {
    for (const fix of ALL_FIXES) {
      const naming = ALL_CHECKS.filter((check) => check.fix === fix.id).map((check) => check.id);
      expect([...naming].sort(), fix.id).toEqual([...fix.checkIds].sort());
    }
    for (const check of ALL_CHECKS) if (check.fix !== undefined) expect(findFix(check.fix), check.id).toBeDefined();
  });

  it('has unique ids, titles in English and Japanese, and reads declared as reads, writes as writes', () => {
    expect(new Set(ALL_FIXES.map((f) => f.id)).size).toBe(ALL_FIXES.length);
    for (const fix of ALL_FIXES) {
      expect(findFix(fix.id)).toBe(fix);
      expect(fix.title.en.length, fix.id).toBeGreaterThan(0);
      expect(fix.title.ja.length, fix.id).toBeGreaterThan(0);
      expect(fix.actions.write.length, fix.id).toBeGreaterThan(0);
      for (const action of fix.actions.read) expect(isReadOnlyAction(action), `${fix.id} ${action}`).toBe(true);
      for (const action of fix.actions.write) expect(isReadOnlyAction(action), `${fix.id} ${action}`).toBe(false);
    }
  });

  it('offers a fix only for a failing (or muted) finding it can handle', () => {
    const base = { checkId: 'ec2.ebs-snapshot-public', resourceId: 'snap-0abc' } as const;
    expect(fixForFinding(finding(base))?.id).toBe('ec2.make-snapshot-private');
    expect(fixForFinding(finding({ ...base, status: 'MUTED' }))?.id).toBe('ec2.make-snapshot-private');
    expect(fixForFinding(finding({ ...base, status: 'PASS' }))).toBeUndefined();
    expect(fixForFinding(finding({ ...base, status: 'ERROR' }))).toBeUndefined();
    expect(fixForFinding(finding({ ...base, resourceId: 'not-a-snapshot' }))).toBeUndefined();
  });
});
