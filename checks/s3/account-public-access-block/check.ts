import { accountPublicAccessBlock as accountBpa } from '../../../src/collectors/s3/account-public-access-block.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import { GLOBAL_REGION } from '../../../src/engine/types.ts';
import { settingsOff } from '../lib/bucket-results.ts';

export const accountPublicAccessBlock = defineCheck({
  id: 's3.account-public-access-block',
  service: 's3',
  severity: 'high',
  cis: ['2.1.4'],
  securityHub: ['S3.1'],
  scope: 'global',
  needs: [accountBpa],
  title: {
    en: 'Account-level S3 Block Public Access is fully on',
    ja: 'アカウントレベルの S3 ブロックパブリックアクセスがすべて有効になっている',
  },
  why: {
    en: "Account-level Block Public Access overrides every bucket's policy and ACLs, so one mistaken bucket policy or ACL cannot make data public. Without it, each bucket is only as safe as the last person who edited it.",
    ja: 'アカウントレベルのブロックパブリックアクセスはすべてのバケットのポリシーと ACL より優先されるため、誤ったバケットポリシーや ACL が 1 つあってもデータは公開されません。無効のままだと、各バケットの安全性は最後に設定を変更した人に委ねられます。',
  },
  guide: {
    en: '1. Open the Amazon S3 console and choose Block Public Access settings for this account.\n2. Choose Edit, select Block all public access, save, and type confirm.\n3. If content must be public (a static website), serve it through CloudFront with origin access control instead of a public bucket.\nCLI: `aws s3control put-public-access-block --account-id <ACCOUNT_ID> --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true`',
    ja: '1. Amazon S3 コンソールで「このアカウントのブロックパブリックアクセス設定」を開きます。\n2.「編集」を選び、「パブリックアクセスをすべてブロック」を選択して保存し、確認のため confirm と入力します。\n3. 公開が必要なコンテンツ (静的ウェブサイトなど) は、パブリックなバケットではなく、オリジンアクセスコントロール (OAC) を使った CloudFront 経由で配信します。\nCLI: `aws s3control put-public-access-block --account-id <ACCOUNT_ID> --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true`',
  },
  evaluate([state], ctx) {
    const off = settingsOff(state.config);
    const evidence = !state.configured
      ? ctx.text({
          en: 'Account-level Block Public Access is not configured (all four settings are off)',
          ja: 'アカウントレベルのブロックパブリックアクセスが設定されていません (4 つの設定がすべて無効)',
        })
      : off.length > 0
        ? ctx.text({
            en: `Account-level Block Public Access has ${off.join(', ')} off`,
            ja: `アカウントレベルのブロックパブリックアクセスで ${off.join('、')} が無効です`,
          })
        : ctx.text({
            en: 'All four account-level Block Public Access settings are on',
            ja: 'アカウントレベルのブロックパブリックアクセスの 4 つの設定はすべて有効です',
          });
    return [
      {
        status: off.length === 0 ? 'PASS' : 'FAIL',
        region: GLOBAL_REGION,
        resourceType: 'AWS::::Account',
        resourceId: ctx.accountId,
        evidence,
        details: { configured: state.configured, publicAccessBlock: state.config, settingsOff: off },
      },
    ];
  },
});
