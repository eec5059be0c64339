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
          ? { en: `Bucket ${name} has ACLs disabled (BucketOwnerEnforced)`, ja: `バケット ${name} の ACL は無効です (BucketOwnerEnforced)` }
          : setting === null
            ? { en: `Bucket ${name} has no object ownership setting, so ACLs are in effect (ObjectWriter)`, ja: `バケット ${name} にはオブジェクト所有者の設定がないため、ACL が有効です (ObjectWriter)` }
            : { en: `Bucket ${name} has object ownership ${setting}, so ACLs are still in effect`, ja: `バケット ${name} のオブジェクト所有者は ${setting} のため、ACL がまだ有効です` };
      return {
        status: setting === 'BucketOwnerEnforced' ? 'PASS' : 'FAIL',
        evidence: ctx.text(evidence),
        details: { objectOwnership: setting },
      };
    });
  },
});
