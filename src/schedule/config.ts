// When the daily report runs: AWSCHECK_REPORT_CRON in AWSCHECK_TIMEZONE, validated at start-up so a typo
// stops the bot with a message instead of silently never posting.
import type { Environment } from '../config/environment.ts';
import cron from 'node-cron';
import { ConfigError, showValue } from '../config/errors.ts';
import { type ReportConfig, reportConfigFromEnv } from '../report/config.ts';

export const DEFAULT_REPORT_CRON = '0 9 * * *';

export interface ScheduleConfig extends ReportConfig {
  cron: string;
}

function cronProblem(expression: string): string | undefined {
  const result = cron.validateDetailed(expression);
  if (result.valid) return undefined;
  const why = result.errors.map((e) => e.message).join('; ');
  return `AWSCHECK_REPORT_CRON: got ${showValue(expression)}; ${why}. Expected a cron expression of 5 fields (minute hour day month weekday), e.g. "0 9 * * *" for 09:00 every day or "0 9 * * 1-5" for weekdays.`;
}

/** Reads the report's channel, zone and cron together, reporting every problem at once. */
export function scheduleConfigFromEnv(env: Environment): ScheduleConfig {
  const problems: string[] = [];
  let report: ReportConfig | undefined;
  try {
    report = reportConfigFromEnv(env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    problems.push(...err.problems);
  }
  const expression = env.AWSCHECK_REPORT_CRON?.trim() || DEFAULT_REPORT_CRON;
  const problem = cronProblem(expression);
  if (problem) problems.push(problem);
  if (!report || problems.length) throw new ConfigError(problems);
  return { ...report, cron: expression };
}
