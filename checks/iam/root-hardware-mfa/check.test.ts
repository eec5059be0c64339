import { describe, expect, it } from 'vitest';
import { rootHardwareMfa } from './check.ts';
import type { VirtualMfaDevice } from '../../../src/collectors/iam/virtual-mfa-devices.ts';
import { evaluate } from '../../../test/helpers/evaluate.ts';

const summary = (accountMfaEnabled: boolean) => ({ accountMfaEnabled, accountAccessKeysPresent: false, raw: {} });
const device = (serialNumber: string, userArn?: string): VirtualMfaDevice => ({ serialNumber, userArn, enabledAt: undefined });
const userDevice = device('arn:aws:iam::123456789012:mfa/alice', 'arn:aws:iam::123456789012:user/alice');

describe('iam.root-hardware-mfa', () => {
  it('passes when root has MFA and no virtual device (so it is hardware)', () => {
    expect(evaluate(rootHardwareMfa, [summary(true), [userDevice]])).toMatchObject([
      { status: 'PASS', resourceType: 'AWS::::Account', details: { accountMfaEnabled: true, rootVirtualMfaDevices: [] } },
    ]);
  });

  it('fails when root MFA is a virtual device, by legacy serial or by user ARN', () => {
    const legacy = device('arn:aws:iam::123456789012:mfa/root-account-mfa-device');
    const named = device('arn:aws:iam::123456789012:mfa/ops-phone', 'arn:aws:iam::123456789012:root');
    for (const d of [legacy, named]) {
      expect(evaluate(rootHardwareMfa, [summary(true), [userDevice, d]])).toMatchObject([
        { status: 'FAIL', evidence: `Root user's MFA includes a virtual device: ${d.serialNumber}` },
      ]);
    }
  });

  it('fails, and says so, when root has no MFA at all', () => {
    expect(evaluate(rootHardwareMfa, [summary(false), []])).toMatchObject([
      { status: 'FAIL', evidence: 'Root user has no MFA at all, hardware or virtual', details: { accountMfaEnabled: false } },
    ]);
  });
});
