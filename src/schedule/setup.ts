// What scan history and the daily schedule read for `npm start`, every problem at once; src/app/compose.ts
// opens the store and starts the schedule from it.
import type { Environment } from '../config/environment.ts';
import { ConfigProblems } from '../config/errors.ts';
import { type StoreConfig, storeConfigFromEnv } from '../store/config.ts';
import { type ScheduleConfig, scheduleConfigFromEnv } from './config.ts';

export interface HistoryConfig {
  store: StoreConfig;
  schedule: ScheduleConfig;
}

export function loadHistoryConfig(env: Environment, cwd: string = process.cwd()): HistoryConfig {
  const problems = new ConfigProblems();
  const store = problems.attempt(() => storeConfigFromEnv(env, cwd));
  const schedule = problems.attempt(() => scheduleConfigFromEnv(env));
  problems.throwIfAny();
  return { store: store!, schedule: schedule! };
}
