-- A password change, or « Fermer mes autres sessions » on /compte, ends every other session of
-- the account (security issue #10). Sessions opened before this instant are closed at their next
-- request (account.web.SuspensionFilter compares it with the instant the session logged in).
-- Kept in the database, not in a node's memory, so that it holds on every node.
ALTER TABLE account
    ADD COLUMN sessions_revoked_at DATETIME(6) NULL;
