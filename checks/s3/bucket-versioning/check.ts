import { bucketVersioning as versioning } from '../../../src/collectors/s3/bucket-versioning.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import { judgeBuckets } from '../lib/bucket-results.ts';

export const bucketVersioning = defineCheck({
  id: 's3.bucket-versioning',
  service: 's3',
  severity: 'low',
  cis: [],
  securityHub: [],
  scope: 'global',
  needs: [versioning],
  title: {
    en: 'Bucket versioning is enabled',
    ja: 'バケットのバージョニングが有効になっている',
  },
  why: {
    en: 'Without versioning, an overwrite or delete (a mistake, a faulty deployment, or ransomware using stolen keys) destroys the only copy of an object. Versioning keeps earlier versions so they can be restored.',
    ja: 'バージョニングが無効だと、上書きや削除 (操作ミス、不具合のあるデプロイ、盗まれたキーを使ったランサムウェアなど) によってオブジェクトの唯一のコピーが失われます。バージョニングを有効にすると以前のバージョンが保持され、復元できます。',
  },
  guide: {
    en: '1. Open the Amazon S3 console, choose the bucket, then the Properties tab.\n2. Under Bucket Versioning, choose Edit, select Enable, and save.\n3. Add a lifecycle rule that expires noncurrent versions after a period you choose, to keep storage costs in check.\nCLI: `aws s3api put-bucket-versioning --bucket <BUCKET> --versioning-configuration Status=Enabled`',
    ja: '1. Amazon S3 コンソールでバケットを選び、「プロパティ」タブを開きます。\n2.「バケットのバージョニング」で「編集」を選び、「有効にする」を選択して保存します。\n3. ストレージコストを抑えるため、一定期間後に最新でないバージョンを削除するライフサイクルルールを追加します。\nCLI: `aws s3api put-bucket-versioning --bucket <BUCKET> --versioning-configuration Status=Enabled`',
  },
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
