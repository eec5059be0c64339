// One error that lists every configuration problem, each naming the key, the bad value and the expected form.
export class ConfigError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(
      problems.length === 1
        ? `Configuration error: ${problems[0] ?? ''}`
        : `Configuration errors:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** Shows a bad value without ever echoing a secret in full. */
export function showValue(value: unknown, secret = false): string {
  if (value === undefined) return '(not set)';
  if (secret) return '(hidden)';
  const text = JSON.stringify(value) ?? typeof value;
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
