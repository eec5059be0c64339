import { bucketLogging } from '../../../src/collectors/s3/bucket-logging.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import { judgeBuckets } from '../lib/bucket-results.ts';

export const bucketAccessLogging = defineCheck({
  id: 's3.bucket-access-logging',
  service: 's3',
  severity: 'low',
  cis: [],
  securityHub: ['S3.9'],
  scope: 'global',
  needs: [bucketLogging],
  title: {
    en: 'Server access logging is enabled on the bucket',
    ja: 'バケットでサーバーアクセスログ記録が有効になっている',
  },
  why: {
    en: 'Server access logs record each request to the bucket (who, what, when, from where), which you need to investigate a leak or misuse after the fact. For sensitive buckets, CloudTrail data events for S3 give a searchable, tamper-evident record as well.',
    ja: 'サーバーアクセスログには、バケットへの各リクエスト (誰が、何を、いつ、どこから) が記録され、漏えいや不正利用を後から調査する際に必要になります。機密データを保存するバケットでは、CloudTrail の S3 データイベントも有効にすると、検索しやすく改ざんを検知できる記録が残ります。',
  },
  guide: {
    en: '1. Create or choose a separate bucket for logs in the same region, with Block Public Access on.\n2. Open the Amazon S3 console, choose the bucket, then Properties → Server access logging → Edit.\n3. Select Enable, choose the destination bucket and a prefix, and save.\n4. For sensitive buckets, also record S3 data events in a CloudTrail trail.\nCLI: `aws s3api put-bucket-logging --bucket <BUCKET> --bucket-logging-status \'{"LoggingEnabled":{"TargetBucket":"<LOG_BUCKET>","TargetPrefix":"<BUCKET>/"}}\'`',
    ja: '1. ログ保存用に、同じリージョンでブロックパブリックアクセスを有効にした別のバケットを作成または選択します。\n2. Amazon S3 コンソールでバケットを選び、「プロパティ」→「サーバーアクセスのログ記録」→「編集」を開きます。\n3.「有効にする」を選び、送信先バケットとプレフィックスを指定して保存します。\n4. 機密データを保存するバケットでは、CloudTrail の証跡で S3 データイベントも記録します。\nCLI: `aws s3api put-bucket-logging --bucket <BUCKET> --bucket-logging-status \'{"LoggingEnabled":{"TargetBucket":"<LOG_BUCKET>","TargetPrefix":"<BUCKET>/"}}\'`',
  },
  evaluate([outcomes], ctx) {
    return judgeBuckets(outcomes, ctx, (bucket, logging) => {
      const name = bucket.name;
      if (!logging.enabled) {
        return {
          status: 'FAIL',
          evidence: ctx.text({ en: `Bucket ${name} has no server access logging`, ja: `バケット ${name} のサーバーアクセスログ記録は無効です` }),
          details: { logging: false },
        };
      }
      const target = `${logging.targetBucket ?? ''}/${logging.targetPrefix ?? ''}`;
      return {
        status: 'PASS',
        evidence: ctx.text({
          en: `Bucket ${name} writes server access logs to ${target}`,
          ja: `バケット ${name} のサーバーアクセスログは ${target} に出力されています`,
        }),
        details: { logging: true, targetBucket: logging.targetBucket, targetPrefix: logging.targetPrefix },
      };
    });
  },
});
