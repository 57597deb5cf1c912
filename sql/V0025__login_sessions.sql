-- A login that survives a node (issue #17, docs/adr/0032). Each login gets 128 random bits, sent
-- as the MARE_SESSION cookie (the binding of #10); only their SHA-256 is stored here. A node that
-- sees the cookie without a session of its own opens one from this row, under the same rules as
-- the node that logged in: the row must not have ended (logout ends it on every node), its
-- account must not be suspended, erased or have revoked its sessions after opened_at, and it
-- must have been seen within the session timeout (last_seen_at, written at most once a minute).
CREATE TABLE login_session (
    token_hash   BINARY(32)  NOT NULL,
    account_id   BIGINT      NOT NULL,
    -- the instant the revocation rule compares (the login, or a revocation made from this session)
    opened_at    DATETIME(6) NOT NULL,
    last_seen_at DATETIME(6) NOT NULL,
    ended_at     DATETIME(6) NULL,
    PRIMARY KEY (token_hash),
    KEY ix_login_session_account (account_id),
    KEY ix_login_session_seen (last_seen_at),
    CONSTRAINT fk_login_session_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
) ENGINE = InnoDB;
