// The Slack side of the configuration (read and checked in src/config/configuration.ts).
export type SlackMode = 'socket' | 'http';

export interface SlackConfig {
  botToken: string;
  /** App-level token (xapp-); its presence selects Socket Mode. */
  appToken?: string;
  /** Verifies Slack's requests in HTTP mode. */
  signingSecret?: string;
  port: number;
  /** HTTP mode's listen address (HOST); unset: every interface, IPv4 and IPv6, as a container needs. */
  host?: string;
  /** Web API base URL with a trailing slash (GovSlack, proxies, tests). */
  apiUrl?: string;
  /** How long start-up waits for Slack (AWSCHECK_STARTUP_TIMEOUT, seconds); 30 s when unset. */
  startupTimeoutMs?: number;
  /** Users (U…, W…) and user groups (S…) allowed to run scans; empty means everyone. */
  scanners: string[];
  mode: SlackMode;
}
