// Security group rules behind a real HTTP endpoint (the EC2 query protocol, via FakeAwsHttp) for tests that
// run the fix flow in separate processes. A write changes the rules when it arrives and answers after
// `revokeDelayMs` / `authorizeDelayMs`, so a process killed while waiting has still changed AWS.
import { setTimeout as delay } from 'node:timers/promises';
import { FakeAwsError, FakeAwsHttp, type FakeRequest, stsHandlers, xmlFields } from '../../helpers/fake-aws-http.ts';

export interface FakeRule {
  id: string;
  groupId: string;
  protocol: string;
  from: number;
  to: number;
  cidr: string;
  description?: string;
}

export interface FakeEc2Http {
  server: FakeAwsHttp;
  url: string;
  rules: FakeRule[];
  revokeDelayMs: number;
  authorizeDelayMs: number;
  /** Real (non-dry-run) writes received, in order, e.g. "revoke sgr-ssh". */
  writes: string[];
  stop(): Promise<void>;
}

const ruleXml = (r: FakeRule) =>
  `<item>${xmlFields({
    securityGroupRuleId: r.id,
    groupId: r.groupId,
    groupOwnerId: '111122223333',
    isEgress: false,
    ipProtocol: r.protocol,
    fromPort: r.from,
    toPort: r.to,
    cidrIpv4: r.cidr,
    description: r.description,
  })}</item>`;

/** `Prefix.1`, `Prefix.2`, … values of a query request. */
function listParam(params: URLSearchParams, prefix: string): string[] {
  const values: string[] = [];
  for (let i = 1; params.has(`${prefix}.${i}`); i++) values.push(params.get(`${prefix}.${i}`) ?? '');
  return values;
}

function dryRun(req: FakeRequest): void {
  if (req.params.get('DryRun') === 'true') throw new FakeAwsError('DryRunOperation', 'Request would have succeeded, but DryRun flag is set.', 412);
}

export async function startFakeEc2(account: string, rules: FakeRule[]): Promise<FakeEc2Http> {
  let next = 1;
  const fake: Omit<FakeEc2Http, 'server' | 'url' | 'stop'> = { rules, revokeDelayMs: 0, authorizeDelayMs: 0, writes: [] };
  const server = new FakeAwsHttp({
    sts: stsHandlers(account),
    ec2: {
      DescribeSecurityGroupRules: (req) => {
        const groups = listParam(req.params, 'Filter.1.Value');
        return `<securityGroupRuleSet>${fake.rules.filter((r) => groups.length === 0 || groups.includes(r.groupId)).map(ruleXml).join('')}</securityGroupRuleSet>`;
      },
      DescribeNetworkInterfaces: () => '<networkInterfaceSet/>',
      RevokeSecurityGroupIngress: async (req) => {
        dryRun(req);
        const ids = listParam(req.params, 'SecurityGroupRuleId');
        const missing = ids.filter((id) => !fake.rules.some((r) => r.id === id));
        if (missing.length) throw new FakeAwsError('InvalidSecurityGroupRuleId.NotFound', `The security group rule ID '${missing.join(', ')}' does not exist`);
        fake.writes.push(`revoke ${ids.join(',')}`);
        fake.rules = fake.rules.filter((r) => !ids.includes(r.id));
        await delay(fake.revokeDelayMs);
        return xmlFields({ return: true });
      },
      AuthorizeSecurityGroupIngress: async (req) => {
        dryRun(req);
        const p = (name: string) => req.params.get(`IpPermissions.1.${name}`) ?? undefined;
        const rule: FakeRule = {
          id: `sgr-new${next++}`,
          groupId: req.params.get('GroupId') ?? '',
          protocol: p('IpProtocol') ?? '',
          from: Number(p('FromPort')),
          to: Number(p('ToPort')),
          cidr: p('IpRanges.1.CidrIp') ?? '',
          ...(p('IpRanges.1.Description') ? { description: p('IpRanges.1.Description') } : {}),
        };
        const same = fake.rules.find((r) => r.groupId === rule.groupId && r.protocol === rule.protocol && r.from === rule.from && r.to === rule.to && r.cidr === rule.cidr);
        if (same) throw new FakeAwsError('InvalidPermission.Duplicate', `the specified rule already exists (${same.id})`);
        fake.writes.push(`authorize ${rule.id} ${rule.cidr}`);
        fake.rules = [...fake.rules, rule];
        await delay(fake.authorizeDelayMs);
        return `${xmlFields({ return: true })}<securityGroupRuleSet>${ruleXml(rule)}</securityGroupRuleSet>`;
      },
    },
  });
  const url = await server.start();
  return Object.assign(fake, { server, url, stop: () => server.stop() });
}
