// Walks over JSON a client sent, with an explicit stack instead of recursion: however deep a
// value nests, a walk costs heap, never the call stack (a recursive walk over a body nested
// 5,000 levels deep overflowed it). Bodies are also refused past MAX_JSON_DEPTH (json-depth.ts);
// these walks do not rely on it.

/** A value inside a JSON document, with the key that leads to it from its parent. */
export interface JsonNode {
  value: unknown;
  key: string | number | undefined;
  parent: JsonNode | undefined;
}

function children(node: JsonNode): JsonNode[] {
  const { value } = node;
  if (Array.isArray(value)) return value.map((item, index) => ({ value: item, key: index, parent: node }));
  if (typeof value !== 'object' || value === null) return [];
  return Object.keys(value).map((key) => ({ value: (value as Record<string, unknown>)[key], key, parent: node }));
}

/**
 * The first node, in document order (a container before its contents, keys in order), for which
 * `predicate` holds; undefined when none does. A predicate that never holds visits every node.
 */
export function findJsonNode(root: unknown, predicate: (node: JsonNode) => boolean): JsonNode | undefined {
  const stack: JsonNode[] = [{ value: root, key: undefined, parent: undefined }];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (predicate(node)) return node;
    const inner = children(node);
    for (let index = inner.length - 1; index >= 0; index--) stack.push(inner[index] as JsonNode);
  }
  return undefined;
}

/** The keys from the root to a node. */
export function jsonPath(node: JsonNode): (string | number)[] {
  const path: (string | number)[] = [];
  for (let at: JsonNode | undefined = node; at?.key !== undefined; at = at.parent) path.push(at.key);
  return path.reverse();
}

/**
 * A deep copy of a JSON value with each scalar passed through `mapScalar` and each object key
 * through `mapKey`. Keys are defined as own properties (never through an inherited setter such
 * as `__proto__`'s).
 */
export function copyJson(root: unknown, mapScalar: (value: unknown) => unknown = (value) => value, mapKey: (key: string) => string = (key) => key): unknown {
  const shell = (value: unknown): unknown => (Array.isArray(value) ? [] : typeof value === 'object' && value !== null ? {} : mapScalar(value));
  const copy = shell(root);
  const stack: { from: unknown; to: unknown }[] = [{ from: root, to: copy }];
  for (let pair = stack.pop(); pair !== undefined; pair = stack.pop()) {
    const { from, to } = pair;
    if (typeof from !== 'object' || from === null) continue;
    for (const key of Object.keys(from)) {
      const item = (from as Record<string, unknown>)[key];
      const itemCopy = shell(item);
      Object.defineProperty(to, Array.isArray(to) ? key : mapKey(key), { value: itemCopy, enumerable: true, writable: true, configurable: true });
      if (typeof item === 'object' && item !== null) stack.push({ from: item, to: itemCopy });
    }
  }
  return copy;
}
