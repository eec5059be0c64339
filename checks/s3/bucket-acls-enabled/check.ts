import { bucketOwnership } from '../../../src/collectors/s3/bucket-ownership.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import { judgeBuckets } from '../lib/bucket-results.ts';

export const bucketAclsEnabled = defineCheck({
  id: 's3.bucket-acls-enabled',
  service: 's3',
  severity: 'low',
  cis: [],
  securityHub: ['S3.12'],
  scope: 'global',
  needs: [bucketOwnership],
  title: {
    en: 'Bucket ACLs are disabled (object ownership BucketOwnerEnforced)',
    ja: 'バケットの ACL が無効になっている (オブジェクト所有者: バケット所有者の強制)',
  },
  why: {
    en: 'While ACLs are enabled, access can be granted per bucket or per object outside the bucket policy, and objects uploaded by other accounts can stay owned by them. With BucketOwnerEnforced the bucket owner owns every object and only policies decide access, which is far easier to review.',
    ja: 'ACL が有効な間は、バケットポリシーとは別にバケット単位やオブジェクト単位でアクセスを許可でき、他のアカウントがアップロードしたオブジェクトはそのアカウントの所有のままになることがあります。「バケット所有者の強制」にすると、すべてのオブジェクトをバケット所有者が所有し、アクセスはポリシーだけで決まるため、確認がはるかに容易になります。',
  },
  guide: {
    en: '1. Check that nothing relies on ACLs to grant access (S3 server access log delivery and old CloudFront logging can); move such grants into the bucket policy first.\n2. Open the Amazon S3 console, choose the bucket, then Permissions → Object Ownership → Edit.\n3. Select ACLs disabled (recommended) and save.\nCLI: `aws s3api put-bucket-ownership-controls --bucket <BUCKET> --ownership-controls \'Rules=[{ObjectOwnership=BucketOwnerEnforced}]\'`',
    ja: '1. アクセスの許可を ACL に頼っている処理がないか確認します (S3 サーバーアクセスログの配信や、従来の CloudFront ログなど)。該当する許可は先にバケットポリシーへ移します。\n2. Amazon S3 コンソールでバケットを選び、「アクセス許可」→「オブジェクト所有者」→「編集」を開きます。\n3.「ACL 無効 (推奨)」を選択して保存します。\nCLI: `aws s3api put-bucket-ownership-controls --bucket <BUCKET> --ownership-controls \'Rules=[{ObjectOwnership=BucketOwnerEnforced}]\'`',
  },
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
