import { bucketPolicy } from '../../../src/collectors/s3/bucket-policy.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import { bucketError, judgeBuckets } from '../lib/bucket-results.ts';
import { tlsDenyCoverage } from '../lib/tls-deny.ts';
import { checkTexts } from '../../lib/words.ts';
import en from './words.en.json' with { type: 'json' };
import ja from './words.ja.json' with { type: 'json' };

export const bucketSslOnly = defineCheck({
  id: 's3.bucket-ssl-only',
  service: 's3',
  severity: 'medium',
  cis: ['2.1.1'],
  securityHub: ['S3.5'],
  fix: 's3.deny-insecure-transport',
  scope: 'global',
  needs: [bucketPolicy],
  ...checkTexts(en, ja),
  evaluate([outcomes], ctx) {
    return judgeBuckets(outcomes, ctx, (bucket, policy) => {
      const name = bucket.name;
      if (policy === null) {
        return {
          status: 'FAIL',
          evidence: ctx.text({
            en: `Bucket ${name} has no bucket policy, so requests without TLS are not denied`,
            ja: `バケット ${name} にはバケットポリシーがないため、TLS を使わないリクエストが拒否されません`,
          }),
          details: { hasPolicy: false, coversBucket: false, coversObjects: false, statements: [] },
        };
      }
      const coverage = tlsDenyCoverage(policy, bucket.arn);
      if (!coverage.ok) return bucketError(bucket, coverage.error, ctx);
      const { bucket: coversBucket, objects: coversObjects, statements } = coverage.value;
      const details = { hasPolicy: true, coversBucket, coversObjects, statements };
      if (coversBucket && coversObjects) {
        return {
          status: 'PASS',
          evidence: ctx.text({
            en: `The policy of bucket ${name} denies requests without TLS (aws:SecureTransport false) to the bucket and its objects`,
            ja: `バケット ${name} のポリシーは、バケットとオブジェクトへの TLS を使わないリクエスト (aws:SecureTransport が false) を拒否しています`,
          }),
          details,
        };
      }
      const evidence = coversBucket
        ? { en: `The policy of bucket ${name} denies requests without TLS to the bucket but not to its objects`, ja: `バケット ${name} のポリシーは TLS を使わないリクエストをバケットに対しては拒否していますが、オブジェクトに対しては拒否していません` }
        : coversObjects
          ? { en: `The policy of bucket ${name} denies requests without TLS to its objects but not to the bucket itself`, ja: `バケット ${name} のポリシーは TLS を使わないリクエストをオブジェクトに対しては拒否していますが、バケット自体に対しては拒否していません` }
          : { en: `The policy of bucket ${name} has no Deny for everyone on s3:* when aws:SecureTransport is false`, ja: `バケット ${name} のポリシーに、aws:SecureTransport が false のときに全員の s3:* を拒否するステートメントがありません` };
      return { status: 'FAIL', evidence: ctx.text(evidence), details };
    });
  },
});
