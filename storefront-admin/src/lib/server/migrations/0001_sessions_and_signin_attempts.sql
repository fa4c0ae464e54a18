-- Console sessions (Lucia style): the id is the SHA-256 (hex) of the cookie token, never the token.
CREATE TABLE IF NOT EXISTS console.session (
  id          text PRIMARY KEY,
  staff_id    text NOT NULL,
  email       text NOT NULL,
  name        text NOT NULL,
  role        text NOT NULL,
  expires_at  timestamptz NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS session_staff_id_idx ON console.session (staff_id);
CREATE INDEX IF NOT EXISTS session_expires_at_idx ON console.session (expires_at);

-- Failed sign-ins, for the limit of 5 per email + IP per 15 minutes.
CREATE TABLE IF NOT EXISTS console.signin_attempt (
  id            bigserial PRIMARY KEY,
  email         text NOT NULL,
  ip            text NOT NULL,
  attempted_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS signin_attempt_lookup_idx ON console.signin_attempt (email, ip, attempted_at);
