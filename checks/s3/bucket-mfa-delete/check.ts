import { bucketVersioning as versioning } from '../../../src/collectors/s3/bucket-versioning.ts';
import { defineBucketCheck } from '../lib/bucket-results.ts';
import { checkFolder } from '../../lib/folder.ts';
import meta from './meta.json' with { type: 'json' };
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

export const bucketMfaDelete = defineBucketCheck({
  ...checkFolder(meta, en, ja),
  reads: versioning,
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
