/** Roster's mark and name, atop the sign-in and setup cards. */
export function Brand() {
  return (
    <div className="row">
      <span className="brand-mark" aria-hidden="true">
        R
      </span>
      <span style={{ fontWeight: 600, fontSize: 16 }}>Roster</span>
    </div>
  );
}

