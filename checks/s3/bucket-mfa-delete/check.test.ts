import { describe, expect, it } from 'vitest';
import { bucketMfaDelete } from './check.ts';
import { evaluate } from '../../../test/helpers/evaluate.ts';
import { bucket, failed, ok, versioning } from '../../../test/checks/s3/fixtures.ts';

describe('s3.bucket-mfa-delete', () => {
  it('passes MFA delete, fails without it, errors on unreadable', () => {
    const results = evaluate(bucketMfaDelete, [
      [
        ok(bucket('guarded'), versioning('Enabled', true)),
        ok(bucket('versioned'), versioning('Enabled')),
        ok(bucket('plain'), versioning('Off')),
        failed(bucket('locked')),
      ],
    ]);
    expect(results.map((r) => r.status)).toEqual(['PASS', 'FAIL', 'FAIL', 'ERROR']);
    expect(results[1]?.evidence).toBe('Bucket versioned has versioning enabled but MFA delete disabled');
    expect(results[2]?.evidence).toBe('Bucket plain has MFA delete disabled (versioning is not enabled either)');
    expect(results[0]).toMatchObject({ severity: 'low', details: { versioning: 'Enabled', mfaDelete: true } });
  });
});
