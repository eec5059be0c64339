import { IAMClient, ListVirtualMFADevicesCommand } from '@aws-sdk/client-iam';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { isRootDevice, virtualMfaDevices } from '../../../src/collectors/iam/virtual-mfa-devices.ts';
import { collectContext } from './context.ts';

const iam = mockClient(IAMClient);
afterEach(() => iam.reset());

const user = (Arn: string) => ({ Arn, UserName: 'x', UserId: 'AIDA', Path: '/', CreateDate: new Date() });

describe('virtualMfaDevices collector', () => {
  it('lists assigned devices across pages', async () => {
    iam
      .on(ListVirtualMFADevicesCommand)
      .resolvesOnce({ IsTruncated: true, Marker: 'm2', VirtualMFADevices: [{ SerialNumber: 'arn:aws:iam::123456789012:mfa/alice', User: user('arn:aws:iam::123456789012:user/alice') }] })
      .resolvesOnce({ IsTruncated: false, VirtualMFADevices: [{ SerialNumber: 'arn:aws:iam::123456789012:mfa/root-account-mfa-device', User: user('arn:aws:iam::123456789012:root') }] });
    const devices = await virtualMfaDevices.collect(collectContext());
    expect(devices.map((d) => d.serialNumber)).toEqual(['arn:aws:iam::123456789012:mfa/alice', 'arn:aws:iam::123456789012:mfa/root-account-mfa-device']);
    const calls = iam.commandCalls(ListVirtualMFADevicesCommand);
    expect(calls[0]?.args[0].input).toMatchObject({ AssignmentStatus: 'Assigned' });
    expect(calls[1]?.args[0].input).toMatchObject({ Marker: 'm2' });
  });
});

describe('isRootDevice', () => {
  it('recognises root by the legacy serial or by the assigned user ARN', () => {
    expect(isRootDevice({ serialNumber: 'arn:aws:iam::123456789012:mfa/root-account-mfa-device', userArn: undefined, enabledAt: undefined })).toBe(true);
    expect(isRootDevice({ serialNumber: 'arn:aws:iam::123456789012:mfa/my-phone', userArn: 'arn:aws:iam::123456789012:root', enabledAt: undefined })).toBe(true);
    expect(isRootDevice({ serialNumber: 'arn:aws:iam::123456789012:mfa/alice', userArn: 'arn:aws:iam::123456789012:user/alice', enabledAt: undefined })).toBe(false);
  });
});
