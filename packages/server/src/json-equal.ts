/** Deep equality of JSON values, ignoring key order (jsonb returns keys in its own order). Iterative: any depth. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  const pairs: [unknown, unknown][] = [[a, b]];
  for (let pair = pairs.pop(); pair !== undefined; pair = pairs.pop()) {
    const [left, right] = pair;
    if (left === right) continue;
    if (typeof left !== 'object' || typeof right !== 'object' || left === null || right === null) return false;
    if (Array.isArray(left) !== Array.isArray(right)) return false;
    if (Array.isArray(left) && Array.isArray(right)) {
      if (left.length !== right.length) return false;
      left.forEach((item, index) => pairs.push([item, right[index]]));
      continue;
    }
    const leftObject = left as Record<string, unknown>;
    const rightObject = right as Record<string, unknown>;
    const keys = Object.keys(leftObject);
    if (keys.length !== Object.keys(rightObject).length) return false;
    for (const key of keys) {
      if (!Object.hasOwn(rightObject, key)) return false;
      pairs.push([leftObject[key], rightObject[key]]);
    }
  }
  return true;
}
