// The in-process scheduler of the daily report (node-cron): one fire per slot across replicas (the store
// coordinates), never two runs at once in a process (noOverlap).
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import cron, { type Logger as CronLogger, type ScheduledTask } from 'node-cron';
import { systemClock, type Clock } from '../engine/types.ts';
import type { Store } from '../store/store.ts';
import { storeRunCoordinator } from './coordinator.ts';

/** The node-cron task name; with the slot time it forms the key replicas claim. */
export const REPORT_TASK = 'awscheck-daily-report';

export interface SchedulerLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface ReportSchedulerOptions {
  cron: string;
  timeZone: string;
  store: Pick<Store, 'claimSlot' | 'completeSlot'>;
  /** Runs the report for a slot (its key names the task and the slot time). Failures are logged. */
  run(slot: string): Promise<unknown>;
  logger: SchedulerLogger;
  clock?: Clock;
  /** Identifies this replica in the slots table; host, pid and a random part by default. */
  owner?: string;
}

export interface ReportScheduler {
  task: ScheduledTask;
  nextRun(): Date | null;
  stop(): Promise<void>;
}

function cronLogger(logger: SchedulerLogger): CronLogger {
  const text = (message: string | Error, err?: Error) =>
    `node-cron: ${message instanceof Error ? message.message : message}${err ? `: ${err.message}` : ''}`;
  return {
    info: (message) => logger.info(text(message)),
    warn: (message) => logger.warn(text(message)),
    error: (message, err) => logger.error(text(message, err)),
    debug: () => undefined,
  };
}

export function slotKey(slot: Date): string {
  return `${REPORT_TASK}:${slot.toISOString()}`;
}

export function startReportScheduler(options: ReportSchedulerOptions): ReportScheduler {
  const clock = options.clock ?? systemClock;
  const owner = options.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const { logger } = options;
  const task = cron.schedule(
    options.cron,
    async (context) => {
      const slot = slotKey(context.date);
      try {
        await options.run(slot);
      } catch (err) {
        logger.error(`awscheck: the scheduled report for ${slot} failed: ${(err as Error).message}`);
      }
    },
    {
      name: REPORT_TASK,
      timezone: options.timeZone,
      noOverlap: true,
      distributed: true,
      runCoordinator: storeRunCoordinator(options.store, owner, clock),
      logger: cronLogger(logger),
    },
  );
  task.on('execution:overlap', (context) => {
    logger.warn(`awscheck: skipped the report slot ${slotKey(context.date)}: the previous report is still running`);
  });
  return {
    task,
    nextRun: () => task.getNextRun(),
    stop: async () => {
      await task.destroy();
    },
  };
}
