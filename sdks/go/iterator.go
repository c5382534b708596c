package roster

import "context"

// Lists page with page_size / page_token and answer next_page_token ("" on the last page); the
// Events API pages with a cursor and has_more. An Iterator follows either from the first page to
// the last, one request per page, as items are read.

// Iterator walks every item of a list, page after page:
//
//	it := sc.Directory().IterateDirectoryUsers(organizationId, directoryId)
//	for it.Next(ctx) {
//		user := it.Value()
//		...
//	}
//	if err := it.Err(); err != nil { ... }
type Iterator[T any] struct {
	fetch func(ctx context.Context, token string) (page[T], error)

	items   []T
	index   int
	current T
	token   string
	more    bool
	started bool
	pages   int
	err     error
}

// page is what one request of a list gives an Iterator.
type page[T any] struct {
	items []T
	// next is the token or cursor of the following page.
	next string
	// more: there is a following page to read.
	more bool
}

func newIterator[T any](firstToken string, fetch func(ctx context.Context, token string) (page[T], error)) *Iterator[T] {
	return &Iterator[T]{fetch: fetch, token: firstToken, more: true}
}

// Next advances to the next item, fetching the next page when the current one is used up. It
// returns false at the end of the list or on an error (see Err).
func (it *Iterator[T]) Next(ctx context.Context) bool {
	for {
		if it.err != nil {
			return false
		}
		if it.index < len(it.items) {
			it.current = it.items[it.index]
			it.index++
			return true
		}
		if it.started && !it.more {
			return false
		}
		next, err := it.fetch(ctx, it.token)
		it.started = true
		if err != nil {
			it.err = err
			return false
		}
		it.pages++
		it.items, it.index, it.token, it.more = next.items, 0, next.next, next.more
	}
}

// Value is the item Next moved to.
func (it *Iterator[T]) Value() T { return it.current }

// Err is the error that ended the walk, or nil when it reached the end.
func (it *Iterator[T]) Err() error { return it.err }

// Pages is the number of pages fetched so far.
func (it *Iterator[T]) Pages() int { return it.pages }

// followPageTokens iterates a list paged with page_size / page_token: list fetches the page at a
// token, split gives its items and next_page_token ("" on the last page).
func followPageTokens[L, T any](firstToken string, list func(ctx context.Context, token string) (*L, error), split func(*L) ([]T, string)) *Iterator[T] {
	return newIterator(firstToken, func(ctx context.Context, token string) (page[T], error) {
		listed, err := list(ctx, token)
		if err != nil {
			return page[T]{}, err
		}
		items, next := split(listed)
		return page[T]{items: items, next: next, more: next != ""}, nil
	})
}
