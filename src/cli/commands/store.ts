// `awscheck store`: the DynamoDB store's table.
//   store init [--db URL]             create the table (on-demand, point-in-time recovery, TTL); safe to rerun
//   store copy --from FILE --to URL   copy a SQLite store's history, risks and audit trail into the table;
//                                     safe to rerun after an interruption
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { ConfigError } from '../../config/errors.ts';
import { storeConfig } from '../../config/configuration.ts';
import { type DynamoDbLocation, parseDynamoDbUrl } from '../../config/environment.ts';
import { copySqliteToDynamoDb, CopyError } from '../../store/dynamodb/copy.ts';
import { initTable, TableMismatchError } from '../../store/dynamodb/init.ts';
import { DYNAMODB_TABLE } from '../../store/dynamodb/table.ts';
import { type CommandIo, CliExit, EXIT } from '../io.ts';

function dynamoDbUrl(flag: string, value: string | undefined): DynamoDbLocation {
  const location = value ? parseDynamoDbUrl(value.trim()) : undefined;
  if (!location) {
    throw new CliExit(
      EXIT.usage,
      `awscheck: ${flag}: got ${JSON.stringify(value ?? '')}; expected dynamodb://TABLE (optionally ?region=REGION), or AWSCHECK_DB set to one.`,
    );
  }
  return location;
}

const where = (l: DynamoDbLocation) => `dynamodb://${l.table}${l.region ? ` in ${l.region}` : ''}`;

export function register(program: Command, io: CommandIo): void {
  const store = program.command('store').description('the DynamoDB store: create its table, copy a SQLite store into it');
  store
    .command('init')
    .description('create the DynamoDB table (on-demand capacity, point-in-time recovery, TTL); safe to run again')
    .option('--db <url>', 'dynamodb://TABLE[?region=REGION] (default: AWSCHECK_DB)')
    .action(async (flags: { db?: string }) => {
      const location = dynamoDbUrl('--db', flags.db ?? io.environment.AWSCHECK_DB);
      try {
        const outcome = await initTable(location);
        io.stdout.write(
          `${outcome.created ? 'Created' : 'Checked'} ${where(location)}: keys ${DYNAMODB_TABLE.partitionKey.name}/${DYNAMODB_TABLE.sortKey.name}, indexes ${DYNAMODB_TABLE.globalSecondaryIndexes.map((i) => i.indexName).join(', ')}, on-demand, point-in-time recovery on, TTL on ${DYNAMODB_TABLE.timeToLiveAttribute}.\n`,
        );
      } catch (err) {
        if (err instanceof TableMismatchError) throw new CliExit(EXIT.usage, `awscheck: ${err.message}`);
        throw new CliExit(EXIT.unavailable, `awscheck: could not create ${where(location)}: ${(err as Error).message}`);
      }
    });
  store
    .command('copy')
    .description('copy scans, reports, slots, fix requests, risks, snapshots and the audit trail from SQLite to DynamoDB; safe to run again')
    .requiredOption('--from <file>', 'the SQLite file, e.g. ./data/awscheck.db')
    .option('--to <url>', 'dynamodb://TABLE[?region=REGION] (default: AWSCHECK_DB)')
    .action(async (flags: { from: string; to?: string }) => {
      const to = dynamoDbUrl('--to', flags.to ?? io.environment.AWSCHECK_DB);
      // Copied scans and reports get the TTL the bot would give them.
      const { retentionDays } = storeConfig(io.environment, io.cwd);
      try {
        const report = await copySqliteToDynamoDb({
          from: resolve(io.cwd, flags.from),
          to,
          retentionDays,
          progress: (line) => io.stderr.write(`${line}\n`),
        });
        const copied = Object.values(report).reduce((n, c) => n + c.copied, 0);
        io.stdout.write(`Copied ${copied} records to ${where(to)}; run again any time, it copies only what is missing.\n`);
      } catch (err) {
        if (err instanceof ConfigError) throw err;
        if (err instanceof CopyError) throw new CliExit(EXIT.usage, `awscheck: ${err.message}`);
        throw new CliExit(EXIT.unavailable, `awscheck: the copy stopped: ${(err as Error).message}. Run the same command again to finish it.`);
      }
    });
}
