interface Position {
  afterId: string;
  expires: number;
}

/**
 * Remembers where a `startIndex` page ended, so the next page of the same query continues from
 * that key instead of skipping rows with OFFSET (Okta and Entra import with startIndex=1, 101,
 * 201, ...). New ids sort last, so inserts never move an earlier position; deletes do, so they
 * forget the directory's positions, and every position expires after a minute.
 */
export class PagePositions {
  private readonly byDirectory = new Map<string, Map<string, Position>>();

  constructor(
    private readonly capacityPerDirectory = 1_000,
    private readonly ttlMillis = 60_000,
  ) {}

  private key(query: string, startIndex: number): string {
    return `${startIndex}\u0000${query}`;
  }

  /** The id after which the page at `startIndex` begins, if known. */
  find(directoryId: string, query: string, startIndex: number): string | undefined {
    const positions = this.byDirectory.get(directoryId);
    const key = this.key(query, startIndex);
    const entry = positions?.get(key);
    if (!positions || !entry) return undefined;
    if (entry.expires < Date.now()) {
      positions.delete(key);
      return undefined;
    }
    return entry.afterId;
  }

  remember(directoryId: string, query: string, startIndex: number, afterId: string): void {
    let positions = this.byDirectory.get(directoryId);
    if (!positions) {
      positions = new Map();
      this.byDirectory.set(directoryId, positions);
    }
    if (positions.size >= this.capacityPerDirectory) {
      const oldest = positions.keys().next().value;
      if (oldest !== undefined) positions.delete(oldest);
    }
    positions.set(this.key(query, startIndex), { afterId, expires: Date.now() + this.ttlMillis });
  }

  forgetDirectory(directoryId: string): void {
    this.byDirectory.delete(directoryId);
  }
}
