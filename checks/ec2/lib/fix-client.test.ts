import { describe, expect, it } from 'vitest';
import { finding, fixContext } from '../../../test/fixes/helpers.ts';
import { type Ec2IdKind, GROUP_ID, INSTANCE_ID, requireEc2Id, SNAPSHOT_ID } from './fix-client.ts';

describe('the EC2 id a fix reads from a finding', () => {
  it('comes from details when the check gives it, else from the resource id', () => {
    const ctx = fixContext();
    expect(requireEc2Id(finding({ checkId: 'ec2.x', resourceId: 'arn:aws:ec2:…', details: { snapshotId: 'snap-0abc' } }), SNAPSHOT_ID, ctx)).toBe('snap-0abc');
    expect(requireEc2Id(finding({ checkId: 'ec2.x', resourceId: 'i-0abc' }), INSTANCE_ID, ctx)).toBe('i-0abc');
  });

  it('is refused in both languages when the finding names none of its form', () => {
    const unnamed = finding({ checkId: 'ec2.x', resourceId: 'web-1', details: { groupId: 'default' } });
    const refusal = (kind: Ec2IdKind, en: string, ja: string) =>
      expect(() => requireEc2Id(unnamed, kind, fixContext({ locale: 'ja' }))).toThrow(expect.objectContaining({ localized: { en, ja } }));
    refusal(GROUP_ID, 'The finding for web-1 does not name a security group id', 'web-1 の検出結果にセキュリティグループ ID がありません');
    refusal(INSTANCE_ID, 'The finding for web-1 does not name an instance id', 'web-1 の検出結果にインスタンス ID がありません');
    refusal(SNAPSHOT_ID, 'The finding for web-1 does not name a snapshot id', 'web-1 の検出結果にスナップショット ID がありません');
  });
});
