import type { AnyCheck } from '../../src/engine/types.ts';
import { ebsDefaultEncryption } from './ebs-default-encryption/check.ts';
import { ebsSnapshotPublic } from './ebs-snapshot-public/check.ts';
import { imdsv2NotRequired } from './imdsv2-not-required/check.ts';
import { instanceAdminRole } from './instance-admin-role/check.ts';
import { instancePublicIp } from './instance-public-ip/check.ts';
import { naclAdminPortOpen } from './nacl-admin-port-open/check.ts';
import { sgAdminPortIpv4 } from './sg-admin-port-ipv4/check.ts';
import { sgAdminPortIpv6 } from './sg-admin-port-ipv6/check.ts';
import { sgAllPortsOpen } from './sg-all-ports-open/check.ts';
import { sgDefaultNotRestricted } from './sg-default-not-restricted/check.ts';
import { sgInsecureServiceOpen } from './sg-insecure-service-open/check.ts';
import { vpcFlowLogs } from './vpc-flow-logs/check.ts';

export const ec2Checks: readonly AnyCheck[] = [
  sgAdminPortIpv4,
  sgAdminPortIpv6,
  sgAllPortsOpen,
  sgInsecureServiceOpen,
  sgDefaultNotRestricted,
  naclAdminPortOpen,
  imdsv2NotRequired,
  ebsDefaultEncryption,
  ebsSnapshotPublic,
  instancePublicIp,
  instanceAdminRole,
  vpcFlowLogs,
];
