/**
 * Jobs run one at a time, in order, a failed one not stopping the next: a host's queue of publishes
 * (HandlerDeps.publishQueue). It holds no resource, so a host has nothing to release; it is an object
 * only so that each host has its own and no queue lives at module level.
 */
export class JobQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(fn: () => Promise<T>): Promise<T> {
    const job = this.tail.then(fn, fn);
    this.tail = job.catch(() => undefined);
    return job;
  }
}
