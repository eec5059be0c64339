import { DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, describe, expect, it } from 'vitest';
import { servePages } from './serve-pages.ts';

const ec2 = mockClient(EC2Client);
const client = new EC2Client({ region: 'ap-northeast-1', credentials: { accessKeyId: 'AKIA', secretAccessKey: 'secret' } });
afterAll(() => client.destroy());

describe('servePages', () => {
  it('hands out a token with every page but the last, answers it with the next page, and keeps what was sent', async () => {
    const sent = servePages(ec2, DescribeVpcsCommand, [{ Vpcs: [{ VpcId: 'vpc-1' }] }, { Vpcs: [{ VpcId: 'vpc-2' }] }]);
    const first = await client.send(new DescribeVpcsCommand({ MaxResults: 5 }));
    expect(first).toEqual({ Vpcs: [{ VpcId: 'vpc-1' }], NextToken: 'page-2' });
    expect(await client.send(new DescribeVpcsCommand({ MaxResults: 5, NextToken: first.NextToken }))).toEqual({ Vpcs: [{ VpcId: 'vpc-2' }] });
    expect(sent).toEqual([{ MaxResults: 5 }, { MaxResults: 5, NextToken: 'page-2' }]);
  });

  it('fails a token it did not hand out, as AWS does', async () => {
    servePages(ec2, DescribeVpcsCommand, [{ Vpcs: [] }, { Vpcs: [] }]);
    await expect(async () => client.send(new DescribeVpcsCommand({ NextToken: 'page-3' }))).rejects.toMatchObject({ name: 'InvalidNextToken' });
  });

  it("says IAM's IsTruncated on every page", async () => {
    servePages(ec2, DescribeVpcsCommand, [{ Vpcs: [] }, { Vpcs: [] }], { truncated: 'IsTruncated' });
    expect(await client.send(new DescribeVpcsCommand({}))).toMatchObject({ IsTruncated: true });
    expect(await client.send(new DescribeVpcsCommand({ NextToken: 'page-2' }))).toMatchObject({ IsTruncated: false });
  });
});
