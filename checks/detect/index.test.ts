import { describe, expect, it } from 'vitest';
import { detectChecks } from './index.ts';

describe('detectChecks', () => {
  it('lists the detection checks in catalogue order with their controls and severities', () => {
    expect(detectChecks.map((c) => [c.id, c.severity, c.cis, c.securityHub, c.scope])).toEqual([
      ['detect.cloudtrail-multi-region', 'high', ['3.1'], ['CloudTrail.1'], 'regional'],
      ['detect.guardduty-enabled', 'medium', [], ['GuardDuty.1'], 'regional'],
      ['detect.inspector-enabled', 'medium', [], ['Inspector.1'], 'regional'],
      ['detect.access-analyzer', 'low', ['1.20'], ['IAM.28'], 'regional'],
    ]);
  });

  it('has every text in English and Japanese, with a CLI line in each guide', () => {
    for (const check of detectChecks) {
      for (const text of [check.title, check.why, check.guide]) {
        expect(text.en.trim()).not.toBe('');
        // Japanese text, not a copy of the English.
        expect(text.ja).toMatch(/[\u3040-\u30ff]/);
      }
      expect(check.guide.en).toContain('CLI');
      expect(check.guide.ja).toContain('CLI');
    }
  });
});
