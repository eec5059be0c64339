import { describe, expect, it } from 'vitest';
import { isWorldCidr, opensAllPorts, portText, protocolName, reachesPort } from './ports.ts';

const ssh = { protocol: 'tcp', port: 22 } as const;

describe('isWorldCidr', () => {
  it('is true only for a zero-length prefix of either family', () => {
    expect(isWorldCidr('0.0.0.0/0')).toBe(true);
    expect(isWorldCidr('::/0')).toBe(true);
    expect(isWorldCidr('0.0.0.0/1')).toBe(false);
    expect(isWorldCidr('128.0.0.0/1')).toBe(false);
    expect(isWorldCidr('203.0.113.7/32')).toBe(false);
    expect(isWorldCidr('2001:db8::/32')).toBe(false);
    expect(isWorldCidr(undefined)).toBe(false);
  });

  it('judges by prefix length, not spelling', () => {
    expect(isWorldCidr('0:0:0:0:0:0:0:0/0')).toBe(true);
  });
});

describe('reachesPort', () => {
  it('counts all-protocol rules and port ranges that cover the port', () => {
    expect(reachesPort({ protocol: '-1' }, ssh)).toBe(true);
    expect(reachesPort({ protocol: 'tcp', fromPort: 20, toPort: 25 }, ssh)).toBe(true);
    expect(reachesPort({ protocol: '6', fromPort: 0, toPort: 65535 }, ssh)).toBe(true);
    expect(reachesPort({ protocol: 'tcp', fromPort: 23, toPort: 25 }, ssh)).toBe(false);
  });

  it('never counts ICMP, another protocol or the other transport', () => {
    expect(reachesPort({ protocol: 'icmp', fromPort: -1, toPort: -1 }, ssh)).toBe(false);
    expect(reachesPort({ protocol: '58', fromPort: 22, toPort: 22 }, ssh)).toBe(false);
    expect(reachesPort({ protocol: 'udp', fromPort: 22, toPort: 22 }, ssh)).toBe(false);
    expect(reachesPort({ protocol: '50' }, ssh)).toBe(false);
  });
});

describe('opensAllPorts', () => {
  it('is all protocols, or every tcp/udp port', () => {
    expect(opensAllPorts({ protocol: '-1' })).toBe(true);
    expect(opensAllPorts({ protocol: 'tcp', fromPort: 0, toPort: 65535 })).toBe(true);
    expect(opensAllPorts({ protocol: '17', fromPort: 1, toPort: 65535 })).toBe(true);
    expect(opensAllPorts({ protocol: 'tcp', fromPort: 0, toPort: 65534 })).toBe(false);
    expect(opensAllPorts({ protocol: 'icmp', fromPort: -1, toPort: -1 })).toBe(false);
  });
});

describe('portText and protocolName', () => {
  it('words a rule the way people write it', () => {
    expect(portText({ protocol: 'tcp', fromPort: 22, toPort: 22 })).toBe('tcp/22');
    expect(portText({ protocol: '6', fromPort: 20, toPort: 25 })).toBe('tcp/20-25');
    expect(portText({ protocol: '-1' })).toBeUndefined();
    expect(portText({ protocol: 'icmpv6', fromPort: -1, toPort: -1 })).toBe('icmpv6');
    expect(portText({ protocol: '47' })).toBe('protocol 47');
    expect(protocolName('17')).toBe('udp');
  });
});
