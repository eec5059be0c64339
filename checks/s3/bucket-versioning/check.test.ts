import { describe, expect, it } from 'vitest';
import { bucketVersioning } from './check.ts';
import { evaluate } from '../../../test/helpers/evaluate.ts';
import { bucket, failed, ok, versioning } from '../../../test/checks/s3/fixtures.ts';

describe('s3.bucket-versioning', () => {
  it('passes enabled, fails suspended and never enabled, errors on unreadable', () => {
    const results = evaluate(bucketVersioning, [
      [
        ok(bucket('on'), versioning('Enabled')),
        ok(bucket('paused'), versioning('Suspended')),
        ok(bucket('never', 'eu-west-1'), versioning('Off')),
        failed(bucket('locked')),
      ],
    ]);
    expect(results.map((r) => r.status)).toEqual(['PASS', 'FAIL', 'FAIL', 'ERROR']);
    expect(results[1]?.evidence).toBe('Bucket paused has versioning suspended');
    expect(results[2]).toMatchObject({ region: 'eu-west-1', evidence: 'Bucket never has never had versioning enabled', details: { versioning: 'Off' } });
  });

  it('speaks Japanese', () => {
    const [result] = evaluate(bucketVersioning, [[ok(bucket('paused'), versioning('Suspended'))]], { locale: 'ja' });
    expect(result?.evidence).toBe('バケット paused のバージョニングは停止されています');
  });
});
