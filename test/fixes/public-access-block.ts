// Block Public Access as S3 keeps it, for the account-level (S3 Control) and the bucket-level (S3) fix
// tests alike: the two APIs differ only in their clients and command classes.
import type { PublicAccessBlockConfiguration } from '@aws-sdk/client-s3';
import { type AnyStub, awsError } from './helpers.ts';

type Command = Parameters<AnyStub['on']>[0];

/** The three commands of one client: Get-, Put- and DeletePublicAccessBlockCommand. */
export interface PublicAccessBlockCommands {
  get: Command;
  put: Command;
  remove: Command;
}

export const ALL_ON = { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true };

/** A configuration (null: none at all) that Put and Delete really change; Get answers as AWS does. */
export function fakePublicAccessBlock(stub: AnyStub, commands: PublicAccessBlockCommands, initial: PublicAccessBlockConfiguration | null) {
  const state = { config: initial };
  stub.on(commands.get).callsFake(async () => {
    if (!state.config) throw awsError('NoSuchPublicAccessBlockConfiguration');
    return { PublicAccessBlockConfiguration: state.config };
  });
  stub.on(commands.put).callsFake(async (input: { PublicAccessBlockConfiguration: PublicAccessBlockConfiguration }) => {
    state.config = input.PublicAccessBlockConfiguration;
    return { $metadata: { requestId: 'req-put' } };
  });
  stub.on(commands.remove).callsFake(async () => {
    state.config = null;
    return { $metadata: { requestId: 'req-delete' } };
  });
  return state;
}
