// DescribeInstances: every instance that still exists (terminated ones are filtered out by AWS), flattened
// out of reservations into the facts the checks and the fix previews need.
import { EC2Client, type Instance as SdkInstance, paginateDescribeInstances } from '@aws-sdk/client-ec2';
import { defineCollector } from '../../engine/define.ts';
import { focusedIds, regionalPaging, sendOptions } from '../sdk.ts';
import { nameTag, present } from './sdk.ts';

export type InstanceStateName = 'pending' | 'running' | 'stopping' | 'stopped';
const LISTED_STATES: readonly InstanceStateName[] = ['pending', 'running', 'stopping', 'stopped'];

export interface InstanceMetadataOptions {
  /** `required` = IMDSv2 only; `optional` = IMDSv1 still answers. */
  httpTokens?: string;
  /** `disabled` = no metadata service at all. */
  httpEndpoint?: string;
  httpPutResponseHopLimit?: number;
  /** `pending` while a change is being applied. */
  state?: string;
}

export interface Ec2Instance {
  instanceId: string;
  state: InstanceStateName;
  name?: string;
  /** Missing only if AWS left it out; checks that need it report ERROR. */
  metadataOptions?: InstanceMetadataOptions;
  publicIpAddress?: string;
  iamInstanceProfileArn?: string;
  vpcId?: string;
  subnetId?: string;
  securityGroupIds: string[];
  /** e.g. `Linux/UNIX`, `Windows` (PlatformDetails, else Platform). */
  platform?: string;
}

function isListedState(state: string | undefined): state is InstanceStateName {
  return (LISTED_STATES as readonly (string | undefined)[]).includes(state);
}

function toInstance(i: SdkInstance, state: InstanceStateName): Ec2Instance {
  const instanceId = present(i.InstanceId, 'an instance id');
  const m = i.MetadataOptions;
  return {
    instanceId,
    state,
    name: nameTag(i.Tags),
    metadataOptions: m
      ? { httpTokens: m.HttpTokens, httpEndpoint: m.HttpEndpoint, httpPutResponseHopLimit: m.HttpPutResponseHopLimit, state: m.State }
      : undefined,
    publicIpAddress: i.PublicIpAddress,
    iamInstanceProfileArn: i.IamInstanceProfile?.Arn,
    vpcId: i.VpcId,
    subnetId: i.SubnetId,
    securityGroupIds: (i.SecurityGroups ?? []).flatMap((g) => (g.GroupId ? [g.GroupId] : [])),
    platform: i.PlatformDetails ?? i.Platform,
  };
}

export const instances = defineCollector<Ec2Instance[]>({
  id: 'ec2.instances',
  scope: 'regional',
  actions: ['ec2:DescribeInstances'],
  async collect(ctx) {
    // An alert's re-read asks for its instances only (a filter, so a terminated one is just absent).
    const focus = focusedIds(ctx, /^i-/);
    const input = {
      Filters: [{ Name: 'instance-state-name', Values: [...LISTED_STATES] }, ...(focus ? [{ Name: 'instance-id', Values: focus }] : [])],
    };
    const found: Ec2Instance[] = [];
    for await (const page of paginateDescribeInstances(regionalPaging(ctx, EC2Client, 1000), input, sendOptions(ctx))) {
      for (const reservation of page.Reservations ?? []) {
        for (const i of reservation.Instances ?? []) {
          const state = i.State?.Name;
          // The filter already does this; kept so a shutting-down or terminated instance can never slip in.
          if (isListedState(state)) found.push(toInstance(i, state));
        }
      }
    }
    return found;
  },
});
