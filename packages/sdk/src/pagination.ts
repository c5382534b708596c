// Lists page with page_size / page_token and answer next_page_token ('' on the last page). The
// iterators follow it from the first page to the last, one request per page, as items are read.

export interface PageOptions {
  /** Items per page, 1 to 100 (the server's default is 50). */
  pageSize?: number;
  /** next_page_token or prev_page_token of a previous page of the same list. */
  pageToken?: string;
}

export async function* eachItem<Page extends { next_page_token: string }, Item>(
  fetchPage: (pageToken: string | undefined) => Promise<Page>,
  items: (page: Page) => readonly Item[],
  firstPageToken?: string,
): AsyncGenerator<Item, void, undefined> {
  let pageToken = firstPageToken;
  do {
    const page = await fetchPage(pageToken);
    yield* items(page);
    pageToken = page.next_page_token || undefined;
  } while (pageToken);
}
