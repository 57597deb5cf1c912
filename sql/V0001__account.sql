-- Accounts of Mare's members. Usernames are stored canonical (NFKC + case fold, ’ folded to ')
-- and compared byte for byte (utf8mb4_bin): « zoé » and « zoe » are two people. Look-alikes
-- (« cаnard » with a Cyrillic а) are caught by the UTS #39 skeleton columns. Display names and
-- e-mails use the accent- and case-insensitive collation people expect when they search.
CREATE TABLE account (
    id                    BIGINT       NOT NULL AUTO_INCREMENT,
    username              VARCHAR(30)  NOT NULL COLLATE utf8mb4_bin,
    username_skeleton     VARCHAR(190) NOT NULL COLLATE utf8mb4_bin,
    username_raw_skeleton VARCHAR(190) NOT NULL COLLATE utf8mb4_bin,
    display_name          VARCHAR(60)  NOT NULL,
    email                 VARCHAR(254) NOT NULL,
    password_hash         VARCHAR(255) NOT NULL,
    role                  VARCHAR(16)  NOT NULL DEFAULT 'MEMBER',
    created_at            DATETIME(6)  NOT NULL,
    updated_at            DATETIME(6)  NOT NULL,
    last_login_at         DATETIME(6)  NULL,
    version               BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uq_account_username UNIQUE (username),
    CONSTRAINT uq_account_username_skeleton UNIQUE (username_skeleton),
    CONSTRAINT uq_account_email UNIQUE (email),
    CONSTRAINT ck_account_role CHECK (role IN ('MEMBER', 'MODERATOR', 'ADMIN')),
    KEY ix_account_username_raw_skeleton (username_raw_skeleton),
    KEY ix_account_display_name (display_name),
    KEY ix_account_created_at (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;
