import { lookupProperty } from './json-property.js';
import type { RunscopeAssertion } from './runscope-format.js';
import { substitute, type Variables } from './template.js';

/** What a step's assertions and variable extractions look at. */
export interface ObservedResponse {
  status: number;
  headers: Readonly<Record<string, string>>;
  text: string;
  timeMs: number;
}

export interface CheckResult {
  description: string;
  passed: boolean;
  /** Why it failed: the value seen and what was expected. */
  message?: string;
}

const MISSING = Symbol('missing');
type Actual = unknown;

/** The value an assertion or variable `source` + `property` designates, or MISSING. */
export function readSource(response: ObservedResponse, source: string, property: string | null | undefined): Actual {
  switch (source) {
    case 'response_status':
      return response.status;
    case 'response_time':
      return response.timeMs;
    case 'response_size':
      return Buffer.byteLength(response.text);
    case 'response_text':
      return response.text;
    case 'response_headers': {
      const name = (property ?? '').toLowerCase();
      return Object.hasOwn(response.headers, name) ? response.headers[name] : MISSING;
    }
    case 'response_json': {
      let json: unknown;
      try {
        json = JSON.parse(response.text);
      } catch {
        return MISSING;
      }
      const value = lookupProperty(json, property);
      return value === undefined ? MISSING : value;
    }
    default:
      return MISSING;
  }
}

/** Runscope compares most values as text: `true` equals "true", 401 equals "401". */
export function asText(value: Actual): string {
  if (value === MISSING || value === undefined) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

function show(value: Actual): string {
  return value === MISSING || value === undefined ? '(absent)' : JSON.stringify(value);
}

function asNumber(value: Actual): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : undefined;
  }
  return undefined;
}

function isEmpty(value: Actual): boolean {
  if (value === MISSING || value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

function contains(value: Actual, expected: string): boolean {
  if (typeof value === 'string') return value.includes(expected);
  if (Array.isArray(value)) return value.some((element) => asText(element).includes(expected));
  if (value === MISSING || value === undefined) return false;
  return asText(value).includes(expected);
}

function hasValue(value: Actual, expected: string): boolean {
  if (Array.isArray(value)) return value.some((element) => asText(element) === expected);
  if (typeof value === 'object' && value !== null) return Object.values(value).some((element) => asText(element) === expected);
  return false;
}

function numeric(value: Actual, expected: string, test: (a: number, b: number) => boolean): boolean {
  const a = asNumber(value);
  const b = asNumber(expected);
  return a !== undefined && b !== undefined && test(a, b);
}

const COMPARISONS: Record<string, (value: Actual, expected: string) => boolean> = {
  equal: (value, expected) => value !== MISSING && asText(value) === expected,
  not_equal: (value, expected) => asText(value) !== expected,
  empty: (value) => isEmpty(value),
  not_empty: (value) => !isEmpty(value),
  contains: (value, expected) => contains(value, expected),
  does_not_contain: (value, expected) => !contains(value, expected),
  // Stricter than "parses as a number": Okta requires real JSON integers for paging fields.
  is_a_number: (value) => typeof value === 'number' && Number.isFinite(value),
  equal_number: (value, expected) => numeric(value, expected, (a, b) => a === b),
  is_less_than: (value, expected) => numeric(value, expected, (a, b) => a < b),
  is_less_than_or_equal: (value, expected) => numeric(value, expected, (a, b) => a <= b),
  is_greater_than: (value, expected) => numeric(value, expected, (a, b) => a > b),
  is_greater_than_or_equal: (value, expected) => numeric(value, expected, (a, b) => a >= b),
  has_key: (value, expected) => typeof value === 'object' && value !== null && !Array.isArray(value) && Object.hasOwn(value, expected),
  has_value: (value, expected) => hasValue(value, expected),
  is_null: (value) => value === null,
};

export const SUPPORTED_COMPARISONS: readonly string[] = Object.keys(COMPARISONS);

const SOURCE_LABELS: Record<string, string> = {
  response_status: 'status',
  response_time: 'response time (ms)',
  response_size: 'response size',
  response_text: 'body',
  response_headers: 'header',
  response_json: 'JSON',
};

export function describeAssertion(assertion: RunscopeAssertion, expected: string | undefined): string {
  const source = SOURCE_LABELS[assertion.source] ?? assertion.source;
  const property = assertion.property ? ` ${assertion.property}` : '';
  const value = expected !== undefined && expected !== '' ? ` ${JSON.stringify(expected)}` : '';
  return `${source}${property} ${assertion.comparison.replaceAll('_', ' ')}${value}`;
}

/** Evaluates one Runscope assertion against a response; `{{variables}}` in its value are resolved first. */
export function evaluateAssertion(assertion: RunscopeAssertion, response: ObservedResponse, variables: Variables): CheckResult {
  const expected = assertion.value === null || assertion.value === undefined ? undefined : substitute(String(assertion.value), variables).text;
  const description = describeAssertion(assertion, expected);
  const compare = COMPARISONS[assertion.comparison];
  if (compare === undefined) return { description, passed: false, message: `unsupported comparison "${assertion.comparison}"` };
  if (!(assertion.source in SOURCE_LABELS)) return { description, passed: false, message: `unsupported source "${assertion.source}"` };
  const actual = readSource(response, assertion.source, assertion.property);
  if (compare(actual, expected ?? '')) return { description, passed: true };
  const notJson = assertion.source === 'response_json' && actual === MISSING && !isJson(response.text);
  const message = notJson ? `the body is not JSON: ${truncate(response.text)}` : `got ${truncate(show(actual))}`;
  return { description, passed: false, message };
}

/** The value a step `variables[]` entry extracts, as text; undefined when the response has none. */
export function extractVariable(source: string, property: string | null | undefined, response: ObservedResponse): string | undefined {
  const value = readSource(response, source, property);
  return value === MISSING ? undefined : asText(value);
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function truncate(text: string, max = 300): string {
  return text.length > max ? `${text.slice(0, max)}...` : text;
}
