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

/** Runs several configuration loaders and collects all their problems, so start-up names every one at once. */
export class ConfigProblems {
  private readonly problems: string[] = [];

  attempt<T>(load: () => T): T | undefined {
    try {
      return load();
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      this.problems.push(...err.problems);
      return undefined;
    }
  }

  /** Adds problems found without a ConfigError (a parse that reports and goes on). */
  add(problems: readonly string[]): void {
    this.problems.push(...problems);
  }

  /** Throws one ConfigError listing everything collected, if anything was. */
  throwIfAny(): void {
    if (this.problems.length > 0) throw new ConfigError(this.problems);
  }
}
