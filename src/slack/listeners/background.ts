// Work that runs after ack(): Slack gets its answer at once, the scan goes on here. Failures are logged,
// never thrown into Bolt; idle() lets tests and shutdown wait for what is still running.
export class BackgroundTasks {
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly onError: (err: unknown) => void) {}

  run(work: () => Promise<void>): void {
    const task = (async () => {
      try {
        await work();
      } catch (err) {
        this.onError(err);
      }
    })();
    this.running.add(task);
    void task.finally(() => this.running.delete(task));
  }

  /** Resolves when every task started so far (and any they started) has finished. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }
}
