-- Issue 10, scenario 1 at full size (docs/benchmarks.md): the expansion worker reads, each round,
-- the later change records that concern the users it follows. Without an index for the users a
-- group record touches, that read scanned the whole backlog (57 s a round at 300k pending
-- records), so a worker that fell behind fell further behind. These indexes make the read cost
-- what it returns: the records every round must see, by position; and group records by the users
-- they touch (user records use event_changes_subject).
CREATE INDEX event_changes_seen_by_all ON event_changes (directory_id, txid, seq)
  WHERE kind IN ('graph', 'settings') OR (kind = 'group' AND data ? 'name');
CREATE INDEX event_changes_users_touched ON event_changes USING gin ((data->'users_added'), (data->'users_removed'))
  WHERE kind = 'group';
