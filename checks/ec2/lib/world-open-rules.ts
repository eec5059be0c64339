// The shared shape of the four "world-open rule" checks: one FAIL per offending inbound rule (the unit a fix
// revokes and an undo re-authorises) and one PASS per group with none.
import type { NetworkInterface } from '../../../src/collectors/ec2/network-interfaces.ts';
import { instancesByGroup, networkInterfaces } from '../../../src/collectors/ec2/network-interfaces.ts';
import type { SecurityGroup, SecurityGroupRule } from '../../../src/collectors/ec2/security-groups.ts';
import { securityGroups } from '../../../src/collectors/ec2/security-groups.ts';
import { defineCheck } from '../../../src/engine/define.ts';
import type { EvaluateContext, ResultDraft } from '../../../src/engine/types.ts';
import type { Message } from '../../../src/i18n/message.ts';
import type { CheckFolder } from '../../lib/folder.ts';
import { regionalArn } from './arn.ts';
import { isWorldCidr, portText, reachesPort, type ServicePort, servicePortText } from './ports.ts';

export type IpFamily = 'ipv4' | 'ipv6';

export interface WorldSource {
  cidr: string;
  ipVersion: 4 | 6;
}

/** The rule's source when it is the whole internet; group references and prefix lists never are. */
export function worldSource(rule: SecurityGroupRule, families: readonly IpFamily[] = ['ipv4', 'ipv6']): WorldSource | undefined {
  if (rule.isEgress) return undefined;
  if (families.includes('ipv4') && rule.cidrIpv4 && isWorldCidr(rule.cidrIpv4)) return { cidr: rule.cidrIpv4, ipVersion: 4 };
  if (families.includes('ipv6') && rule.cidrIpv6 && isWorldCidr(rule.cidrIpv6)) return { cidr: rule.cidrIpv6, ipVersion: 6 };
  return undefined;
}

export function groupLabel(group: Pick<SecurityGroup, 'groupId' | 'groupName'>): string {
  return `${group.groupId} (${group.groupName})`;
}

/** The fields every security group result starts from. */
export function groupResource(ctx: EvaluateContext, groupId: string): Pick<ResultDraft, 'region' | 'resourceType' | 'resourceId' | 'resourceArn'> {
  return {
    region: ctx.region,
    resourceType: 'AWS::EC2::SecurityGroup',
    resourceId: groupId,
    resourceArn: regionalArn(ctx, 'ec2', `security-group/${groupId}`),
  };
}

const LISTED_PORTS = 4;

/** The sentence for a world-open rule: what it admits, from where, and which listed services that reaches. */
function ruleOpenMessage(group: SecurityGroup, rule: SecurityGroupRule, source: WorldSource, reaches: readonly ServicePort[], ctx: EvaluateContext): Message {
  const ports = portText({ protocol: rule.ipProtocol, fromPort: rule.fromPort, toPort: rule.toPort });
  const opens = { group: groupLabel(group), ruleId: rule.ruleId, cidr: source.cidr, traffic: ports ?? ctx.say('ec2:allTraffic') };
  if (reaches.length === 0) return ctx.say('ec2:ruleOpen', opens);
  // Keeps the evidence one line: an all-traffic rule reaches every listed service.
  const services = reaches.slice(0, LISTED_PORTS).map(servicePortText).join(', ');
  const more = reaches.length - LISTED_PORTS;
  return more > 0 ? ctx.say('ec2:ruleOpenReachingMore', { ...opens, services, more }) : ctx.say('ec2:ruleOpenReaching', { ...opens, services });
}

/** The listed service ports an inbound rule reaches, or undefined when it reaches none of them. */
export function reachedPorts(rule: SecurityGroupRule, ports: readonly ServicePort[]): ServicePort[] | undefined {
  const portRule = { protocol: rule.ipProtocol, fromPort: rule.fromPort, toPort: rule.toPort };
  const reached = ports.filter((port) => reachesPort(portRule, port));
  return reached.length > 0 ? reached : undefined;
}

export interface WorldOpenCheckSpec {
  /** Which address families count as "the world" for this check. */
  families: readonly IpFamily[];
  /**
   * Whether an inbound world-open rule offends. Returns the named service ports it reaches (listed in the
   * evidence), an empty list when it offends without naming any, or undefined when it does not offend.
   */
  offends: (rule: SecurityGroupRule) => readonly ServicePort[] | undefined;
  /** The check's own sentence for a group with no offending rule, given the group's label. */
  passing(group: string): Message;
}

export function worldOpenRuleResults(
  groups: readonly SecurityGroup[],
  interfaces: readonly NetworkInterface[],
  ctx: EvaluateContext,
  spec: WorldOpenCheckSpec,
): ResultDraft[] {
  const usedBy = instancesByGroup(interfaces);
  const results: ResultDraft[] = [];
  for (const group of groups) {
    const instances = usedBy.get(group.groupId) ?? [];
    const base = groupResource(ctx, group.groupId);
    let failed = false;
    for (const rule of group.rules) {
      const source = worldSource(rule, spec.families);
      if (!source) continue;
      const reaches = spec.offends(rule);
      if (!reaches) continue;
      failed = true;
      results.push({
        ...base,
        status: 'FAIL',
        subResourceId: rule.ruleId,
        evidence: ruleOpenMessage(group, rule, source, reaches, ctx),
        // Complete enough to revoke exactly this rule by id and to re-authorise the identical rule on undo.
        details: {
          groupId: group.groupId,
          groupName: group.groupName,
          vpcId: group.vpcId,
          ruleId: rule.ruleId,
          isEgress: false,
          ipProtocol: rule.ipProtocol,
          fromPort: rule.fromPort,
          toPort: rule.toPort,
          cidr: source.cidr,
          ipVersion: source.ipVersion,
          description: rule.description,
          exposedPorts: reaches.map((p) => ({ protocol: p.protocol, port: p.port, service: p.service })),
          instances,
        },
      });
    }
    if (!failed) {
      results.push({
        ...base,
        status: 'PASS',
        evidence: spec.passing(groupLabel(group)),
        details: { groupId: group.groupId, groupName: group.groupName, vpcId: group.vpcId, instances },
      });
    }
  }
  return results;
}

export interface WorldOpenCheck extends CheckFolder, Pick<WorldOpenCheckSpec, 'families' | 'offends'> {
  /** The check's own sentence for a group with no offending rule; said in the check's folder, whose words hold it. */
  passing: (group: string, ctx: EvaluateContext) => Message;
}

/**
 * A world-open rule check: the same collectors and evaluation; only which rules offend differs. Each one's
 * meta.json names the fix they share (ec2.revoke-world-open-rule) and the regional scope of these collectors.
 */
export function defineWorldOpenRuleCheck({ families, offends, passing, ...folder }: WorldOpenCheck) {
  return defineCheck({
    ...folder,
    needs: [securityGroups, networkInterfaces],
    evaluate([groups, interfaces], ctx) {
      return worldOpenRuleResults(groups, interfaces, ctx, { families, offends, passing: (group) => passing(group, ctx) });
    },
  });
}
