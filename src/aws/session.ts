// AWS access for one account: credentials (default chain, or AssumeRole refreshed before expiry), one
// client per service and region, adaptive retry, and one concurrency limit shared by every call.
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import pLimit, { type LimitFunction } from 'p-limit';
import type { AccountConfig, Settings } from '../config/schema.ts';
import { sdkEnvironment } from '../config/environment.ts';
import { announceAwsCall } from './call-log.ts';
import { sharedAgents } from './agents.ts';
import { shareCredentials } from './shared-credentials.ts';
import { addHtmlAnswerGuard } from './html-answer.ts';

/** The part of an AWS SDK v3 client this module relies on. */
export interface SdkClient {
  middlewareStack: {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    add(middleware: any, options: any): void;
  };
  send(command: object, options?: object): Promise<unknown>;
  destroy(): void;
}

export interface ClientConfig {
  region: string;
  credentials?: AwsCredentialIdentityProvider;
  retryMode: 'adaptive';
  maxAttempts?: number;
  endpoint?: string;
  forcePathStyle?: boolean;
  /** Options for the SDK's Node HTTP handler: the process-wide keep-alive agents. */
  requestHandler?: ReturnType<typeof sharedAgents>;
}

export type ClientClass<C extends SdkClient> = new (config: ClientConfig) => C;

export type Purpose = 'scan' | 'remediate';

/** Requests admitted into the SDK per in-flight slot: enough to keep the wire busy during retries and paging. */
const ADMISSION_FACTOR = 4;

export interface AwsSession {
  accountId: string;
  purpose: Purpose;
  /** A client for this account in `region`, built once and reused. */
  client<C extends SdkClient>(clientClass: ClientClass<C>, region: string): C;
  /** The account's home region, for account-wide calls. */
  homeRegion: string;
  destroy(): void;
}

export interface SessionOptions {
  settings: Settings;
  env?: Record<string, string | undefined>;
  /** Called for every client built (benchmarks add their fake AWS here; tests may record calls). */
  instrument?: (client: SdkClient) => void;
}

/**
 * Endpoint overrides must keep working: behind one, S3 needs path-style addressing. (S3 Control still puts
 * the account id in front of the host, so an override for it must be a host name, not an IP address.)
 */
const BEHIND_OVERRIDE = { forcePathStyle: true } as const;

function endpointConfig(settings: Settings, env: Record<string, string | undefined>): Partial<ClientConfig> {
  if (settings.endpointUrl) return { endpoint: settings.endpointUrl, ...BEHIND_OVERRIDE };
  if (env.AWS_ENDPOINT_URL || env.AWS_ENDPOINT_URL_S3 || env.AWS_ENDPOINT_URL_S3_CONTROL) return BEHIND_OVERRIDE;
  return {};
}

function assumeRoleCredentials(
  account: AccountConfig,
  roleArn: string,
  purpose: Purpose,
  settings: Settings,
): AwsCredentialIdentityProvider {
  return fromTemporaryCredentials({
    params: {
      RoleArn: roleArn,
      RoleSessionName: `awscheck-${purpose}`,
      ...(account.externalId ? { ExternalId: account.externalId } : {}),
      DurationSeconds: 3600,
    },
    clientConfig: { region: settings.homeRegion, ...(settings.endpointUrl ? { endpoint: settings.endpointUrl } : {}) },
  });
}

/** Runs every attempt of every call through the account's limiter; retry back-off waits outside it. */
function addConcurrencyLimit(client: SdkClient, limit: LimitFunction): void {
  client.middlewareStack.add(
    (next: (args: unknown) => Promise<unknown>) => (args: unknown) => limit(() => next(args)),
    { step: 'finalizeRequest', priority: 'low', name: 'awscheckConcurrencyLimit' },
  );
}

/**
 * Wraps `send` on the instance (so calls are seen even when a test stubs the class's prototype) and admits
 * at most a few times the concurrency into the SDK at once: a fan-out over thousands of buckets would
 * otherwise build and sign every request up front, holding their memory and letting signatures age in
 * the queue. The limiter inside the stack still bounds what is on the wire.
 */
function wrapSend(client: SdkClient, clientName: string, region: string, purpose: Purpose, admit: LimitFunction): void {
  const prototype = Object.getPrototypeOf(client) as SdkClient;
  client.send = (command: object, options?: object) => {
    announceAwsCall({ client: clientName, command: command.constructor.name, region, purpose });
    return admit(() => prototype.send.call(client, command, options));
  };
}

export function createSession(
  account: AccountConfig,
  purpose: Purpose,
  options: SessionOptions,
): AwsSession {
  const { settings } = options;
  // The remediation role comes from the validated configuration (src/remediation/sessions.ts), never raw env.
  const roleArn = purpose === 'remediate' ? (account.remediationRoleArn ?? account.roleArn) : account.roleArn;
  // Assumed once per session (one scan of the account), shared by every client, refreshed before expiry.
  const credentials = roleArn ? shareCredentials(assumeRoleCredentials(account, roleArn, purpose, settings)) : undefined;
  const limit = pLimit(settings.concurrency);
  const admit = pLimit(settings.concurrency * ADMISSION_FACTOR);
  const base: Omit<ClientConfig, 'region'> = {
    retryMode: 'adaptive',
    requestHandler: sharedAgents(),
    ...(credentials ? { credentials } : {}),
    // The SDK reads AWS_ENDPOINT_URL* from the process environment itself, so that is where we look too
    // (through the config loader, the one module that reads the environment).
    ...endpointConfig(settings, options.env ?? sdkEnvironment()),
  };
  const clients = new Map<string, SdkClient>();
  return {
    accountId: account.id,
    purpose,
    homeRegion: settings.homeRegion,
    client<C extends SdkClient>(clientClass: ClientClass<C>, region: string): C {
      const key = `${clientClass.name}@${region}`;
      let client = clients.get(key) as C | undefined;
      if (!client) {
        client = new clientClass({ ...base, region });
        addConcurrencyLimit(client, limit);
        addHtmlAnswerGuard(client);
        wrapSend(client, clientClass.name, region, purpose, admit);
        options.instrument?.(client);
        clients.set(key, client);
      }
      return client;
    },
    destroy() {
      for (const client of clients.values()) client.destroy();
      clients.clear();
    },
  };
}
