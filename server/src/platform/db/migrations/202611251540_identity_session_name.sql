-- The resident's display name as it was at login, so resolving a session (every request that needs
-- one) does not read and decrypt the person's register file just to greet them.
ALTER TABLE sessions ADD COLUMN actor_name text;
