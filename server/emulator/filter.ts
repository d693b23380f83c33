import { parseTimestamp } from './timestamps';
import { LABEL_KEY } from '../../src/schemas/rules';
import { BAD_REQUEST_TYPE_URL } from '../../src/schemas/wire';
import { RpcError } from './errors';
import { LIMITS } from './limits';

/**
 * The AIP-160 list filter, parsed once and compiled to a parameterised SQL condition, so that
 * filtering 10,000 sessions runs inside SQLite rather than over every row in JavaScript.
 *
 * Grammar (AIP-160; OR binds tighter than AND; juxtaposition is AND):
 *   expression  = sequence { AND sequence }
 *   sequence    = factor { factor }
 *   factor      = term { OR term }
 *   term        = [ NOT | "-" ] simple
 *   simple      = "(" expression ")" | restriction
 *   restriction = member ( "=" | "!=" | "<" | "<=" | ">" | ">=" | ":" ) value
 * Keywords AND / OR / NOT are accepted in either case: Google's own Dataproc example writes `and`.
 * Bounded (limits.ts): its length, the nesting of parentheses and NOT, and the number of
 * comparisons, so every filter is parsed in linear time, within the stack and within SQLite's
 * expression depth; anything beyond is 400 with a position.
 */

export type FieldKind = 'string' | 'enum' | 'timestamp';
export interface FilterField {
  column: string;
  kind: FieldKind;
  values?: readonly string[];
}
export interface FilterFields {
  fields: Record<string, FilterField>;
  /** JSON column holding the labels map, for `labels.<key>`. */
  labelsColumn: string;
}

export interface CompiledFilter {
  sql: string;
  params: (string | number)[];
}

type Token =
  | { type: 'word' | 'string'; text: string; pos: number }
  | { type: 'op'; text: '=' | '!=' | '<' | '<=' | '>' | '>=' | ':'; pos: number }
  | { type: '(' | ')' | '-'; pos: number }
  | { type: 'end'; pos: number };

function filterError(message: string, pos: number): RpcError {
  return new RpcError('INVALID_ARGUMENT', `Invalid filter at position ${pos + 1}: ${message}`, [
    {
      '@type': BAD_REQUEST_TYPE_URL,
      fieldViolations: [{ field: 'filter', description: `${message} (at position ${pos + 1})` }],
    },
  ]);
}

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i]!;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '(' || ch === ')') {
      tokens.push({ type: ch, pos: i++ });
    } else if (ch === '"' || ch === "'") {
      const start = i++;
      let text = '';
      while (i < input.length && input[i] !== ch) {
        if (input[i] === '\\' && i + 1 < input.length) i++;
        text += input[i++];
      }
      if (i >= input.length) throw filterError('unterminated string', start);
      i++;
      tokens.push({ type: 'string', text, pos: start });
    } else if ('=!<>:'.includes(ch)) {
      const two = input.slice(i, i + 2);
      if (two === '!=' || two === '<=' || two === '>=') {
        tokens.push({ type: 'op', text: two, pos: i });
        i += 2;
      } else if (ch === '!') {
        throw filterError("'!' must be followed by '='", i);
      } else {
        tokens.push({ type: 'op', text: ch as '=' | '<' | '>' | ':', pos: i++ });
      }
    } else if (
      ch === '-' &&
      (tokens.length === 0 ||
        !['word', 'string'].includes(tokens[tokens.length - 1]!.type) ||
        /\s/.test(input[i - 1] ?? ' '))
    ) {
      // A minus that starts a term negates it; inside a word (my-session) it is part of the word.
      const next = input[i + 1];
      if (next !== undefined && /[A-Za-z_(]/.test(next)) tokens.push({ type: '-', pos: i++ });
      else i = readWord(input, i, tokens);
    } else {
      i = readWord(input, i, tokens);
    }
  }
  tokens.push({ type: 'end', pos: input.length });
  return tokens;
}

