import { join } from 'node:path';

export const CALL_LOG_DIR = join(import.meta.dirname, '..', '..', 'node_modules', '.cache', 'awscheck-aws-calls');
