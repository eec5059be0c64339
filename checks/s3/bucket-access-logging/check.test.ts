import { describe, expect, it } from 'vitest';
import { bucketAccessLogging } from './check.ts';
import { evaluate } from '../../../test/helpers/evaluate.ts';
import { bucket, failed, ok } from '../../../test/checks/s3/fixtures.ts';

describe('s3.bucket-access-logging', () => {
  it('passes a bucket that logs, fails one that does not, errors on unreadable', () => {
    const results = evaluate(bucketAccessLogging, [
      [
        ok(bucket('app'), { enabled: true, targetBucket: 'logs', targetPrefix: 'app/' }),
        ok(bucket('quiet'), { enabled: false }),
        failed(bucket('locked')),
      ],
    ]);
    expect(results.map((r) => r.status)).toEqual(['PASS', 'FAIL', 'ERROR']);
    expect(results[0]).toMatchObject({ evidence: 'Bucket app writes server access logs to logs/app/', details: { targetBucket: 'logs' } });
    expect(results[1]?.evidence).toBe('Bucket quiet has no server access logging');
  });

  it('speaks Japanese', () => {
    const [result] = evaluate(bucketAccessLogging, [[ok(bucket('quiet'), { enabled: false })]], { locale: 'ja' });
    expect(result?.evidence).toBe('バケット quiet のサーバーアクセスログ記録は無効です');
  });
});
