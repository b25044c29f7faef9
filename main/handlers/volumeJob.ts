/**
 * The one 年度总目录/合订本 job a host runs at a time, and how volume.cancel reaches it. The host (Electron
 * main, the web bridge) owns one for its life (HandlerDeps.volumeJob) and stops it when it exits, which
 * cancels a job still running; nothing lives at module level, so two hosts never refuse or cancel each
 * other's jobs.
 */
import { AppError } from '../../common/errors';

export class VolumeJob {
  private running: AbortController | null = null;

  get busy(): boolean {
    return this.running !== null;
  }

  /** Run `fn` as the job; refused with one sentence while another runs. */
  async run<T>(fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (this.running) throw new AppError('running', '已有年度总目录或合订本正在生成，请等它完成或取消后再试 (another one is running)');
    const controller = new AbortController();
    this.running = controller;
    try {
      return await fn(controller.signal);
    } finally {
      if (this.running === controller) this.running = null;
    }
  }

  /** Ask the running job to stop at its next step; false when none runs. */
  cancel(): boolean {
    if (!this.running) return false;
    this.running.abort();
    return true;
  }

  /** The host is stopping: cancel the running job, if any. */
  stop(): void {
    this.cancel();
  }
}
