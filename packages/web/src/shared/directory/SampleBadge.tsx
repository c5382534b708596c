/** Marks a user or group that "Send sample data" made. */
export function SampleBadge() {
  return (
    <span className="badge badge-warning" title="Made by “Send sample data”" style={{ marginLeft: 6 }}>
      Sample
    </span>
  );
}
