import { bucketPublicAccessBlock as bucketBpa } from '../../../src/collectors/s3/bucket-public-access-block.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import { judgeBuckets, settingsOff } from '../lib/bucket-results.ts';

export const bucketPublicAccessBlock = defineCheck({
  id: 's3.bucket-public-access-block',
  service: 's3',
  severity: 'medium',
  cis: ['2.1.4'],
  securityHub: ['S3.8'],
  scope: 'global',
  needs: [bucketBpa],
  title: {
    en: 'Bucket-level S3 Block Public Access is fully on',
    ja: 'バケットレベルの S3 ブロックパブリックアクセスがすべて有効になっている',
  },
  why: {
    en: "Block Public Access on the bucket keeps it private even if someone later adds a public policy or ACL, or the account-level setting is relaxed. It is the bucket's own safety net against a single mistaken change.",
    ja: 'バケットのブロックパブリックアクセスを有効にしておくと、後から誰かがパブリックなポリシーや ACL を追加しても、アカウントレベルの設定が緩められても、バケットは非公開のままです。1 回の誤った変更に対するバケット自身の安全網になります。',
  },
  guide: {
    en: '1. Open the Amazon S3 console, choose the bucket, then the Permissions tab.\n2. Under Block public access (bucket settings), choose Edit.\n3. Select Block all public access, save, and type confirm.\nCLI: `aws s3api put-public-access-block --bucket <BUCKET> --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true`',
    ja: '1. Amazon S3 コンソールでバケットを選び、「アクセス許可」タブを開きます。\n2.「ブロックパブリックアクセス (バケット設定)」で「編集」を選びます。\n3.「パブリックアクセスをすべてブロック」を選択して保存し、確認のため confirm と入力します。\nCLI: `aws s3api put-public-access-block --bucket <BUCKET> --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true`',
  },
  evaluate([outcomes], ctx) {
    return judgeBuckets(outcomes, ctx, (bucket, state) => {
      const off = settingsOff(state.config);
      const evidence = !state.configured
        ? ctx.text({
            en: `Bucket ${bucket.name} has no Block Public Access configuration (all four settings are off)`,
            ja: `バケット ${bucket.name} にブロックパブリックアクセスが設定されていません (4 つの設定がすべて無効)`,
          })
        : off.length > 0
          ? ctx.text({
              en: `Bucket ${bucket.name} has Block Public Access ${off.join(', ')} off`,
              ja: `バケット ${bucket.name} のブロックパブリックアクセスで ${off.join('、')} が無効です`,
            })
          : ctx.text({
              en: `Bucket ${bucket.name} has all four Block Public Access settings on`,
              ja: `バケット ${bucket.name} のブロックパブリックアクセスの 4 つの設定はすべて有効です`,
            });
      return {
        status: off.length === 0 ? 'PASS' : 'FAIL',
        evidence,
        details: { configured: state.configured, publicAccessBlock: state.config, settingsOff: off },
      };
    });
  },
});
