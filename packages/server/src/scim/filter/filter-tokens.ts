// The tokens of a SCIM filter (RFC 7644 section 3.4.2.2), read by us and handed to
// scim2-parse-filter's grammar (see parse-filter.ts for why its own tokenizer is not used).
// Every comparison value becomes a placeholder, so the value's text and quoting survive untouched.

import type { Token } from 'scim2-parse-filter/lib/src/parser.js';
import { badRequest, fail, ok, type Result } from '../scim-error.js';
import { COMPARE_OPERATORS } from './filter-node.js';

export const invalidFilter = (detail: string): Result<never> => fail(badRequest('invalidFilter', detail));

/** A comparison value as written: quoted (a JSON string, decoded) or a bare word. */
export interface RawValue {
  quoted: boolean;
  text: string;
  source: string;
}

export interface Tokenized {
  tokens: Token[];
  values: RawValue[];
}

const EOT: Token = { type: 'EOT', literal: '' };
const OPERATORS = new Set<string>(COMPARE_OPERATORS);
const PLACEHOLDER_MARK = '\u0001';

export function tokenize(text: string): Result<Tokenized> {
  const tokens: Token[] = [];
  const values: RawValue[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text.charAt(i);
    if (/\s/.test(char)) {
      i += 1;
    } else if (char === '(' || char === ')' || char === '[') {
      tokens.push({ type: 'Bracket', literal: char });
      i += 1;
    } else if (char === ']') {
      // The library marks "a sub-attribute follows" with a `].` token.
      const dotted = text.charAt(i + 1) === '.';
      tokens.push({ type: 'Bracket', literal: dotted ? '].' : ']' });
      i += dotted ? 2 : 1;
    } else if (char === '"') {
      const end = closingQuote(text, i);
      if (end < 0) return invalidFilter(`The quoted value starting at character ${i + 1} is never closed.`);
      tokens.push({ type: 'Quoted', literal: text.slice(i, end + 1) });
      i = end + 1;
    } else {
      let end = i;
      while (end < text.length && !/[\s()[\]"]/.test(text.charAt(end))) end += 1;
      tokens.push({ type: 'Word', literal: text.slice(i, end) });
      i = end;
    }
  }
  tokens.push(EOT);

  // The token after `attrPath op` is a comparison value: hand the parser a placeholder for it.
  for (let index = 2; index < tokens.length; index += 1) {
    const value = tokens[index];
    const operator = tokens[index - 1];
    const attribute = tokens[index - 2];
    if (!value || !operator || !attribute) continue;
    if (attribute.type !== 'Word' || operator.type !== 'Word' || !OPERATORS.has(operator.literal.toLowerCase())) continue;
    if (value.type !== 'Word' && value.type !== 'Quoted') {
      return invalidFilter(`"${attribute.literal} ${operator.literal}" must be followed by a value.`);
    }
    const quoted = value.type === 'Quoted';
    const raw = value.literal;
    values.push({ quoted, text: quoted ? decodeJsonString(raw.slice(1, -1)) : raw, source: raw });
    tokens[index] = { type: 'Quoted', literal: JSON.stringify(`${PLACEHOLDER_MARK}${values.length - 1}`) };
  }
  return ok({ tokens, values });
}

function closingQuote(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i += 1) {
    const char = text.charAt(i);
    if (char === '\\') i += 1;
    else if (char === '"') return i;
  }
  return -1;
}

const JSON_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** JSON string escapes (RFC 7159 section 7); an unknown escape keeps its backslash, as LDAP-style values need. */
function decodeJsonString(body: string): string {
  return body.replace(/\\(u[0-9a-fA-F]{4}|.)/gs, (match, escape: string) => {
    if (escape.length === 5) return String.fromCharCode(Number.parseInt(escape.slice(1), 16));
    return JSON_ESCAPES[escape] ?? match;
  });
}

/**
 * `attr[filter].sub op value` -> `attr[(filter) and sub op value]`: one element must satisfy both,
 * which is what Entra means by `emails[type eq "work"].value eq "x"` (RFC 7644 section 3.5.2 gives
 * `valuePath.subAttr` this meaning in PATCH paths).
 */
export function rewriteSubAttributeAfterValuePath(input: Token[]): Result<Token[]> {
  const tokens: Token[] = [];
  const openBrackets: number[] = [];
  for (let index = 0; index < input.length; index += 1) {
    const token = input[index];
    if (!token) continue;
    if (token.type === 'Bracket' && token.literal === '[') openBrackets.push(tokens.length);
    if (token.type !== 'Bracket' || !token.literal.startsWith(']')) {
      tokens.push(token);
      continue;
    }
    const open = openBrackets.pop();
    if (token.literal === ']') {
      tokens.push(token);
      continue;
    }
    const sub = input[index + 1];
    const operator = input[index + 2];
    if (open === undefined || sub?.type !== 'Word' || operator?.type !== 'Word') {
      return invalidFilter('After "]." the filter must name a sub-attribute and an operator, as in emails[type eq "work"].value eq "x".');
    }
    const operatorName = operator.literal.toLowerCase();
    const value = input[index + 3];
    let tail: Token[];
    if (operatorName === 'pr') tail = [sub, operator];
    else if (OPERATORS.has(operatorName) && value?.type === 'Quoted') tail = [sub, operator, value];
    else return invalidFilter(`"${operator.literal}" after "].${sub.literal}" is not a SCIM operator with a value.`);
    tokens.splice(open + 1, 0, { type: 'Bracket', literal: '(' });
    tokens.push({ type: 'Bracket', literal: ')' }, { type: 'Word', literal: 'and' }, ...tail, { type: 'Bracket', literal: ']' });
    index += tail.length;
  }
  return ok(tokens);
}

export function placeholderIndex(value: unknown): number | undefined {
  if (typeof value !== 'string' || !value.startsWith(PLACEHOLDER_MARK)) return undefined;
  return Number(value.slice(PLACEHOLDER_MARK.length));
}

export function describeToken(token: Token, values: RawValue[]): string {
  const index = placeholderIndex(safeJsonParse(token.literal));
  const text = index === undefined ? token.literal : (values[index]?.source ?? token.literal);
  return text.startsWith('"') ? text : `"${text}"`;
}

function safeJsonParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function restorePlaceholders(message: string, values: RawValue[]): string {
  return message.replace(/"\\u0001(\d+)"/g, (match, index: string) => values[Number(index)]?.source ?? match);
}
