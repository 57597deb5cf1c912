-- The « code » step of a login with two-factor authentication (issue #17, docs/adr/0036), shared by
-- every node: it was held in the HTTP session of the node that checked the password, so a code
-- posted to the other node sent the person back to the login page. One row per password accepted
-- that still waits for its code: the SHA-256 of 256 random bits sent as the MARE_LOGIN_STEP
-- cookie (never the token itself), the account, where to go afterwards, five minutes to live, the
-- wrong codes given so far (the login throttle counts them too), and the instant a right code used
-- it (one use, claimed by a conditional UPDATE, so two nodes cannot both finish it).
CREATE TABLE login_pending (
    token_hash  BINARY(32)    NOT NULL,
    account_id  BIGINT        NOT NULL,
    return_to   VARCHAR(2000) NOT NULL,
    created_at  DATETIME(6)   NOT NULL,
    expires_at  DATETIME(6)   NOT NULL,
    attempts    INT           NOT NULL DEFAULT 0,
    used_at     DATETIME(6)   NULL,
    PRIMARY KEY (token_hash),
    KEY ix_login_pending_expires (expires_at),
    CONSTRAINT fk_login_pending_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
) ENGINE = InnoDB;
