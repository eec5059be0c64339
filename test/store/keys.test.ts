import { describe, expect, it } from 'vitest';
import { configurationPart, storeConfig } from '../../src/config/configuration.ts';
import { findingKey } from '../../src/store/finding-key.ts';
import { coversAllChecks, selectionKey } from '../../src/store/selection-key.ts';
import { result } from '../report/fixtures.ts';

describe('findingKey', () => {
  it('ignores status, severity and evidence', () => {
    expect(findingKey(result({ status: 'PASS', severity: 'low', evidence: 'x' }))).toBe(findingKey(result()));
  });

  it('tells apart the sub-resource and parts that contain separators', () => {
    expect(findingKey(result({ subResourceId: 'sgr-1' }))).not.toBe(findingKey(result({ subResourceId: 'sgr-2' })));
    expect(findingKey(result({ resourceId: 'a|b', subResourceId: 'c' }))).not.toBe(
      findingKey(result({ resourceId: 'a', subResourceId: 'b|c' })),
    );
  });
});

describe('selectionKey', () => {
  it('ignores order, duplicates and empty lists', () => {
    expect(selectionKey({ services: ['s3', 'ec2', 's3'], regions: [] })).toBe(selectionKey({ services: ['ec2', 's3'] }));
    expect(selectionKey({})).toBe(selectionKey({ checks: [], accounts: [] }));
    expect(selectionKey({ services: ['s3'] })).not.toBe(selectionKey({}));
    expect(coversAllChecks({ regions: ['us-east-1'] })).toBe(true);
    expect(coversAllChecks({ checks: ['iam.root-mfa'] })).toBe(false);
  });
});

describe('storeConfigFromEnv', () => {
  it('defaults to ./data/awscheck.db and 90 days', () => {
    expect(configurationPart({}, (env) => storeConfig(env, '/srv/app'))).toEqual({ path: '/srv/app/data/awscheck.db', retentionDays: 90 });
    expect(configurationPart({ AWSCHECK_DB: '/var/lib/a.db', AWSCHECK_RETENTION_DAYS: '30' }, (env) => storeConfig(env, '/srv'))).toEqual({
      path: '/var/lib/a.db',
      retentionDays: 30,
    });
  });

  it('names AWSCHECK_RETENTION_DAYS when it is not a number of days', () => {
    expect(() => configurationPart({ AWSCHECK_RETENTION_DAYS: '90d' }, storeConfig)).toThrow(/AWSCHECK_RETENTION_DAYS: got "90d"/);
    expect(() => configurationPart({ AWSCHECK_RETENTION_DAYS: '0' }, storeConfig)).toThrow(/1 to 3650/);
  });
});
