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
          ? { en: `Bucket ${name} has versioning enabled`, ja: `バケット ${name} のバージョニングは有効です` }
          : v.status === 'Suspended'
            ? { en: `Bucket ${name} has versioning suspended`, ja: `バケット ${name} のバージョニングは停止されています` }
            : { en: `Bucket ${name} has never had versioning enabled`, ja: `バケット ${name} ではバージョニングが一度も有効化されていません` };
      return {
        status: v.status === 'Enabled' ? 'PASS' : 'FAIL',
        evidence: ctx.text(evidence),
        details: { versioning: v.status, mfaDelete: v.mfaDelete },
      };
    });
  },
});
