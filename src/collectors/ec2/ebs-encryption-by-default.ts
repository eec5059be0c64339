// GetEbsEncryptionByDefault: whether new EBS volumes in the region are encrypted without anyone asking.
import { EC2Client, GetEbsEncryptionByDefaultCommand } from '@aws-sdk/client-ec2';
import { defineCollector } from '../../engine/define.ts';
import { sendOptions } from '../sdk.ts';

export interface EbsEncryptionByDefault {
  enabled: boolean;
}

export const ebsEncryptionByDefault = defineCollector<EbsEncryptionByDefault>({
  id: 'ec2.ebs-encryption-by-default',
  scope: 'regional',
  actions: ['ec2:GetEbsEncryptionByDefault'],
  async collect(ctx) {
    const answer = await ctx.session
      .client(EC2Client, ctx.region)
      .send(new GetEbsEncryptionByDefaultCommand({}), sendOptions(ctx));
    if (answer.EbsEncryptionByDefault === undefined) throw new Error('GetEbsEncryptionByDefault answered without EbsEncryptionByDefault');
    return { enabled: answer.EbsEncryptionByDefault };
  },
});
