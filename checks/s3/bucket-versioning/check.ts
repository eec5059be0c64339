import { bucketVersioning as versioning } from '../../../src/collectors/s3/bucket-versioning.ts';
import { defineBucketCheck } from '../lib/bucket-results.ts';
import { checkFolder } from '../../lib/folder.ts';
import meta from './meta.json' with { type: 'json' };
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

export const bucketVersioning = defineBucketCheck({
  ...checkFolder(meta, en, ja),
  reads: versioning,
  judge: (bucket, v, ctx) => {
    const name = bucket.name;
    const evidence =
      v.status === 'Enabled'
        ? ctx.say('enabled', { bucket: name })
        : v.status === 'Suspended'
          ? ctx.say('suspended', { bucket: name })
          : ctx.say('never', { bucket: name });
    return {
      status: v.status === 'Enabled' ? 'PASS' : 'FAIL',
      evidence,
      details: { versioning: v.status, mfaDelete: v.mfaDelete },
    };
  },
});
