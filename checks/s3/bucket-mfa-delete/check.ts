import { bucketVersioning as versioning } from '../../../src/collectors/s3/bucket-versioning.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import { judgeBuckets } from '../lib/bucket-results.ts';
import { checkTexts } from '../../lib/words.ts';
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

export const bucketMfaDelete = defineCheck({
  id: 's3.bucket-mfa-delete',
  service: 's3',
  severity: 'low',
  cis: ['2.1.2'],
  securityHub: ['S3.20'],
  scope: 'global',
  needs: [versioning],
  ...checkTexts(en, ja),
  evaluate([outcomes], ctx) {
    return judgeBuckets(outcomes, ctx, (bucket, v) => {
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
    });
  },
});
