import { bucketOwnership } from '../../../src/collectors/s3/bucket-ownership.ts';
import { defineBucketCheck } from '../lib/bucket-results.ts';
import { checkFolder } from '../../lib/folder.ts';
import meta from './meta.json' with { type: 'json' };
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

export const bucketAclsEnabled = defineBucketCheck({
  ...checkFolder(meta, en, ja),
  reads: bucketOwnership,
  judge: (bucket, ownership, ctx) => {
    const name = bucket.name;
    const setting = ownership.objectOwnership;
    const evidence =
      setting === 'BucketOwnerEnforced'
        ? ctx.say('enforced', { bucket: name })
        : setting === null
          ? ctx.say('noSetting', { bucket: name })
          : ctx.say('setting', { bucket: name, setting });
    return {
      status: setting === 'BucketOwnerEnforced' ? 'PASS' : 'FAIL',
      evidence,
      details: { objectOwnership: setting },
    };
  },
});
