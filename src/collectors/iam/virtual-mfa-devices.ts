// ListVirtualMFADevices: the assigned virtual (app-based) MFA devices, to tell whether root's MFA is one.
import { paginateListVirtualMFADevices } from '@aws-sdk/client-iam';
import { defineCollector } from '../../engine/define.ts';
import { collectPages, sendOptions } from '../sdk.ts';
import { iamClient } from './client.ts';

export interface VirtualMfaDevice {
  serialNumber: string;
  /** The ARN of the user it is assigned to (`arn:aws:iam::<account>:root` for the root user). */
  userArn: string | undefined;
  enabledAt: Date | undefined;
}

/** Root's virtual device has the legacy serial `…:mfa/root-account-mfa-device` or is assigned to `…:root`. */
export function isRootDevice(device: VirtualMfaDevice): boolean {
  return device.serialNumber.endsWith(':mfa/root-account-mfa-device') || (device.userArn?.endsWith(':root') ?? false);
}

export const virtualMfaDevices = defineCollector<VirtualMfaDevice[]>({
  id: 'iam.virtual-mfa-devices',
  scope: 'global',
  actions: ['iam:ListVirtualMFADevices'],
  async collect(ctx) {
    // Unassigned devices protect nobody; only assigned ones say how a user signs in.
    const pages = paginateListVirtualMFADevices({ client: iamClient(ctx), pageSize: 1000 }, { AssignmentStatus: 'Assigned' }, sendOptions(ctx));
    return collectPages(
      pages,
      (page) => page.VirtualMFADevices,
      (device): VirtualMfaDevice => {
        if (!device.SerialNumber) throw new Error('ListVirtualMFADevices answered a device without SerialNumber');
        return { serialNumber: device.SerialNumber, userArn: device.User?.Arn, enabledAt: device.EnableDate };
      },
    );
  },
});
