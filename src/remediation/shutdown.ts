// SIGTERM/SIGINT: stop taking new work, give fixes and undos in flight a bounded time to finish (so their
// outcome and AWS request ids reach the audit trail), then close. What cannot finish in time keeps its
// lease in the store; the next start (or another replica) settles it by reading AWS once the lease expires.

/** Within a container's usual 30 s stop grace period, with room to close. */
export const SHUTDOWN_WAIT_MS = 25_000;

export interface ShutdownSteps {
  /** Stops new work: housekeeping, approvals, the Slack receiver. */
  stopIntake(): Promise<void>;
  /** Resolves when the fixes, undos and replies in flight have finished. */
  idle(): Promise<void>;
  /** Closes what is left (the store). */
  close(): Promise<void>;
  warn(message: string): void;
  waitMs?: number;
}

/** Runs the steps in order; `drained` says whether everything in flight finished in time. */
export async function shutDownGracefully(steps: ShutdownSteps): Promise<{ drained: boolean }> {
  await steps.stopIntake();
  let timer: NodeJS.Timeout | undefined;
  const timeUp = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), steps.waitMs ?? SHUTDOWN_WAIT_MS);
  });
  const drained = await Promise.race([steps.idle().then(() => true as const), timeUp]);
  clearTimeout(timer);
  if (!drained) {
    steps.warn('awscheck: stopping with fixes still in flight; they keep their lease, and the next start settles them by reading AWS');
  }
  await steps.close();
  return { drained };
}
