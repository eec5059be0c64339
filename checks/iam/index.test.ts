import { describe, expect, it } from 'vitest';
import { iamChecks } from './index.ts';

// The IAM table of CHECKS.md: id, severity, CIS, Security Hub, in the catalogue's order.
const CATALOGUE: [string, string, string[], string[]][] = [
  ['iam.root-mfa', 'critical', ['1.5'], ['IAM.9']],
  ['iam.root-hardware-mfa', 'medium', ['1.6'], ['IAM.6']],
  ['iam.root-access-keys', 'critical', ['1.4'], ['IAM.4']],
  ['iam.root-recent-use', 'high', ['1.7'], []],
  ['iam.user-console-mfa', 'high', ['1.10'], ['IAM.5']],
  ['iam.access-key-rotation', 'medium', ['1.14'], ['IAM.3']],
  ['iam.unused-credentials', 'medium', ['1.12'], ['IAM.22']],
  ['iam.multiple-active-keys', 'low', ['1.13'], []],
  ['iam.initial-access-key', 'low', ['1.11'], []],
  ['iam.password-policy', 'medium', ['1.8', '1.9'], ['IAM.15', 'IAM.16']],
  ['iam.user-attached-policies', 'low', ['1.15'], ['IAM.2']],
  ['iam.admin-policy-attached', 'high', ['1.16'], ['IAM.1']],
  ['iam.support-role', 'low', ['1.17'], ['IAM.18']],
  ['iam.expired-certificates', 'low', ['1.19'], ['IAM.26']],
  ['iam.long-lived-keys', 'info', [], []],
];

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe('the IAM checks', () => {
  it('match the catalogue: ids in order, severities and control ids', () => {
    expect(iamChecks.map((c) => [c.id, c.severity, c.cis, c.securityHub])).toEqual(CATALOGUE);
  });

  // That each lives in a folder named after its id is checked for every service in ../words.test.ts.
  it('are account-wide', () => {
    for (const check of iamChecks) {
      expect(check.scope).toBe('global');
      expect(check.service).toBe('iam');
    }
  });

  it.each(iamChecks.map((c) => [c.id, c] as const))('%s has its texts in English and Japanese, and a CLI line', (_id, check) => {
    for (const text of [check.title, check.why, check.guide]) {
      expect(text.en.length).toBeGreaterThan(10);
      expect(text.ja).toMatch(JAPANESE);
    }
    expect(check.guide.en).toMatch(/`aws [a-z0-9-]+ [a-z-]+/);
    expect(check.guide.ja).toMatch(/`aws [a-z0-9-]+ [a-z-]+/);
  });

  it('read AWS only through collectors that declare IAM actions', () => {
    for (const check of iamChecks) {
      for (const collector of check.needs) {
        expect(collector.actions.length).toBeGreaterThan(0);
        expect(collector.actions.every((a: string) => a.startsWith('iam:'))).toBe(true);
      }
    }
  });
});
