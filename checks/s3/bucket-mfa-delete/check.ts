import { bucketVersioning as versioning } from '../../../src/collectors/s3/bucket-versioning.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import { judgeBuckets } from '../lib/bucket-results.ts';

export const bucketMfaDelete = defineCheck({
  id: 's3.bucket-mfa-delete',
  service: 's3',
  severity: 'low',
  cis: ['2.1.2'],
  securityHub: ['S3.20'],
  scope: 'global',
  needs: [versioning],
  title: {
    en: 'MFA delete is enabled on the bucket',
    ja: 'バケットで MFA 削除が有効になっている',
  },
  why: {
    en: 'MFA delete requires a code from the root user\'s MFA device to permanently delete an object version or to change the versioning state, so stolen access keys alone cannot erase the history. It can only be turned on by the root user, through the API or CLI.',
    ja: 'MFA 削除を有効にすると、オブジェクトのバージョンを完全に削除したりバージョニングの状態を変更したりする際に、ルートユーザーの MFA デバイスのコードが必要になります。そのため、アクセスキーが盗まれただけでは履歴を消去できません。有効にできるのはルートユーザーだけで、API または CLI からのみ設定できます。',
  },
  guide: {
    en: '1. Decide whether the bucket warrants it: every permanent version delete will then need the root user\'s MFA device.\n2. Make sure versioning is enabled on the bucket.\n3. With root user credentials (MFA delete cannot be set in the console or by IAM users), run the CLI line below with the root MFA device ARN and a current code.\n4. Delete any root access key you created for this step afterwards.\nCLI: `aws s3api put-bucket-versioning --bucket <BUCKET> --versioning-configuration Status=Enabled,MFADelete=Enabled --mfa "arn:aws:iam::<ACCOUNT_ID>:mfa/<DEVICE> <CODE>"`',
    ja: '1. 対象のバケットに必要か判断します。有効にすると、バージョンの完全削除のたびにルートユーザーの MFA デバイスが必要になります。\n2. バケットのバージョニングが有効になっていることを確認します。\n3. ルートユーザーの認証情報で (MFA 削除はコンソールや IAM ユーザーからは設定できません)、ルートの MFA デバイスの ARN と現在のコードを指定して下記の CLI を実行します。\n4. この作業のためにルートユーザーのアクセスキーを作成した場合は、終了後に削除します。\nCLI: `aws s3api put-bucket-versioning --bucket <BUCKET> --versioning-configuration Status=Enabled,MFADelete=Enabled --mfa "arn:aws:iam::<ACCOUNT_ID>:mfa/<DEVICE> <CODE>"`',
  },
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
