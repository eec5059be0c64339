import { type EbsSnapshot, snapshots } from '../../../src/collectors/ec2/snapshots.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import type { ResultDraft } from '../../../src/engine/types.ts';
import { regionalArn } from '../lib/arn.ts';

function snapshotLabel(s: EbsSnapshot): string {
  const notes = [s.name, s.volumeId, s.volumeSizeGiB !== undefined ? `${s.volumeSizeGiB} GiB` : undefined].filter(Boolean);
  return notes.length > 0 ? `${s.snapshotId} (${notes.join(', ')})` : s.snapshotId;
}

export const ebsSnapshotPublic = defineCheck({
  id: 'ec2.ebs-snapshot-public',
  service: 'ec2',
  severity: 'critical',
  cis: [],
  securityHub: ['EC2.1'],
  scope: 'regional',
  needs: [snapshots],
  title: {
    en: 'EBS snapshots are not public',
    ja: 'EBS スナップショットがパブリックになっていない',
  },
  why: {
    en: 'Anyone with an AWS account can create a volume from a public snapshot and read the whole disk: databases, configuration files, keys and passwords left on it. Researchers and attackers routinely search public snapshots for exactly that.',
    ja: 'パブリックなスナップショットからは、AWS アカウントを持つ誰もがボリュームを作成し、ディスクの中身 (データベース、設定ファイル、残されたキーやパスワード) をすべて読めます。研究者も攻撃者も、まさにそれを目的にパブリックスナップショットを日常的に探しています。',
  },
  guide: {
    en: '1. Open the EC2 console → Snapshots in the region named in the finding, and select the snapshot.\n2. Choose Actions → Snapshot settings → Modify permissions.\n3. Select Private, add only the account ids that really need it, and save.\n4. Turn on Block public access for snapshots (EC2 Dashboard → Data protection and security) so it cannot happen again.\nCLI: `aws ec2 modify-snapshot-attribute --snapshot-id snap-… --attribute createVolumePermission --operation-type remove --group-names all`',
    ja: '1. 検出されたリージョンで EC2 コンソールの「スナップショット」を開き、対象のスナップショットを選択します。\n2.「アクション」→「スナップショットの設定」→「許可を変更」を選びます。\n3.「プライベート」を選び、本当に必要なアカウント ID だけを追加して保存します。\n4. 再発を防ぐため、「スナップショットのパブリックアクセスをブロック」を有効にします (EC2 ダッシュボード →「データ保護とセキュリティ」)。\nCLI: `aws ec2 modify-snapshot-attribute --snapshot-id snap-… --attribute createVolumePermission --operation-type remove --group-names all`',
  },
  evaluate([owned], ctx) {
    return owned.map(
      (s): ResultDraft => ({
        status: s.public ? 'FAIL' : 'PASS',
        region: ctx.region,
        resourceType: 'AWS::EC2::Snapshot',
        resourceId: s.snapshotId,
        resourceArn: regionalArn(ctx, 'ec2', `snapshot/${s.snapshotId}`),
        evidence: s.public
          ? ctx.text({
              en: `${snapshotLabel(s)} is public: any AWS account can create a volume from it`,
              ja: `${snapshotLabel(s)} はパブリックです: どの AWS アカウントからでもボリュームを作成できます`,
            })
          : ctx.text({ en: `${snapshotLabel(s)} is not public`, ja: `${snapshotLabel(s)} はパブリックではありません` }),
        details: {
          snapshotId: s.snapshotId,
          name: s.name,
          volumeId: s.volumeId,
          volumeSizeGiB: s.volumeSizeGiB,
          encrypted: s.encrypted,
          description: s.description,
          startTime: s.startTime,
          public: s.public,
        },
      }),
    );
  },
});
