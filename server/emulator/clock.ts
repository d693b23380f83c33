/** Wall-clock time plus an offset that tests and demos move forward through the control API. */
export class Clock {
  offset = 0;
  now(): number {
    return Date.now() + this.offset;
  }
  advance(ms: number): void {
    this.offset += ms;
  }
}

/** RFC 3339, UTC, millisecond precision: the shape Google's JSON mapping emits. */
export function rfc3339(ms: number): string {
  return new Date(ms).toISOString();
}
