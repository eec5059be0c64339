import { describe, expect, it } from 'vitest';
import { sgInsecureServiceOpen } from './check.ts';
import { evaluate } from '../../../test/helpers/evaluate.ts';
import { group, REGION, rule } from '../../../test/checks/ec2/fixtures.ts';

const run = (rules: ReturnType<typeof rule>[], locale: 'en' | 'ja' = 'en') =>
  evaluate(sgInsecureServiceOpen, [[group(rules)], []], { region: REGION, locale });

describe('ec2.sg-insecure-service-open', () => {
  it('fails database, FTP and Telnet ports open to the world, naming what they reach', () => {
    const results = run([
      rule({ ruleId: 'sgr-mysql', fromPort: 3306, toPort: 3306 }),
      rule({ ruleId: 'sgr-ftp-telnet', fromPort: 20, toPort: 25 }),
      rule({ ruleId: 'sgr-pg6', fromPort: 5432, toPort: 5432, cidrIpv4: undefined, cidrIpv6: '::/0' }),
      rule({ ruleId: 'sgr-memcached-udp', ipProtocol: 'udp', fromPort: 11211, toPort: 11211 }),
      rule({ ruleId: 'sgr-kafka', fromPort: 9092, toPort: 9092 }),
    ]);
    expect(results.map((r) => [r.status, r.subResourceId])).toEqual([
      ['FAIL', 'sgr-mysql'],
      ['FAIL', 'sgr-ftp-telnet'],
      ['FAIL', 'sgr-pg6'],
      ['FAIL', 'sgr-memcached-udp'],
      ['FAIL', 'sgr-kafka'],
    ]);
    expect(results[0]?.evidence).toBe('sg-0abc (web) rule sgr-mysql allows tcp/3306 from 0.0.0.0/0, reaching MySQL (tcp/3306)');
    expect(results[1]?.details.exposedPorts).toEqual([
      { protocol: 'tcp', port: 20, service: 'FTP data' },
      { protocol: 'tcp', port: 21, service: 'FTP' },
      { protocol: 'tcp', port: 23, service: 'Telnet' },
    ]);
  });

  it('keeps the evidence of an all-traffic rule to one readable line', () => {
    const [result] = run([rule({ ruleId: 'sgr-any', ipProtocol: '-1', fromPort: -1, toPort: -1 })]);
    expect(result?.evidence).toBe(
      'sg-0abc (web) rule sgr-any allows all traffic from 0.0.0.0/0, reaching FTP data (tcp/20), FTP (tcp/21), Telnet (tcp/23), SQL Server (tcp/1433) and 9 more',
    );
    expect(run([rule({ ruleId: 'sgr-any', ipProtocol: '-1', fromPort: -1, toPort: -1 })], 'ja')[0]?.evidence).toContain('ほか 9 件');
  });

  it('passes web, SSH-only, private-source and ICMP rules', () => {
    const results = run([
      rule({ fromPort: 443, toPort: 443 }),
      rule({ fromPort: 22, toPort: 22 }),
      rule({ fromPort: 3306, toPort: 3306, cidrIpv4: '10.0.0.0/16' }),
      rule({ ipProtocol: 'icmp', fromPort: 8, toPort: 0 }),
    ]);
    expect(results).toMatchObject([{ status: 'PASS' }]);
  });
});
