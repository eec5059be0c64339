// When the daily report runs: AWSCHECK_REPORT_CRON in AWSCHECK_TIMEZONE, validated at start-up
// (src/config/environment.ts) so a typo stops the bot with a message instead of silently never posting.
import type { ReportConfig } from '../report/config.ts';

export interface ScheduleConfig extends ReportConfig {
  cron: string;
}
