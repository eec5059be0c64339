import type { AnyCheck } from '../../src/engine/types.ts';
import { ebsDefaultEncryption } from './ebs-default-encryption.ts';
import { ebsSnapshotPublic } from './ebs-snapshot-public.ts';
import { imdsv2NotRequired } from './imdsv2-not-required.ts';
import { instanceAdminRole } from './instance-admin-role.ts';
import { instancePublicIp } from './instance-public-ip.ts';
import { naclAdminPortOpen } from './nacl-admin-port-open.ts';
import { sgAdminPortIpv4 } from './sg-admin-port-ipv4.ts';
import { sgAdminPortIpv6 } from './sg-admin-port-ipv6.ts';
import { sgAllPortsOpen } from './sg-all-ports-open.ts';
import { sgDefaultNotRestricted } from './sg-default-not-restricted.ts';
import { sgInsecureServiceOpen } from './sg-insecure-service-open.ts';
import { vpcFlowLogs } from './vpc-flow-logs.ts';

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
