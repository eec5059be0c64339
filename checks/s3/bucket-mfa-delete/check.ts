import { bucketVersioning as versioning } from '../../../src/collectors/s3/bucket-versioning.ts';
import { defineBucketCheck } from '../lib/bucket-results.ts';
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

export const bucketMfaDelete = defineBucketCheck({
  id: 's3.bucket-mfa-delete',
  severity: 'low',
  cis: ['2.1.2'],
  securityHub: ['S3.20'],
  reads: versioning,
  words: { en, ja },
  judge: (bucket, v, ctx) => {
    const name = bucket.name;
    const evidence = v.mfaDelete
      ? ctx.say('enabled', { bucket: name })
      : v.status === 'Enabled'
        ? ctx.say('versioningOnly', { bucket: name })
        : ctx.say('disabled', { bucket: name });
    return {
      status: v.mfaDelete ? 'PASS' : 'FAIL',
      evidence,
      details: { versioning: v.status, mfaDelete: v.mfaDelete },
    };
  },
});
