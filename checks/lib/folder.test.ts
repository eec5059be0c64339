import { describe, expect, it } from 'vitest';
import { checkFolder } from './folder.ts';
import type { CheckWords } from './words.ts';

const words = (title: string): CheckWords => ({ title, why: 'Why.', steps: '1. Steps.', cli: '`aws iam get-account-summary`' });
const en = words('Root MFA');
const ja = words('ルートの MFA');
const meta = { id: 'iam.root-mfa', severity: 'critical', cis: ['1.5'], securityHub: ['IAM.9'], scope: 'global' };

describe('checkFolder', () => {
  it('declares the check from its meta.json and words, its service from its id', () => {
    const folder = checkFolder(meta, en, ja);
    expect(folder).toMatchObject({ ...meta, service: 'iam', title: { en: 'Root MFA', ja: 'ルートの MFA' } });
    expect(folder.guide.en).toBe('1. Steps.\n`aws iam get-account-summary`');
    expect('fix' in folder).toBe(false);
    expect(checkFolder({ ...meta, fix: 'iam.deactivate-access-key' }, en, ja).fix).toBe('iam.deactivate-access-key');
  });

  it('rejects a severity outside the scale, naming the check', () => {
    expect(() => checkFolder({ ...meta, severity: 'urgent' }, en, ja)).toThrow(/meta\.json of check iam\.root-mfa is invalid[\s\S]*severity/);
  });

  it.each([
    ['no service', 'root-mfa'],
    ['an unknown service', 'rds.public-snapshot'],
    ['a name not in kebab case', 'iam.Root_MFA'],
  ])('rejects an id with %s', (_case, id) => {
    expect(() => checkFolder({ ...meta, id }, en, ja)).toThrow(new RegExp(`meta\\.json of check ${id.replace('.', '\\.')} is invalid[\\s\\S]*id`));
  });

  it('rejects a misspelt or missing field, and control ids that are not strings', () => {
    expect(() => checkFolder({ ...meta, securityhub: ['IAM.9'] }, en, ja)).toThrow(/securityhub/);
    const { scope: _scope, ...unscoped } = meta;
    expect(() => checkFolder(unscoped, en, ja)).toThrow(/scope/);
    expect(() => checkFolder({ ...meta, cis: [1.5] }, en, ja)).toThrow(/cis/);
    expect(() => checkFolder(null, en, ja)).toThrow(/meta\.json of check \(no id\) is invalid/);
  });
});
