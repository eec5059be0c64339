// Errors as the SDK's deserializers would raise them: `name` is the AWS error code, `$fault` and
// `$metadata.httpStatusCode` drive the SDK's retry decisions, `$response.headers` carries what some
// middlewares read (S3's x-amz-bucket-region).
export class FakeAwsError extends Error {
  readonly $fault: 'client' | 'server';
  readonly $metadata: { httpStatusCode: number; requestId: string };
  readonly $response: { statusCode: number; headers: Record<string, string> };
  readonly Code: string;

  constructor(code: string, message: string, status = 400, headers: Record<string, string> = {}) {
    super(message);
    this.name = code;
    this.Code = code;
    this.$fault = status >= 500 ? 'server' : 'client';
    this.$metadata = { httpStatusCode: status, requestId: 'fake-request' };
    this.$response = { statusCode: status, headers };
  }
}

/** The command has no handler: say which, so a new collector's missing fake is obvious. */
export class UnknownCommandError extends Error {
  constructor(client: string, command: string) {
    super(`fake AWS has no handler for ${client} ${command}; add one in test/fake-aws/handlers/`);
    this.name = 'UnknownCommandError';
  }
}
