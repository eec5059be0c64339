// Where the daily report goes and in which time zone its days run (read in src/config/configuration.ts).
export interface ReportConfig {
  /** Channel ID (C0123ABCD) or name; unset means no scheduled report. */
  channel?: string;
  /** IANA time zone name, e.g. Asia/Tokyo. */
  timeZone: string;
}
