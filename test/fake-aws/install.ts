// Puts the fake behind real SDK clients. The middleware sits at step 'deserialize', priority 'high': inside
// the session's concurrency limiter and the SDK's retry (both at 'finalizeRequest'), after serialization
// and signing, and in place of the HTTP handler and the deserializer. So the collectors, paginators,
// limiter and retry all run for real, and only the network and AWS are fake.
import { setTimeout as sleep } from 'node:timers/promises';
import type { SdkClient } from '../../src/aws/session.ts';
import { UnknownCommandError } from './errors.ts';
import { type FakeState, HANDLERS } from './handlers/index.ts';
import type { World } from './world.ts';

export interface FakeAwsOptions {
  /** Simulated round trip per call (every attempt, errors included), in ms. */
  latencyMs?: number;
  /**
   * Sees every answer (`operation` is `Service:Operation`) and may change it or throw a FakeAwsError
   * instead: one odd entity or one denied resource, without a second world.
   */
  tamper?: (operation: string, input: Record<string, unknown>, answer: object) => object;
}

export interface FakeAws {
  /** For ScanDeps.instrument / SessionOptions.instrument. */
  (client: SdkClient): void;
  /** Calls by `Service:Operation` (e.g. `EC2:DescribeInstances`), every attempt counted. */
  calls(): Map<string, number>;
  totalCalls(): number;
  /** Most calls that were ever waiting on the fake at once: what the concurrency limit let through. */
  peakInFlight(): number;
  /** Calls waiting on the fake right now. */
  inFlight(): number;
  /** Answers one command directly (for adapters such as aws-sdk-client-mock, which bypass the middleware stack). */
  answer(clientName: string, commandName: string, input: object, region: string): object;
  /** Forgets the counts and the fake's memory (a generated credential report). */
  reset(): void;
}

interface HandlerContext {
  clientName?: string;
  commandName?: string;
}

interface RegionConfig {
  config: { region: string | (() => Promise<string>) };
}

async function regionOf(client: SdkClient): Promise<string> {
  const { region } = (client as unknown as RegionConfig).config;
  return typeof region === 'function' ? region() : region;
}

export const serviceName = (clientName: string): string => clientName.replace(/Client$/, '');
export const operationName = (commandName: string): string => commandName.replace(/Command$/, '');

export function installFakeAws(world: World, options: FakeAwsOptions = {}): FakeAws {
  const latency = options.latencyMs ?? 0;
  let state: FakeState = { reportGenerations: 0 };
  let counts = new Map<string, number>();
  let inFlight = 0;
  let peak = 0;

  function answer(clientName: string, commandName: string, input: object, region: string): object {
    const handler = HANDLERS[clientName]?.[operationName(commandName)];
    if (!handler) throw new UnknownCommandError(clientName, commandName);
    const output = handler(input as Record<string, unknown>, { world, region, state });
    const key = `${serviceName(clientName)}:${operationName(commandName)}`;
    return options.tamper ? options.tamper(key, input as Record<string, unknown>, output) : output;
  }

  const instrument = ((client: SdkClient) => {
    client.middlewareStack.add(
      (_next: unknown, context: HandlerContext) => async (args: { input: object }) => {
        const clientName = context.clientName ?? 'UnknownClient';
        const commandName = context.commandName ?? 'UnknownCommand';
        const key = `${serviceName(clientName)}:${operationName(commandName)}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        try {
          if (latency > 0) await sleep(latency);
          const output = answer(clientName, commandName, args.input, await regionOf(client));
          return {
            output: { $metadata: { httpStatusCode: 200, requestId: 'fake-request', attempts: 1, totalRetryDelay: 0 }, ...output },
            response: { statusCode: 200, headers: {} },
          };
        } finally {
          inFlight -= 1;
        }
      },
      { step: 'deserialize', priority: 'high', name: 'awscheckFakeAws' },
    );
  }) as FakeAws;

  instrument.calls = () => new Map(counts);
  instrument.totalCalls = () => [...counts.values()].reduce((sum, n) => sum + n, 0);
  instrument.peakInFlight = () => peak;
  instrument.inFlight = () => inFlight;
  instrument.answer = answer;
  instrument.reset = () => {
    state = { reportGenerations: 0 };
    counts = new Map();
    peak = 0;
  };
  return instrument;
}
