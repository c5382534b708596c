-- Sample data (issue 9): "Send sample data" pushes users and groups through the directory's SCIM
-- endpoint with a secret of its own; what that secret creates is marked, shown as sample data,
-- and can be removed in one call. A partial index finds a directory's sample rows.
ALTER TABLE directory_secrets ADD COLUMN sample boolean NOT NULL DEFAULT false;
ALTER TABLE directory_users ADD COLUMN sample boolean NOT NULL DEFAULT false;
ALTER TABLE directory_groups ADD COLUMN sample boolean NOT NULL DEFAULT false;
CREATE INDEX directory_users_sample ON directory_users (directory_id, id) WHERE sample;
CREATE INDEX directory_groups_sample ON directory_groups (directory_id, id) WHERE sample;
