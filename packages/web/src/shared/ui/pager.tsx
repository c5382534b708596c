/** A list's count and its Previous/Next buttons (shown only when there is another page). */
export function Pager({ label, hasPrevious, hasNext, onPrevious, onNext, loading }: { label: string; hasPrevious: boolean; hasNext: boolean; onPrevious: () => void; onNext: () => void; loading?: boolean }) {
  return (
    <div className="pager">
      <span>
        {label} {loading ? <span className="spinner" aria-hidden="true" style={{ display: 'inline-block', verticalAlign: 'middle', width: 12, height: 12 }} /> : null}
      </span>
      {hasPrevious || hasNext ? (
        <div className="row">
          <button type="button" className="btn btn-sm" disabled={!hasPrevious} onClick={onPrevious}>
            Previous
          </button>
          <button type="button" className="btn btn-sm" disabled={!hasNext} onClick={onNext}>
            Next
          </button>
        </div>
      ) : null}
    </div>
  );
}
