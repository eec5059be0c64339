// DescribeVpcs: the VPCs the account owns in the region.
import { EC2Client, paginateDescribeVpcs } from '@aws-sdk/client-ec2';
import { defineCollector } from '../../engine/define.ts';
import { collectPages, regionalPaging, sendOptions } from '../sdk.ts';
import { nameTag, present } from './sdk.ts';

export interface Vpc {
  vpcId: string;
  name?: string;
  isDefault: boolean;
  cidrBlock?: string;
}

export const vpcs = defineCollector<Vpc[]>({
  id: 'ec2.vpcs',
  scope: 'regional',
  actions: ['ec2:DescribeVpcs'],
  async collect(ctx) {
    // A VPC shared into this account is the owner's to log; it is scanned in the owner's account.
    const input = { Filters: [{ Name: 'owner-id', Values: [ctx.accountId] }] };
    const pages = paginateDescribeVpcs(regionalPaging(ctx, EC2Client, 1000), input, sendOptions(ctx));
    return collectPages(
      pages,
      (page) => page.Vpcs,
      (v): Vpc => ({ vpcId: present(v.VpcId, 'a VPC id'), name: nameTag(v.Tags), isDefault: v.IsDefault === true, cidrBlock: v.CidrBlock }),
    );
  },
});
