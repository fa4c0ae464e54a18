-- Sessions end after an idle timeout (last_used_at, written at most once a minute) and at an
-- absolute end (expires_at = created_at + the maximum age, never extended).
ALTER TABLE console.session ADD COLUMN IF NOT EXISTS last_used_at timestamptz NOT NULL DEFAULT now();
CREATE INDEX IF NOT EXISTS session_last_used_at_idx ON console.session (last_used_at);
CREATE INDEX IF NOT EXISTS session_created_at_idx ON console.session (created_at);
