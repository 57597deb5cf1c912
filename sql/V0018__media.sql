-- Issue #15 (ADR 0020): images uploaded into posts, tutorials and collective profiles. The files
-- live under MARE_DATA_DIR/medias/, named by the SHA-256 of what Mare re-encoded (one file per
-- content, whoever sent it first); the rows say whose they are, how big, whether moderation hid
-- them, and which content shows them (media_use), which decides who may fetch them.
CREATE TABLE media_image (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    hash            CHAR(32)     NOT NULL COLLATE ascii_bin,
    extension       VARCHAR(4)   NOT NULL COLLATE ascii_bin,
    owner_id        BIGINT       NOT NULL,
    width           INT          NOT NULL,
    height          INT          NOT NULL,
    byte_size       BIGINT       NOT NULL,
    display_width   INT          NULL,
    display_height  INT          NULL,
    display_bytes   BIGINT       NULL,
    original_bytes  BIGINT       NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    first_used_at   DATETIME(6)  NULL,
    hidden_at       DATETIME(6)  NULL,
    hidden_by       BIGINT       NULL,
    hidden_reason   VARCHAR(500) NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_media_image_hash UNIQUE (hash),
    CONSTRAINT fk_media_image_owner FOREIGN KEY (owner_id) REFERENCES account (id),
    CONSTRAINT fk_media_image_hidden_by FOREIGN KEY (hidden_by) REFERENCES account (id),
    KEY ix_media_image_owner_created (owner_id, created_at),
    KEY ix_media_image_unused (first_used_at, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

-- Which content shows an image: holder_kind 'post', 'tutorial' or 'collective', and its id.
-- Rows are added when the content is saved and kept (old revisions still show the image);
-- whether a reader may see the image follows the holder's own visibility.
CREATE TABLE media_use (
    media_id     BIGINT      NOT NULL,
    holder_kind  VARCHAR(16) NOT NULL COLLATE ascii_bin,
    holder_id    BIGINT      NOT NULL,
    created_at   DATETIME(6) NOT NULL,
    PRIMARY KEY (media_id, holder_kind, holder_id),
    CONSTRAINT fk_media_use_image FOREIGN KEY (media_id) REFERENCES media_image (id) ON DELETE CASCADE,
    KEY ix_media_use_holder (holder_kind, holder_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;
