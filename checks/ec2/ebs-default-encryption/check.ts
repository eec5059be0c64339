import { ebsEncryptionByDefault } from '../../../src/collectors/ec2/ebs-encryption-by-default.ts';
import { defineCheck } from '../../../src/engine/define.ts';

export const ebsDefaultEncryption = defineCheck({
  id: 'ec2.ebs-default-encryption',
  service: 'ec2',
  severity: 'medium',
  cis: ['2.2.1'],
  securityHub: ['EC2.7'],
  scope: 'regional',
  needs: [ebsEncryptionByDefault],
  title: {
    en: 'EBS encryption by default is enabled',
    ja: 'EBS のデフォルト暗号化が有効になっている',
  },
  why: {
    en: 'Without it, every new EBS volume and its snapshots are stored unencrypted unless someone remembers to ask for encryption. Unencrypted snapshots can be shared or copied with their data readable, and encryption cannot be switched on for an existing volume later.',
    ja: 'この設定がないと、作成時に暗号化を指定し忘れた EBS ボリュームとそのスナップショットは暗号化されずに保存されます。暗号化されていないスナップショットはデータを読める状態のまま共有やコピーができてしまい、既存のボリュームを後から暗号化に切り替えることもできません。',
  },
  guide: {
    en: '1. Open the EC2 console in the region named in the finding.\n2. On the EC2 Dashboard, under Account attributes, choose Data protection and security.\n3. Under EBS encryption choose Manage, select Enable, and keep the AWS managed key (aws/ebs) or pick your own KMS key.\n4. Repeat for every region you use. Existing volumes stay as they are: copy a snapshot with encryption to migrate them.\nCLI: `aws ec2 enable-ebs-encryption-by-default --region <region>`',
    ja: '1. 検出されたリージョンで EC2 コンソールを開きます。\n2. EC2 ダッシュボードの「アカウントの属性」で「データ保護とセキュリティ」を選びます。\n3.「EBS 暗号化」の「管理」を選び、「有効化」にチェックを入れます。キーは AWS マネージドキー (aws/ebs) のままにするか、独自の KMS キーを選びます。\n4. 使用しているすべてのリージョンで繰り返します。既存のボリュームは変わらないため、暗号化を指定したスナップショットのコピーで移行します。\nCLI: `aws ec2 enable-ebs-encryption-by-default --region <region>`',
  },
  evaluate([setting], ctx) {
    return [
      {
        status: setting.enabled ? 'PASS' : 'FAIL',
        region: ctx.region,
        resourceType: 'AWS::::Account',
        resourceId: ctx.accountId,
        evidence: setting.enabled
          ? ctx.text({ en: `EBS encryption by default is on in ${ctx.region}`, ja: `${ctx.region} では EBS のデフォルト暗号化が有効です` })
          : ctx.text({ en: `EBS encryption by default is off in ${ctx.region}`, ja: `${ctx.region} では EBS のデフォルト暗号化が無効です` }),
        details: { region: ctx.region, enabled: setting.enabled },
      },
    ];
  },
});
