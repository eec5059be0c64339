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
        ? { en: `Bucket ${name} has MFA delete enabled`, ja: `バケット ${name} の MFA 削除は有効です` }
        : v.status === 'Enabled'
          ? { en: `Bucket ${name} has versioning enabled but MFA delete disabled`, ja: `バケット ${name} はバージョニングが有効ですが、MFA 削除は無効です` }
          : { en: `Bucket ${name} has MFA delete disabled (versioning is not enabled either)`, ja: `バケット ${name} の MFA 削除は無効です (バージョニングも有効になっていません)` };
      return {
        status: v.mfaDelete ? 'PASS' : 'FAIL',
        evidence: ctx.text(evidence),
        details: { versioning: v.status, mfaDelete: v.mfaDelete },
      };
    });
  },
});
