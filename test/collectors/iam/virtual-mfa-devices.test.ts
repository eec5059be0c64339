import { IAMClient, ListVirtualMFADevicesCommand } from '@aws-sdk/client-iam';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { isRootDevice, virtualMfaDevices } from '../../../src/collectors/iam/virtual-mfa-devices.ts';
import { servePages } from '../serve-pages.ts';
import { collectContext } from './context.ts';

const iam = mockClient(IAMClient);
afterEach(() => iam.reset());

const user = (Arn: string) => ({ Arn, UserName: 'x', UserId: 'AIDA', Path: '/', CreateDate: new Date() });

describe('virtualMfaDevices collector', () => {
  it('lists assigned devices across pages', async () => {
    const sent = servePages(
      iam,
      ListVirtualMFADevicesCommand,
      [
        { VirtualMFADevices: [{ SerialNumber: 'arn:aws:iam::123456789012:mfa/alice', User: user('arn:aws:iam::123456789012:user/alice') }] },
        { VirtualMFADevices: [{ SerialNumber: 'arn:aws:iam::123456789012:mfa/root-account-mfa-device', User: user('arn:aws:iam::123456789012:root') }] },
      ],
      { token: 'Marker', truncated: 'IsTruncated' },
    );
    const devices = await virtualMfaDevices.collect(collectContext());
    expect(devices.map((d) => d.serialNumber)).toEqual(['arn:aws:iam::123456789012:mfa/alice', 'arn:aws:iam::123456789012:mfa/root-account-mfa-device']);
    expect(sent).toMatchObject([{ AssignmentStatus: 'Assigned', Marker: undefined }, { AssignmentStatus: 'Assigned', Marker: 'page-2' }]);
  });
});

describe('isRootDevice', () => {
  it('recognises root by the legacy serial or by the assigned user ARN', () => {
    expect(isRootDevice({ serialNumber: 'arn:aws:iam::123456789012:mfa/root-account-mfa-device', userArn: undefined, enabledAt: undefined })).toBe(true);
    expect(isRootDevice({ serialNumber: 'arn:aws:iam::123456789012:mfa/my-phone', userArn: 'arn:aws:iam::123456789012:root', enabledAt: undefined })).toBe(true);
    expect(isRootDevice({ serialNumber: 'arn:aws:iam::123456789012:mfa/alice', userArn: 'arn:aws:iam::123456789012:user/alice', enabledAt: undefined })).toBe(false);
  });
});
