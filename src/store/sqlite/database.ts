// Opens the SQLite file the way every replica must: folder created, WAL, foreign keys, migrations applied.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { type Migration, MIGRATIONS } from './migrations.ts';

export type SqliteDatabase = Database.Database;

/** Applies the migrations not yet recorded in user_version; returns the versions it applied. */
export function migrate(db: SqliteDatabase, migrations: readonly Migration[] = MIGRATIONS): number[] {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration #${i + 1} has version ${m.version}; versions must be 1, 2, 3, ...`);
  });
  const latest = migrations.length;
  const applied: number[] = [];
  // IMMEDIATE takes the write lock before reading user_version, so two replicas starting together
  // cannot both apply the same step.
  db.transaction(() => {
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > latest) {
      throw new Error(
        `the database is at schema version ${current}, newer than this awscheck knows (${latest}); upgrade awscheck or point AWSCHECK_DB at another file`,
      );
    }
    for (const m of migrations.slice(current)) {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
      applied.push(m.version);
    }
  }).immediate();
  return applied;
}

export function openDatabase(path: string, migrations: readonly Migration[] = MIGRATIONS): SqliteDatabase {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    // WAL lets App Home read while the daily run writes; busy_timeout lets replicas on one file queue.
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    migrate(db, migrations);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}
