import { bucketOwnership } from '../../../src/collectors/s3/bucket-ownership.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import { judgeBuckets } from '../lib/bucket-results.ts';
import { checkTexts } from '../../lib/words.ts';
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

export const bucketAclsEnabled = defineCheck({
  id: 's3.bucket-acls-enabled',
  service: 's3',
  severity: 'low',
  cis: [],
  securityHub: ['S3.12'],
  scope: 'global',
  needs: [bucketOwnership],
  ...checkTexts(en, ja),
  evaluate([outcomes], ctx) {
    return judgeBuckets(outcomes, ctx, (bucket, ownership) => {
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
    });
  },
});
