/**
 * A seeded pseudo-random generator (sfc32, seeded through a string hash) so that a simulation
 * with the same `--seed` sends the same directory every time. Never used for secrets.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by weight; `weights` has one entry per item. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T;
  /** `count` distinct items, in random order (partial Fisher-Yates). */
  sample<T>(items: readonly T[], count: number): T[];
  shuffle<T>(items: readonly T[]): T[];
  /** `length` characters drawn from `alphabet`. */
  chars(alphabet: string, length: number): string;
  uuid(): string;
  /** An independent generator for a named purpose, so adding draws in one place moves no other. */
  fork(label: string): Random;
}

/** cyrb128: a 128-bit string hash, used to seed sfc32 with four well-mixed words. */
function hashSeed(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    h1 = h2 ^ Math.imul(h1 ^ code, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ code, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ code, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ code, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  return [(h1 ^ h2 ^ h3 ^ h4) >>> 0, (h2 ^ h1) >>> 0, (h3 ^ h1) >>> 0, (h4 ^ h1) >>> 0];
}

function sfc32(seed: [number, number, number, number]): () => number {
  let [a, b, c, d] = seed;
  return () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

const HEX = '0123456789abcdef';

export function createRandom(seed: string | number): Random {
  const text = String(seed);
  const next = sfc32(hashSeed(text));
  // sfc32 needs a few rounds before its output is well mixed.
  for (let round = 0; round < 12; round++) next();
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const random: Random = {
    next,
    int,
    chance: (probability) => next() < probability,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)] as T;
    },
    weighted<T>(items: readonly T[], weights: readonly number[]): T {
      const total = weights.reduce((sum, weight) => sum + weight, 0);
      let point = next() * total;
      for (let index = 0; index < items.length; index++) {
        point -= weights[index] ?? 0;
        if (point < 0) return items[index] as T;
      }
      return random.pick(items);
    },
    sample<T>(items: readonly T[], count: number): T[] {
      const take = Math.max(0, Math.min(count, items.length));
      if (take * 4 < items.length) {
        // A few from many (a team out of 100k people): draw indices instead of copying the list.
        const chosen = new Set<number>();
        while (chosen.size < take) chosen.add(Math.floor(next() * items.length));
        return [...chosen].map((index) => items[index] as T);
      }
      const copy = [...items];
      for (let index = 0; index < take; index++) {
        const swap = index + Math.floor(next() * (copy.length - index));
        [copy[index], copy[swap]] = [copy[swap] as T, copy[index] as T];
      }
      return copy.slice(0, take);
    },
    shuffle: <T>(items: readonly T[]) => random.sample(items, items.length),
    chars: (alphabet, length) => Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join(''),
    uuid() {
      const hex = random.chars(HEX, 32);
      // RFC 9562 version 4 layout, so the ids look like the GUIDs Entra and authentik send.
      const variant = HEX[8 + int(0, 3)] ?? '8';
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
    },
    fork: (label) => createRandom(`${text}/${label}`),
  };
  return random;
}
