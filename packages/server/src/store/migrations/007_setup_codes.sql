-- First-run setup: while no dashboard administrator exists, each Roster process prints a
-- one-time setup code when it starts; whoever has it creates the first administrator in the
-- browser (directory/first-run-setup.ts). Only the code's SHA-256 is kept. Codes of every process
-- work (several processes may share one database), until an administrator exists; creating the
-- first one through setup deletes them all.
CREATE TABLE setup_codes (
  code_hash   text PRIMARY KEY,
  created_at  timestamptz NOT NULL DEFAULT now()
);
