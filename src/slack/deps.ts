// What the Slack listeners need, built once by src/app/build.ts and handed to every listener.
import type { Settings } from '../config/schema.ts';
import type { AnyCheck, ScanProgress, ScanReport, ScanSelection } from '../engine/types.ts';
import type { Locale } from '../i18n/locale.ts';
import type { Remediation } from '../remediation/feature.ts';
import type { BackgroundTasks } from './listeners/background.ts';
import type { ProgressReporterOptions } from './delivery/progress-reporter.ts';
import type { FindingActions } from './render/results.ts';
import type { GroupActions } from './results/prepare.ts';
import type { ResultSets } from './results/result-sets.ts';
import type { ScannerAllowlist } from './access/scanners.ts';
import type { UserLocales } from './access/user-locale.ts';

/** A store of past scans (the history feature); App Home reads the newest per account from it. */
export interface ScanHistory {
  latestPerAccount(): Promise<ScanReport[]>;
}

/** What the listeners ask of the scan service (src/app/scan-service.ts), named here so src/slack never imports src/app. */
export interface Scans {
  run(selection: ScanSelection, options?: { onProgress?: (progress: ScanProgress) => void }): Promise<ScanReport>;
  /** This process's newest scan per account (App Home without a history store). */
  latestPerAccount(): ScanReport[];
}

export interface SlackDeps {
  scans: Scans;
  catalogue: readonly AnyCheck[];
  settings: Settings;
  /** AWSCHECK_LOCALE: channel posts (reports, approval requests, alerts), and whoever's language is unknown. */
  locale: Locale;
  /** Each person's own language, for what only they read (replies, modals, App Home, direct messages). */
  userLocales: UserLocales;
  scanners: ScannerAllowlist;
  background: BackgroundTasks;
  history?: ScanHistory;
  findingActions?: FindingActions;
  /** Buttons for a whole group of findings of one check (e.g. "Fix all (N)…"), next to Show all. */
  groupActions?: GroupActions;
  /** The failing findings behind each results message and App Home, for "Show all". */
  resultSets?: ResultSets;
  /** Fix requests, accepted risks and the audit trail (their buttons, modals and subcommands). */
  remediation?: Remediation;
  /** Progress pacing (tests shorten the gaps). */
  progress?: Pick<ProgressReporterOptions, 'gapsMs'>;
}
