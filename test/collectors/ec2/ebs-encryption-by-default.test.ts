import { EC2Client, GetEbsEncryptionByDefaultCommand } from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { ebsEncryptionByDefault } from '../../../src/collectors/ec2/ebs-encryption-by-default.ts';
import { fileContext } from './context.ts';

const ec2 = mockClient(EC2Client);
const test = fileContext(ec2);

describe('ebsEncryptionByDefault collector', () => {
  it('reads the region setting, and fails on an answer without it', async () => {
    ec2.on(GetEbsEncryptionByDefaultCommand).resolvesOnce({ EbsEncryptionByDefault: true }).resolvesOnce({});
    await expect(ebsEncryptionByDefault.collect(test.ctx)).resolves.toEqual({ enabled: true });
    await expect(ebsEncryptionByDefault.collect(test.ctx)).rejects.toThrow('without EbsEncryptionByDefault');
  });
});
