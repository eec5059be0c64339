import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { configProblems, dirWith } from '../helpers/config.ts';

describe('loadConfig', () => {
  it('gives the documented defaults with no file and no variables', () => {
    const { settings, file } = loadConfig({}, dirWith());
    expect(file).toBeUndefined();
    expect(settings).toMatchObject({
      accounts: [],
      regions: 'all',
      locale: 'en',
      concurrency: 16,
      thresholds: { accessKeyMaxAgeDays: 90, unusedCredentialDays: 45, rootUseDays: 30 },
    });
  });

  it('reads awscheck.yml and lets AWSCHECK_* variables override it', () => {
    const dir = dirWith(
      [
        'accounts:',
        '  - id: "123456789012"',
        '    name: prod',
        '    roleArn: arn:aws:iam::123456789012:role/awscheck-read',
        '    externalId: secret-ext',
        'regions: [eu-west-1]',
        'thresholds:',
        '  accessKeyMaxAgeDays: 60',
        'locale: ja',
      ].join('\n'),
    );
    const { settings } = loadConfig({ AWSCHECK_REGIONS: 'us-east-1, ap-northeast-1', AWSCHECK_CONCURRENCY: '4' }, dir);
    expect(settings.accounts).toEqual([
      { id: '123456789012', name: 'prod', roleArn: 'arn:aws:iam::123456789012:role/awscheck-read', externalId: 'secret-ext' },
    ]);
    expect(settings.regions).toEqual(['us-east-1', 'ap-northeast-1']);
    expect(settings.thresholds).toEqual({ accessKeyMaxAgeDays: 60, unusedCredentialDays: 45, rootUseDays: 30 });
    expect(settings.locale).toBe('ja');
    expect(settings.concurrency).toBe(4);
  });

  it('reads the file named by AWSCHECK_CONFIG and fails clearly when it is missing', () => {
    const dir = dirWith();
    writeFileSync(join(dir, 'other.yml'), 'locale: ja\n');
    expect(loadConfig({ AWSCHECK_CONFIG: 'other.yml' }, dir).settings.locale).toBe('ja');
    expect(configProblems(() => loadConfig({ AWSCHECK_CONFIG: 'nope.yml' }, dir))[0]).toMatch(/AWSCHECK_CONFIG: got "nope.yml"; no such file/);
  });

  it('rejects an unknown key, naming it, so a typo never switches a check off silently', () => {
    const found = configProblems(() => loadConfig({}, dirWith('thresholds:\n  acessKeyMaxAgeDays: 30\n')));
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('"thresholds.acessKeyMaxAgeDays"');
    expect(found[0]).toContain('unknown key');
  });

  it('names the key, the bad value and the expected form, for every problem at once', () => {
    const found = configProblems(() =>
      loadConfig(
        { AWSCHECK_LOCALE: 'fr', AWSCHECK_REGIONS: 'us-east-1,mars-north-1', AWSCHECK_CONCURRENCY: 'lots' },
        dirWith('accounts:\n  - id: 1234\n    name: prod\nthresholds:\n  rootUseDays: -3\n'),
      ),
    );
    const text = found.join('\n');
    expect(text).toMatch(/AWSCHECK_LOCALE locale: got "fr"; expected en or ja/);
    expect(text).toMatch(/AWSCHECK_REGIONS regions\.1: got "mars-north-1"; expected an AWS region name/);
    expect(text).toMatch(/AWSCHECK_CONCURRENCY concurrency: got "lots"; expected a whole number/);
    expect(text).toMatch(/awscheck\.yml accounts\.0\.id: got 1234; expected a 12-digit AWS account id/);
    expect(text).toMatch(/awscheck\.yml thresholds\.rootUseDays: got -3; expected the root-use window as a whole number of days/);
  });

  it('reports broken YAML with its line', () => {
    expect(configProblems(() => loadConfig({}, dirWith('accounts: [\n')))[0]).toMatch(/not valid YAML/);
  });
});
