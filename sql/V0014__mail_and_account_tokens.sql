-- E-mail (issue #13, docs/adr/0016).
--
-- mail_outbox: every mail Mare sends is first a row here, written in the same transaction as the
-- change that causes it (a reset asked, an account created): the change and its mail commit or
-- roll back together. A background worker claims due rows (status SENDING with a lease: a node that
-- dies mid-send lets the lease expire and another attempt takes the row), sends them over SMTP and
-- marks them SENT; a failure is retried with exponential back-off, up to a limit (FAILED).
-- Without SMTP configured, rows stay PENDING and administrators read them at /admin/courriels.
-- message_id is fixed at enqueue time, so a rare second delivery (a crash between the SMTP
-- server's acceptance and the commit of SENT) carries the same Message-ID.
CREATE TABLE mail_outbox (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    kind            VARCHAR(40)   NOT NULL COLLATE ascii_bin,
    account_id      BIGINT        NULL,
    recipient       VARCHAR(254)  NOT NULL,
    subject         VARCHAR(300)  NOT NULL,
    body_text       MEDIUMTEXT    NOT NULL,
    body_html       MEDIUMTEXT    NOT NULL,
    -- one-click unsubscribe address (RFC 8058), on notification mails only
    unsubscribe_url VARCHAR(500)  NULL,
    -- a mail carrying a secret link (password reset, verification): its bodies are erased once sent
    secret_link     BOOLEAN       NOT NULL DEFAULT FALSE,
    message_id      VARCHAR(200)  NOT NULL COLLATE ascii_bin,
    status          VARCHAR(16)   NOT NULL COLLATE ascii_bin DEFAULT 'PENDING',
    attempts        INT           NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(6)   NOT NULL,
    claimed_by      VARCHAR(40)   NULL COLLATE ascii_bin,
    lease_until     DATETIME(6)   NULL,
    last_error      VARCHAR(500)  NULL,
    created_at      DATETIME(6)   NOT NULL,
    sent_at         DATETIME(6)   NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_mail_outbox_message_id (message_id),
    CONSTRAINT fk_mail_outbox_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE SET NULL,
    CONSTRAINT ck_mail_outbox_status CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED')),
    -- the worker's claim: due rows by status and time
    KEY ix_mail_outbox_due (status, next_attempt_at),
    KEY ix_mail_outbox_claim (claimed_by),
    -- /admin/courriels, newest first
    KEY ix_mail_outbox_created (created_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

-- Secret links sent by mail (password reset, address verification). Only the SHA-256 of the token
-- is stored: whoever reads the database cannot use a link. Single use (used_at), with an expiry.
CREATE TABLE account_token (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    account_id  BIGINT       NOT NULL,
    purpose     VARCHAR(20)  NOT NULL COLLATE ascii_bin,
    token_hash  BINARY(32)   NOT NULL,
    -- the address a verification link proves (the new one, for a change of address)
    email       VARCHAR(254) NULL,
    created_at  DATETIME(6)  NOT NULL,
    expires_at  DATETIME(6)  NOT NULL,
    used_at     DATETIME(6)  NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_account_token_hash (token_hash),
    CONSTRAINT fk_account_token_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE,
    CONSTRAINT ck_account_token_purpose CHECK (purpose IN ('PASSWORD_RESET', 'VERIFY_EMAIL')),
    KEY ix_account_token_account (account_id, purpose)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

-- When the account's current address was proven by a link. Accounts that existed before count as
-- verified (they were created without the step; asking them all again would lock nobody out but
-- stop every notification mail at once).
ALTER TABLE account
    ADD COLUMN email_verified_at DATETIME(6) NULL;
UPDATE account SET email_verified_at = created_at;

-- rate_limit_hit also counts password-reset requests (per address and per e-mail) and « renvoyer
-- le lien » (docs/adr/0011: one more kind per limit).