function readWord(input: string, start: number, tokens: Token[]): number {
  let i = start;
  while (i < input.length && /[^\s()"'=!<>:]/.test(input[i]!)) i++;
  if (i === start) throw filterError(`unexpected character '${input[start]}'`, start);
  tokens.push({ type: 'word', text: input.slice(start, i), pos: start });
  return i;
}

type Node =
  | { kind: 'and'; parts: Node[] }
  | { kind: 'or'; parts: Node[] }
  | { kind: 'not'; part: Node }
  | {
      kind: 'cmp';
      member: string;
      memberPos: number;
      op: string;
      value: string;
      valuePos: number;
      quoted: boolean;
    };

function keyword(token: Token, word: string): boolean {
  return token.type === 'word' && token.text.toUpperCase() === word;
}

class Parser {
  private i = 0;
  private depth = 0;
  private comparisons = 0;
  constructor(private readonly tokens: Token[]) {}
  /** Enters one level of parentheses or negation, refusing past the nesting limit. */
  private nest<T>(pos: number, inner: () => T): T {
    if (++this.depth > LIMITS.filterDepth)
      throw filterError(`parentheses and NOT may be nested at most ${LIMITS.filterDepth} deep`, pos);
    const result = inner();
    this.depth--;
    return result;
  }
  private peek(): Token {
    return this.tokens[this.i]!;
  }
  parse(): Node {
    const node = this.expression();
    const t = this.peek();
    if (t.type !== 'end')
      throw filterError(
        t.type === ')' ? "unmatched ')'" : 'expected AND, OR or the end of the filter',
        t.pos,
      );
    return node;
  }
  private expression(): Node {
    const parts = [this.sequence()];
    while (keyword(this.peek(), 'AND')) {
      this.i++;
      parts.push(this.sequence());
    }
    return parts.length === 1 ? parts[0]! : { kind: 'and', parts };
  }
  private sequence(): Node {
    const parts = [this.factor()];
    for (;;) {
      const t = this.peek();
      if (t.type === 'end' || t.type === ')' || keyword(t, 'AND')) break;
      parts.push(this.factor());
    }
    return parts.length === 1 ? parts[0]! : { kind: 'and', parts };
  }
  private factor(): Node {
    const parts = [this.term()];
    while (keyword(this.peek(), 'OR')) {
      this.i++;
      parts.push(this.term());
    }
    return parts.length === 1 ? parts[0]! : { kind: 'or', parts };
  }
  private term(): Node {
    const t = this.peek();
    if (keyword(t, 'NOT') || t.type === '-') {
      this.i++;
      return { kind: 'not', part: this.nest(t.pos, () => this.simple()) };
    }
    return this.simple();
  }
  private simple(): Node {
    const t = this.peek();
    if (t.type === '(') {
      this.i++;
      const inner = this.nest(t.pos, () => this.expression());
      const close = this.peek();
      if (close.type !== ')') throw filterError("expected ')'", close.pos);
      this.i++;
      return inner;
    }
    if (t.type !== 'word' || ['AND', 'OR', 'NOT'].includes(t.text.toUpperCase()))
      throw filterError(
        t.type === 'end' ? 'expected a field name, the filter ends too early' : 'expected a field name',
        t.pos,
      );
    if (++this.comparisons > LIMITS.filterComparisons)
      throw filterError(`a filter may have at most ${LIMITS.filterComparisons} comparisons`, t.pos);
    this.i++;
    const op = this.peek();
    if (op.type !== 'op')
      throw filterError(`expected a comparison after '${t.text}' (=, !=, <, <=, >, >= or :)`, op.pos);
    this.i++;
    const value = this.peek();
    if (value.type !== 'word' && value.type !== 'string')
      throw filterError(`expected a value after '${op.text}'`, value.pos);
    this.i++;
    return {
      kind: 'cmp',
      member: t.text,
      memberPos: t.pos,
      op: op.text,
      value: value.text,
      valuePos: value.pos,
      quoted: value.type === 'string',
    };
  }
}

const SQL_OPS: Record<string, string> = { '=': '=', '!=': '!=', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };

/**
 * The JSON path of one label key in the labels column. Only a valid label key can name a label, and
 * it has no character that means anything in a JSON path (quote, backslash, NUL, dot).
 */
function labelPath(key: string, pos: number): string {
  if (!LABEL_KEY.test(key))
    throw filterError(
      `"${JSON.stringify(key).slice(1, -1)}" is not a label key (a lowercase letter first, then lowercase letters, digits and hyphens)`,
      pos,
    );
  return `$."${key}"`;
}

function globPattern(value: string): string {
  return value.replace(/[?[\]]/g, (c) => `[${c}]`);
}

function compileNode(node: Node, spec: FilterFields, params: (string | number)[]): string {
  if (node.kind === 'and' || node.kind === 'or')
    return `(${node.parts.map((p) => compileNode(p, spec, params)).join(node.kind === 'and' ? ' AND ' : ' OR ')})`;
  if (node.kind === 'not') return `(NOT ${compileNode(node.part, spec, params)})`;
  // SQL comparisons with a missing label are NULL, and NOT NULL is NULL: make each one true or false.
  return `COALESCE(${compileComparison(node, spec, params)}, 0)`;
}

function compileComparison(
  node: Extract<Node, { kind: 'cmp' }>,
  spec: FilterFields,
  params: (string | number)[],
): string {
  const { member, op, value } = node;
  if (member === 'labels' && op === ':') {
    params.push(labelPath(value, node.valuePos));
    return `(json_extract(${spec.labelsColumn}, ?) IS NOT NULL)`;
  }
  if (member.startsWith('labels.')) {
    const key = member.slice('labels.'.length);
    if (!key) throw filterError('expected a label key after "labels."', node.memberPos);
    const path = labelPath(key, node.memberPos + 'labels.'.length);
    const column = `json_extract(${spec.labelsColumn}, ?)`;
    if (op === ':' && value === '*') {
      params.push(path);
      return `(${column} IS NOT NULL)`;
    }
    if (op === '!=') {
      params.push(path, path, value);
      return `(${column} IS NULL OR ${column} != ?)`;
    }
    return compareString(column, op === ':' ? '=' : op, value, params, [path]);
  }
  // The member is user input: only the spec's own fields count, never Object.prototype's.
  const field = Object.hasOwn(spec.fields, member) ? spec.fields[member] : undefined;
  if (!field)
    throw filterError(
      `unknown field '${member}'; filterable fields are ${[...Object.keys(spec.fields), 'labels.<key>'].join(', ')}`,
      node.memberPos,
    );
  const sqlOp = op === ':' ? '=' : op;
  if (field.kind === 'enum') {
    if (sqlOp !== '=' && sqlOp !== '!=')
      throw filterError(`${member} can only be compared with = or !=`, node.memberPos);
    if (!field.values?.includes(value))
      throw filterError(
        `${member} has no value '${value}'; expected one of ${field.values?.join(', ')}`,
        node.valuePos,
      );
    params.push(value);
    return `(${field.column} ${sqlOp} ?)`;
  }
  if (field.kind === 'timestamp') {
    const time = parseTimestamp(value);
    if (time === undefined)
      throw filterError(
        `${member} needs an RFC 3339 time in quotes, such as "2026-01-01T00:00:00Z"`,
        node.valuePos,
      );
    params.push(new Date(time).toISOString());
    return `(${field.column} ${SQL_OPS[sqlOp]} ?)`;
  }
  return compareString(field.column, sqlOp, value, params, []);
}

function compareString(
  column: string,
  op: string,
  value: string,
  params: (string | number)[],
  pre: string[],
): string {
  params.push(...pre);
  if (op === '=' && value.includes('*')) {
    params.push(globPattern(value));
    return `(${column} GLOB ?)`;
  }
  params.push(value);
  return `(${column} ${SQL_OPS[op]} ?)`;
}

/** Parses and compiles a filter; an empty filter matches everything. Throws INVALID_ARGUMENT. */
export function compileFilter(filter: string, spec: FilterFields): CompiledFilter {
  if (filter.length > LIMITS.filterChars)
    throw filterError(`a filter may have at most ${LIMITS.filterChars} characters`, LIMITS.filterChars);
  if (filter.trim() === '') return { sql: '1', params: [] };
  const ast = new Parser(tokenize(filter)).parse();
  const params: (string | number)[] = [];
  return { sql: compileNode(ast, spec, params), params };
}
