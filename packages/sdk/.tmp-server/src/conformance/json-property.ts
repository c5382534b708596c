// Runscope's `property` paths: `Resources[0].name.familyName`, `schemas`, `emails.0.value`,
// and a quoted bracket for keys that hold dots (`["urn:...:2.0:User"].manager`).

type Segment = string | number;

function parsePath(path: string): Segment[] | undefined {
  const segments: Segment[] = [];
  let i = 0;
  let name = '';
  const flushName = () => {
    if (name !== '') segments.push(/^\d+$/.test(name) ? Number(name) : name);
    name = '';
  };
  while (i < path.length) {
    const char = path[i]!;
    if (char === '.') {
      flushName();
      i++;
    } else if (char === '[') {
      flushName();
      const close = path.indexOf(']', i);
      if (close === -1) return undefined;
      const inner = path.slice(i + 1, close).trim();
      const quoted = /^(["'])(.*)\1$/.exec(inner);
      if (quoted) segments.push(quoted[2]!);
      else if (/^\d+$/.test(inner)) segments.push(Number(inner));
      else return undefined;
      i = close + 1;
    } else {
      name += char;
      i++;
    }
  }
  flushName();
  return segments;
}

/** The value at `path` in a parsed JSON document, or `undefined` when there is none. */
export function lookupProperty(json: unknown, path: string | null | undefined): unknown {
  if (path === undefined || path === null || path.trim() === '') return json;
  const segments = parsePath(path.trim());
  if (segments === undefined) return undefined;
  let current: unknown = json;
  for (const segment of segments) {
    if (Array.isArray(current)) {
      if (typeof segment !== 'number') return undefined;
      current = current[segment];
    } else if (typeof current === 'object' && current !== null) {
      const key = String(segment);
      if (!Object.hasOwn(current, key)) return undefined;
      current = (current as Record<string, unknown>)[key];
    } else {
      return undefined;
    }
  }
  return current;
}
