import { z } from 'zod';
import { RpcError, rpcStatusForHttp } from './errors';

/** A fault the control API arms: the next `count` requests whose path contains `path` fail or wait. */
export const FaultSpec = z.object({
  path: z.string().min(1),
  method: z.string().optional(),
  status: z.number().int().min(400).max(599).optional(),
  message: z.string().optional(),
  delayMs: z.number().int().min(0).max(60_000).optional(),
  count: z.number().int().min(1).default(1),
});
export type FaultSpec = z.infer<typeof FaultSpec>;

export class Faults {
  private armed: FaultSpec[] = [];

  add(spec: FaultSpec): void {
    this.armed.push({ ...spec });
  }
  clear(): void {
    this.armed = [];
  }
  list(): FaultSpec[] {
    return this.armed;
  }

  /** Consumes the first fault that matches, waiting for its delay; throws when it is a failure. */
  async apply(method: string, path: string): Promise<void> {
    const fault = this.armed.find(
      (f) => path.includes(f.path) && (!f.method || f.method.toUpperCase() === method),
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
