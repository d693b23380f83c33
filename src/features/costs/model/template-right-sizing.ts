import type { SparkProperties, Tier } from '../../../lib/cost';
import type { ResolvedPrices } from '../../../schemas/prices';
import type { ExecutorSummary } from '../../../schemas/spark';
import { rightSize, type RightSizingRule, type RightSizingSuggestion } from './right-sizing';

/** How many of a template's newest sessions its right-sizing reads (each costs a few Spark API calls). */
export const TEMPLATE_RIGHT_SIZING_SESSIONS = 10;

/**
 * Properties that decide a session's size (what the DCU rules and the right-sizing rules read). A
 * session that sets one of these to something else than its template ran another shape, so its
 * metrics say nothing about the template's values.
 */
const SIZING_PREFIXES = ['spark.driver.', 'spark.executor.', 'spark.dynamicAllocation.'];
const isSizing = (key: string) => SIZING_PREFIXES.some((prefix) => key.startsWith(prefix));

export interface TemplateSessionMetrics {
  /** The session's ID, to cite. */
  sessionId: string;
  /** The session's Spark properties as the API returns them. */
  properties: SparkProperties;
  /** Its executors from the Spark executors API, active and removed. */
  executors: readonly ExecutorSummary[];
}

export interface SessionSuggestion {
  sessionId: string;
  suggestion: RightSizingSuggestion;
}

export interface TemplateRightSizingSuggestion extends RightSizingSuggestion {
  /** Every session that had the metric made this suggestion; each one's own, in session order. */
  perSession: SessionSuggestion[];
  /** The session whose (most cautious) value the template suggestion takes. */
  fromSession: string;
}

export interface TemplateRightSizingResult {
  suggestions: TemplateRightSizingSuggestion[];
  /** A rule some sessions backed but another session with the same metric did not: nothing suggested. */
  heldBack: string[];
  /** Per session, the metrics it lacked (never a guess instead). */
  missingMetrics: string[];
  /** Sessions left out because they set their own sizing properties. */
  ownSizing: { sessionId: string; properties: string[] }[];
  /** Sessions whose metrics were judged. */
  sessionsJudged: string[];
}

export interface TemplateRightSizingInput {
  templateProperties: SparkProperties;
  sessions: readonly TemplateSessionMetrics[];
  prices: ResolvedPrices;
  now: number;
  tier?: Tier;
}

/** Sizing properties the session sets differently from its template. */
function ownSizingProperties(template: SparkProperties, session: SparkProperties): string[] {
  return Object.keys(session)
    .filter((key) => isSizing(key) && session[key] !== template[key])
    .sort();
}

const keyOf = (rule: RightSizingRule, property: string) => `${rule} ${property}`;

/**
 * Leans towards keeping more: the largest new value (more memory, more executors; the cores rule's
 * value is the same for every session of one shape), then the smaller saving.
 */
function mostCautious(candidates: SessionSuggestion[]): SessionSuggestion {
  return [...candidates].sort(
    (a, b) =>
      parseFloat(b.suggestion.newValue) - parseFloat(a.suggestion.newValue) ||
      a.suggestion.savedPerHour - b.suggestion.savedPerHour,
  )[0]!;
}

/**
 * Right-sizing for a template over its recent sessions: the per-session rules (rightSize) run on
 * each session's executors with the template's properties beneath the session's own, and a change
 * is suggested for the template only when every session that had the rule's metric suggested it;
 * the template takes the most cautious of their values, and cites each session's numbers.
 */
export function rightSizeTemplate({
  templateProperties,
  sessions,
  prices,
  now,
  tier,
}: TemplateRightSizingInput): TemplateRightSizingResult {
  const judgedBy = new Map<string, string[]>();
  const suggestedBy = new Map<string, SessionSuggestion[]>();
  const missingMetrics: string[] = [];
  const ownSizing: TemplateRightSizingResult['ownSizing'] = [];
  const sessionsJudged: string[] = [];
  for (const session of sessions) {
    const own = ownSizingProperties(templateProperties, session.properties);
    if (own.length) {
      ownSizing.push({ sessionId: session.sessionId, properties: own });
      continue;
    }
    sessionsJudged.push(session.sessionId);
    const result = rightSize({
      properties: { ...templateProperties, ...session.properties },
      executors: session.executors,
      prices,
      now,
      tier,
    });
    for (const { rule, property } of result.judged) {
      const key = keyOf(rule, property);
      judgedBy.set(key, [...(judgedBy.get(key) ?? []), session.sessionId]);
    }
    for (const suggestion of result.suggestions) {
      const key = keyOf(suggestion.rule, suggestion.property);
      suggestedBy.set(key, [...(suggestedBy.get(key) ?? []), { sessionId: session.sessionId, suggestion }]);
    }
    missingMetrics.push(...result.missingMetrics.map((m) => `${session.sessionId}: ${m}`));
  }

  const suggestions: TemplateRightSizingSuggestion[] = [];
  const heldBack: string[] = [];
  for (const [key, judges] of judgedBy) {
    const backers = suggestedBy.get(key) ?? [];
    if (!backers.length) continue;
    const { property } = backers[0]!.suggestion;
    if (backers.length < judges.length) {
      const against = judges.filter((id) => !backers.some((b) => b.sessionId === id));
      heldBack.push(
        `${property}: ${backers.length} of ${judges.length} sessions with the metric would change it, but ${against.join(
          ', ',
        )} showed nothing to cut, so no change is suggested`,
      );
      continue;
    }
    const chosen = mostCautious(backers);
    suggestions.push({
      ...chosen.suggestion,
      evidence: `all ${judges.length} session${judges.length === 1 ? '' : 's'} with the metric suggest it; the most cautious value is ${chosen.sessionId}'s: ${chosen.suggestion.evidence}`,
      perSession: backers,
      fromSession: chosen.sessionId,
    });
  }
  return {
    suggestions: suggestions.sort((a, b) => b.savedPerHour - a.savedPerHour),
    heldBack,
    missingMetrics,
    ownSizing,
    sessionsJudged,
  };
}
