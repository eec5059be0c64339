// DescribeVpcs: the VPCs the account owns in the region.
import { EC2Client, paginateDescribeVpcs } from '@aws-sdk/client-ec2';
import { defineCollector } from '../../engine/define.ts';
import { nameTag, present, sendOptions } from './sdk.ts';

export interface Vpc {
  vpcId: string;
  name?: string;
  isDefault: boolean;
  cidrBlock?: string;
}

export const vpcs = defineCollector<Vpc[]>({
  id: 'ec2.vpcs',
  service: 'ec2',
  scope: 'regional',
  actions: ['ec2:DescribeVpcs'],
  async collect(ctx) {
    const client = ctx.session.client(EC2Client, ctx.region);
    // A VPC shared into this account is the owner's to log; it is scanned in the owner's account.
    const input = { Filters: [{ Name: 'owner-id', Values: [ctx.accountId] }] };
    const found: Vpc[] = [];
    for await (const page of paginateDescribeVpcs({ client, pageSize: 1000 }, input, sendOptions(ctx))) {
      for (const v of page.Vpcs ?? []) {
        found.push({ vpcId: present(v.VpcId, 'a VPC id'), name: nameTag(v.Tags), isDefault: v.IsDefault === true, cidrBlock: v.CidrBlock });
      }
    }
    return found;
  },
});
