import { z } from 'zod';
import { RpcError, rpcStatusForHttp } from './errors';

/** A fault the control API arms: the next `count` requests whose path contains `path` fail or wait. */
export const FaultSpec = z.strictObject({
  path: z.string().min(1).max(1024),
  method: z.string().max(16).optional(),
  status: z.number().int().min(400).max(599).optional(),
  message: z.string().max(4096).optional(),
  delayMs: z.number().int().min(0).max(60_000).optional(),
  count: z.number().int().min(1).max(10_000).default(1),
  /** 'before': fail without handling the request. 'after': handle it, then lose the response (a
   * dropped connection), which is what makes a client retry a request that already succeeded. */
  phase: z.enum(['before', 'after']).default('before'),
});
export type FaultSpec = z.infer<typeof FaultSpec>;

const MAX_ARMED = 100;

export class Faults {
  private armed: FaultSpec[] = [];

  add(spec: FaultSpec): void {
    if (this.armed.length >= MAX_ARMED)
      throw new RpcError('RESOURCE_EXHAUSTED', `At most ${MAX_ARMED} faults can be armed at once.`);
    this.armed.push({ ...spec });
  }
  clear(): void {
    this.armed = [];
  }
  list(): FaultSpec[] {
    return this.armed;
  }

  /**
   * Consumes the first fault of this phase that matches, waiting for its delay; throws when it is
   * a failure.
   */
  async apply(method: string, path: string, phase: 'before' | 'after'): Promise<void> {
    const fault = this.armed.find(
      (f) => f.phase === phase && path.includes(f.path) && (!f.method || f.method.toUpperCase() === method),
    );
    if (!fault) return;
    fault.count -= 1;
    if (fault.count <= 0) this.armed = this.armed.filter((f) => f !== fault);
    if (fault.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    if (fault.status) {
      const status = rpcStatusForHttp(fault.status);
      throw new RpcError(status, fault.message ?? `Injected fault: ${status}.`, [], fault.status);
    }
  }
}
