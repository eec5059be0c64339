import { bucketPolicy } from '../../../src/collectors/s3/bucket-policy.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import { bucketError, judgeBuckets } from '../lib/bucket-results.ts';
import { tlsDenyCoverage } from '../lib/tls-deny.ts';

export const bucketSslOnly = defineCheck({
  id: 's3.bucket-ssl-only',
  service: 's3',
  severity: 'medium',
  cis: ['2.1.1'],
  securityHub: ['S3.5'],
  scope: 'global',
  needs: [bucketPolicy],
  title: {
    en: 'Bucket policy denies requests without TLS',
    ja: 'バケットポリシーで TLS を使わないリクエストを拒否している',
  },
  why: {
    en: 'Unless the bucket policy denies requests where aws:SecureTransport is false, clients can read and write objects over plain HTTP, where data can be intercepted or altered on the way. The bucket policy enforces HTTPS for every caller, including other accounts and misconfigured tools.',
    ja: 'aws:SecureTransport が false のリクエストをバケットポリシーで拒否していないと、クライアントは暗号化されていない HTTP でオブジェクトを読み書きでき、通信経路上でデータを盗聴・改ざんされるおそれがあります。バケットポリシーで拒否すれば、他のアカウントや設定を誤ったツールを含むすべての呼び出し元に HTTPS を強制できます。',
  },
  guide: {
    en: '1. Open the Amazon S3 console, choose the bucket, then Permissions → Bucket policy → Edit.\n2. Add a statement: Effect "Deny", Principal "*", Action "s3:*", Resource both the bucket ARN and the bucket ARN followed by "/*", Condition {"Bool": {"aws:SecureTransport": "false"}}.\n3. Save, and make sure your applications use HTTPS endpoints.\nCLI (after adding the statement to policy.json): `aws s3api put-bucket-policy --bucket <BUCKET> --policy file://policy.json`',
    ja: '1. Amazon S3 コンソールでバケットを選び、「アクセス許可」→「バケットポリシー」→「編集」を開きます。\n2. 次のステートメントを追加します: Effect "Deny"、Principal "*"、Action "s3:*"、Resource にバケットの ARN と、その末尾に "/*" を付けた ARN の両方、Condition {"Bool": {"aws:SecureTransport": "false"}}。\n3. 保存し、アプリケーションが HTTPS エンドポイントを使っていることを確認します。\nCLI (ステートメントを policy.json に追加した後): `aws s3api put-bucket-policy --bucket <BUCKET> --policy file://policy.json`',
  },
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
