-- Change records (issue 10). A SCIM write records what it changed (ids, versions, the resource
-- as written, membership deltas) in its one statement; the user events that follow from it are
-- composed later, outside the request, by the expansion worker (directory/change-expansion.ts),
-- in log order, each with the user as of its change.

-- Every event and every change record takes a block of 65,536 log positions: a record's events
-- are written at the positions right after its own, so they sit in the log exactly where the
-- change committed (same transaction id, the order within it kept). A change of more users than
-- a block holds writes several records. 2^53 / 2^16 = 2^37 events fit before positions leave
-- the integers JavaScript holds exactly.
ALTER SEQUENCE events_seq_seq INCREMENT BY 65536;

CREATE TABLE event_changes (
  directory_id     text NOT NULL,
  organization_id  text NOT NULL,
  -- The position its events take: this transaction, then the order within it (as events).
  txid             xid8 NOT NULL DEFAULT pg_current_xact_id(),
  seq              bigint NOT NULL DEFAULT nextval('events_seq_seq'),
  -- Further blocks, taken in the same statement, when the change may reach more users than one
  -- block holds (null: only seq's own).
  blocks           bigint[],
  -- user_created | user_updated | user_deleted | group | settings
  kind             text NOT NULL,
  -- The user (user kinds) or group (group) the change is about.
  subject_id       text,
  -- Group records name the users they touch in data (users_added, users_removed): a directory's
  -- pending records are few, so they are searched without an index a membership write would pay for.
  data             jsonb NOT NULL,
  occurred_at      timestamptz NOT NULL DEFAULT now(),
  -- A change reaching every user of a directory is expanded in chunks: the last user done, and
  -- how many positions of the block its events used so far.
  resume_after     text,
  used             integer NOT NULL DEFAULT 0,
  PRIMARY KEY (directory_id, txid, seq)
);
-- Records live until expanded, seconds at most: not worth compressing on their way in.
ALTER TABLE event_changes ALTER COLUMN data SET STORAGE EXTERNAL;
CREATE INDEX event_changes_position ON event_changes (txid, seq);
CREATE INDEX event_changes_subject ON event_changes (directory_id, subject_id);

-- One process at a time expands (this row's lock, FOR UPDATE SKIP LOCKED).
INSERT INTO event_log_state (name, txid, seq) VALUES ('expansion', '0', 0);

-- The nested-group edges of a directory, read whole when roles are derived for events.
CREATE INDEX group_members_nested ON group_members (directory_id, group_id, member_id) WHERE member_type = 'Group';
