package dev.roster.sdk;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Every item of a paged list, from the first page to the last, one request per page, made as the
 * items are read: {@code for (DirectoryUser user : client.directories().iterateDirectoryUsers(org, dir))}.
 * Each {@link #iterator()} starts again from the first page.
 */
public final class PagedIterable<T> implements Iterable<T> {
    private final Function<String, Page<T>> fetch;
    private final String firstToken;

    /** One page: its items and the token of the next one (null on the last page). */
    record Page<T>(List<T> items, String nextToken) {}

    PagedIterable(String firstToken, Function<String, Page<T>> fetch) {
        this.firstToken = firstToken;
        this.fetch = fetch;
    }

    /** A token of '' means there is no next page, as the list endpoints answer next_page_token. */
    static String nextPageToken(String token) {
        return token == null || token.isEmpty() ? null : token;
    }

    @Override
    public Iterator<T> iterator() {
        return new Iterator<>() {
            private Iterator<T> items = List.<T>of().iterator();
            private String token = firstToken;
            private boolean started;

            @Override
            public boolean hasNext() {
                while (!items.hasNext()) {
                    if (started && token == null) return false;
                    Page<T> page = fetch.apply(token);
                    started = true;
                    items = page.items().iterator();
                    token = page.nextToken();
                }
                return true;
            }

            @Override
            public T next() {
                if (!hasNext()) throw new NoSuchElementException();
                return items.next();
            }
        };
    }

    /** The items as a sequential stream, fetched as it is consumed. */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false);
    }
}
