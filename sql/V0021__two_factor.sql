-- Two-factor authentication (TOTP, RFC 6238; security issue #10, ADR 0023). One row per account
-- that began enrolling: the secret sealed with AES-GCM (never in clear, never logged), when it
-- was confirmed by a first code (NULL: enrolment not finished, the secret does not count yet),
-- and the last time step a code was accepted for, so that a code is refused a second time.
CREATE TABLE account_two_factor (
    account_id   BIGINT        NOT NULL,
    secret       VARBINARY(96) NOT NULL,
    enabled_at   DATETIME(6)   NULL,
    last_step    BIGINT        NOT NULL DEFAULT 0,
    created_at   DATETIME(6)   NOT NULL,
    PRIMARY KEY (account_id),
    CONSTRAINT fk_account_two_factor_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
) ENGINE = InnoDB;

-- Single-use backup codes: only an HMAC-SHA-256 of each (keyed like the secrets), the instant it
-- was used.
CREATE TABLE account_backup_code (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    account_id  BIGINT      NOT NULL,
    code_hash   BINARY(32)  NOT NULL,
    used_at     DATETIME(6) NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_account_backup_code (account_id, code_hash),
    CONSTRAINT fk_account_backup_code_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
) ENGINE = InnoDB;

-- The key that seals the secrets and keys the backup codes' hashes, when the configuration gives
-- none (mare.two-factor.key / MARE_TWO_FACTOR_KEY, which keeps it out of the database: then a
-- dump alone reveals no secret). Drawn once per installation, never shown nor logged.
CREATE TABLE two_factor_key (
    id     TINYINT    NOT NULL,
    secret BINARY(32) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_two_factor_key_single CHECK (id = 1)
) ENGINE = InnoDB;

INSERT INTO two_factor_key (id, secret) VALUES (1, RANDOM_BYTES(32));
