// The account both replicas (and the test that drives them) agree on: a small synthetic one whose first
// eu-west-1 gets one more group, `web`, with SSH from 0.0.0.0/0.
import { syntheticWorld } from '../fake-aws/synthetic.ts';
import { regionOf, type World } from '../fake-aws/world.ts';

export function replicaWorld(): { world: World; groupId: string } {
  const world = syntheticWorld(0.01, { seed: 42, now: new Date('2026-11-25T00:00:00Z') });
  const region = regionOf(world, 'eu-west-1');
  const group = {
    id: 'sg-0replica',
    name: 'web',
    vpcId: region.vpcs[0]?.id ?? 'vpc-0aaa',
    description: 'web servers',
    rules: [
      { id: 'sgr-egress', egress: true, protocol: '-1', cidrIpv4: '0.0.0.0/0' },
      { id: 'sgr-world-ssh', egress: false, protocol: 'tcp', fromPort: 22, toPort: 22, cidrIpv4: '0.0.0.0/0' },
    ],
  };
  region.securityGroups.push(group);
  return { world, groupId: group.id };
}
