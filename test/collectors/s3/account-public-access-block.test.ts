import { GetPublicAccessBlockCommand } from '@aws-sdk/client-s3-control';
import { describe, expect, it } from 'vitest';
import { accountPublicAccessBlock } from '../../../src/collectors/s3/account-public-access-block.ts';
import { ACCOUNT, fileContexts } from './context.ts';

const { s3control, collectContext } = fileContexts();

describe('account Block Public Access', () => {
  it("reads the scanned account's settings", async () => {
    s3control.on(GetPublicAccessBlockCommand, { AccountId: ACCOUNT }).resolves({
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: false },
    });
    const ctx = collectContext();
    expect(await accountPublicAccessBlock.collect(ctx)).toEqual({
      configured: true,
      config: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: false },
    });
  });

  it('treats NoSuchPublicAccessBlockConfiguration as none configured', async () => {
    s3control.on(GetPublicAccessBlockCommand).rejects(Object.assign(new Error('none'), { name: 'NoSuchPublicAccessBlockConfiguration' }));
    const ctx = collectContext();
    expect(await accountPublicAccessBlock.collect(ctx)).toMatchObject({ configured: false, config: { RestrictPublicBuckets: false } });
  });

  it('fails on AccessDenied, so the engine reports ERROR', async () => {
    s3control.on(GetPublicAccessBlockCommand).rejects(Object.assign(new Error('not authorized'), { name: 'AccessDenied' }));
    const ctx = collectContext();
    await expect(accountPublicAccessBlock.collect(ctx)).rejects.toThrow('not authorized');
  });
});
