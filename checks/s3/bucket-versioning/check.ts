import { bucketVersioning as versioning } from '../../../src/collectors/s3/bucket-versioning.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import { judgeBuckets } from '../lib/bucket-results.ts';
import { checkTexts } from '../../lib/words.ts';
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

export const bucketVersioning = defineCheck({
  id: 's3.bucket-versioning',
  service: 's3',
  severity: 'low',
  cis: [],
  securityHub: [],
  fix: 's3.enable-bucket-versioning',
  scope: 'global',
  needs: [versioning],
  ...checkTexts(en, ja),
  evaluate([outcomes], ctx) {
    return judgeBuckets(outcomes, ctx, (bucket, v) => {
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
    });
  },
});
