-- Issue 10, scenario 1 at full size (docs/benchmarks.md): each round, the expansion worker reads
-- the later change records that concern the users it follows. Group records named those users
-- only inside their jsonb, which no index served well (a GIN index over the arrays was not used
-- for a round's thousands of users), so the read scanned the whole backlog: 57 s a round at 300k
-- pending records, and a worker that fell behind fell further behind. These make the read cost
-- what it returns.

-- The records every round must see, whatever users it follows: by position.
CREATE INDEX event_changes_seen_by_all ON event_changes (directory_id, txid, seq)
  WHERE kind IN ('graph', 'settings') OR (kind = 'group' AND data ? 'name');

-- The users each group record touches (users_added and users_removed), one row each, written in
-- the record's statement and removed with it: found by user, in log order. A round needs only its
-- own users' part of a later group record (added to or removed from which group), not the whole
-- record, which names every user the change touched.
CREATE TABLE event_change_users (
  directory_id  text NOT NULL,
  user_id       text NOT NULL,
  txid          xid8 NOT NULL,
  seq           bigint NOT NULL,
  group_id      text NOT NULL,
  added         boolean NOT NULL,
  PRIMARY KEY (directory_id, user_id, txid, seq)
);
