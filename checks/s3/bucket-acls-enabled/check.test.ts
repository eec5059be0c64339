import { describe, expect, it } from 'vitest';
import { bucketAclsEnabled } from './check.ts';
import { evaluate } from '../../../test/helpers/evaluate.ts';
import { bucket, failed, ok } from '../../../test/checks/s3/fixtures.ts';

describe('s3.bucket-acls-enabled', () => {
  it('passes BucketOwnerEnforced and fails anything that leaves ACLs in play', () => {
    const results = evaluate(bucketAclsEnabled, [
      [
        ok(bucket('modern'), { objectOwnership: 'BucketOwnerEnforced' }),
        ok(bucket('preferred'), { objectOwnership: 'BucketOwnerPreferred' }),
        ok(bucket('old'), { objectOwnership: null }),
        failed(bucket('locked')),
      ],
    ]);
    expect(results.map((r) => r.status)).toEqual(['PASS', 'FAIL', 'FAIL', 'ERROR']);
    expect(results[1]?.evidence).toBe('Bucket preferred has object ownership BucketOwnerPreferred, so ACLs are still in effect');
    expect(results[2]?.evidence).toBe('Bucket old has no object ownership setting, so ACLs are in effect (ObjectWriter)');
  });
});
