// Which traffic a rule admits from the whole internet. Shared by the security group and network ACL checks
// (and by the fixes, which re-validate a rule before revoking it).
import ipaddr from 'ipaddr.js';

export type PortProtocol = 'tcp' | 'udp';

export interface ServicePort {
  protocol: PortProtocol;
  port: number;
  /** What people call what listens there, for the evidence line. */
  service: string;
}

export const ADMIN_PORTS: readonly ServicePort[] = [
  { protocol: 'tcp', port: 22, service: 'SSH' },
  { protocol: 'tcp', port: 3389, service: 'RDP' },
];

export const INSECURE_SERVICE_PORTS: readonly ServicePort[] = [
  { protocol: 'tcp', port: 20, service: 'FTP data' },
  { protocol: 'tcp', port: 21, service: 'FTP' },
  { protocol: 'tcp', port: 23, service: 'Telnet' },
  { protocol: 'tcp', port: 1433, service: 'SQL Server' },
  { protocol: 'tcp', port: 1521, service: 'Oracle' },
  { protocol: 'tcp', port: 3306, service: 'MySQL' },
  { protocol: 'tcp', port: 5432, service: 'PostgreSQL' },
  { protocol: 'tcp', port: 6379, service: 'Redis' },
  { protocol: 'tcp', port: 9092, service: 'Kafka' },
  { protocol: 'tcp', port: 9200, service: 'Elasticsearch' },
  { protocol: 'tcp', port: 11211, service: 'Memcached' },
  // Memcached over UDP is the classic DDoS reflection amplifier, so it counts as well.
  { protocol: 'udp', port: 11211, service: 'Memcached' },
  { protocol: 'tcp', port: 27017, service: 'MongoDB' },
];

const PROTOCOL_NUMBERS: Record<string, string> = { '6': 'tcp', '17': 'udp', '1': 'icmp', '58': 'icmpv6' };

/** `tcp`, `udp`, `icmp`, `icmpv6`, `-1` (all protocols) or another protocol number as given. */
export function protocolName(protocol: string): string {
  const lower = protocol.toLowerCase();
  return PROTOCOL_NUMBERS[lower] ?? lower;
}

/** True when the CIDR is the whole address space of its family (0.0.0.0/0, ::/0), by prefix, not by text. */
export function isWorldCidr(cidr: string | undefined): boolean {
  if (!cidr) return false;
  // ipaddr.parseCIDR tries IPv6 first and throws on every IPv4 range; a large account has tens of thousands
  // of rules, each judged by several checks, so the family is picked up front (same answers, no exceptions).
  const [, prefixLength] = cidr.includes(':') ? ipaddr.IPv6.parseCIDR(cidr) : ipaddr.IPv4.parseCIDR(cidr);
  return prefixLength === 0;
}

export interface PortRule {
  /** As AWS gives it: a name (`tcp`) or a number (`6`), `-1` for all. */
  protocol: string;
  /** Undefined or -1 for "all ports". */
  fromPort?: number;
  toPort?: number;
}

function portBounds(rule: PortRule): [number, number] {
  // AWS always sends ports for tcp/udp; if it ever doesn't, assume the widest, so a gap can't read as safe.
  const from = rule.fromPort === undefined || rule.fromPort === -1 ? 0 : rule.fromPort;
  const to = rule.toPort === undefined || rule.toPort === -1 ? 65535 : rule.toPort;
  return [from, to];
}

/** Whether the rule admits traffic to this port. ICMP and other protocols never reach a tcp/udp port. */
export function reachesPort(rule: PortRule, target: Pick<ServicePort, 'protocol' | 'port'>): boolean {
  const protocol = protocolName(rule.protocol);
  if (protocol === '-1') return true;
  if (protocol !== target.protocol) return false;
  const [from, to] = portBounds(rule);
  return from <= target.port && target.port <= to;
}

/** All protocols, or every tcp/udp port (1-65535 counts too: port 0 is reserved and never served). */
export function opensAllPorts(rule: PortRule): boolean {
  const protocol = protocolName(rule.protocol);
  if (protocol === '-1') return true;
  if (protocol !== 'tcp' && protocol !== 'udp') return false;
  const [from, to] = portBounds(rule);
  return from <= 1 && to >= 65535;
}

/** "tcp/22", "tcp/20-25", "udp/11211", "icmp", or undefined for all traffic (the caller words that). */
export function portText(rule: PortRule): string | undefined {
  const protocol = protocolName(rule.protocol);
  if (protocol === '-1') return undefined;
  if (protocol !== 'tcp' && protocol !== 'udp') return protocol === 'icmp' || protocol === 'icmpv6' ? protocol : `protocol ${protocol}`;
  const [from, to] = portBounds(rule);
  return from === to ? `${protocol}/${from}` : `${protocol}/${from}-${to}`;
}

export function servicePortText(port: ServicePort): string {
  return `${port.service} (${port.protocol}/${port.port})`;
}
