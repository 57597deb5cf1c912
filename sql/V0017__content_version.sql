-- Performance issue #11 (ADR 0019): one number that changes whenever content is written, so that
-- every Mare node drops the pages it keeps for visitors. A node increments it after each of its
-- committed writes and reads it twice a second to learn of the others' (and of changes made
-- outside Mare, such as an administrator's SQL).
CREATE TABLE content_version (
    id      TINYINT UNSIGNED NOT NULL PRIMARY KEY,
    version BIGINT UNSIGNED  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

INSERT INTO content_version (id, version) VALUES (1, 0);
