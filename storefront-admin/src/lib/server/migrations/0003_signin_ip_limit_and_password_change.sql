-- The console's sign-in limit counts failures per IP address (any email).
CREATE INDEX IF NOT EXISTS signin_attempt_ip_idx ON console.signin_attempt (ip, attempted_at);

-- Staff who must choose a new password before anything else (after an owner's reset, or a
-- one-time password from the first-run setup). Set at sign-in from commerce's answer; cleared
-- when they change it.
CREATE TABLE IF NOT EXISTS console.password_change_required (
  staff_id  text PRIMARY KEY,
  since     timestamptz NOT NULL DEFAULT now()
);
