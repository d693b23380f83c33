import { formatDateTime, formatDuration, formatRelative } from '../../lib/format';
import { parseDurationSeconds } from '../../schemas/label-rules';
import type { Session } from '../../schemas/wire';

/** When the session became ACTIVE (the TTL counts from then), if it has. */
function activeSince(session: Session): string | undefined {
  return session.state === 'ACTIVE'
    ? session.stateTime
    : session.stateHistory?.find((h) => h.state === 'ACTIVE')?.stateStartTime;
}

/**
 * When the TTL ends an ACTIVE session at the latest (ISO), or undefined: not active, no TTL, or
 * unknown start. The idle TTL may end it sooner; only the service knows the last activity.
 */
export function expiryTime(session: Session): string | undefined {
  if (session.state !== 'ACTIVE') return undefined;
  const start = Date.parse(activeSince(session) ?? '');
  const ttl = parseDurationSeconds(session.environmentConfig?.executionConfig?.ttl ?? '');
  if (Number.isNaN(start) || ttl === undefined) return undefined;
  return new Date(start + ttl * 1000).toISOString();
}

/** "in 23 h 59 min" while ACTIVE with a TTL; '' otherwise. */
export function expiresIn(session: Session, now: number): string {
  const end = expiryTime(session);
  return end ? formatRelative(end, now) : '';
}

/**
 * One sentence on how the session's life ends, right for its state: nothing about expiry once it is
 * TERMINATING or has ended.
 */
export function lifetimeSentence(session: Session, now: number): string | undefined {
  const exec = session.environmentConfig?.executionConfig;
  const ttl = exec?.ttl ? formatDuration(exec.ttl) : undefined;
  const idle = exec?.idleTtl ? formatDuration(exec.idleTtl) : undefined;
  const idlePart = idle ? `after ${idle} without activity (idle TTL)` : undefined;
  switch (session.state) {
    case 'CREATING':
      if (ttl && idlePart)
        return `Once active, it ends after ${ttl} (TTL) at the latest, or sooner ${idlePart}.`;
      if (ttl) return `Once active, it ends after ${ttl} (TTL).`;
      if (idlePart) return `Once active, it ends ${idlePart}.`;
      return undefined;
    case 'ACTIVE': {
      const end = expiryTime(session);
      const at = end && `${formatDateTime(end)} (${formatRelative(end, now)})`;
      if (at && idlePart) return `It ends at ${at} at the latest (TTL ${ttl}), or sooner ${idlePart}.`;
      if (at) return `It ends at ${at} (TTL ${ttl}).`;
      if (idlePart) return `It ends ${idlePart}.`;
      return undefined;
    }
    default:
      return undefined;
  }
}
