-- Tutorials: a Markdown wiki. A page holds what is not versioned (address, title, section,
-- level, audience, Nextcloud versions, moderation state); every save of its text is a new
-- wiki_revision, never changed nor deleted (reverting writes a new revision too). The current
-- revision's HTML is rendered once, at save, by the one content pipeline.
CREATE TABLE wiki_page (
    id                  BIGINT       NOT NULL AUTO_INCREMENT,
    slug                VARCHAR(80)  NOT NULL COLLATE utf8mb4_bin,
    title               VARCHAR(160) NOT NULL,
    section_id          BIGINT       NOT NULL,
    level               VARCHAR(20)  NOT NULL,
    audience            VARCHAR(20)  NOT NULL,
    nc_version_min      INT          NULL,
    nc_version_max      INT          NULL,
    current_revision_id BIGINT       NULL,
    revision_count      INT          NOT NULL DEFAULT 0,
    protected           BOOLEAN      NOT NULL DEFAULT FALSE,
    archived            BOOLEAN      NOT NULL DEFAULT FALSE,
    last_reviewed_at    DATETIME(6)  NULL,
    reviewed_version    INT          NULL,
    created_at          DATETIME(6)  NOT NULL,
    updated_at          DATETIME(6)  NOT NULL,
    version             BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uq_wiki_page_slug UNIQUE (slug),
    CONSTRAINT fk_wiki_page_section FOREIGN KEY (section_id) REFERENCES forum_category (id),
    CONSTRAINT ck_wiki_page_level CHECK (level IN ('DEBUTANT', 'INTERMEDIAIRE', 'AVANCE')),
    CONSTRAINT ck_wiki_page_audience CHECK (audience IN ('MEMBRE', 'ADMIN')),
    CONSTRAINT ck_wiki_page_versions CHECK (nc_version_min IS NULL OR nc_version_max IS NULL
        OR nc_version_min <= nc_version_max),
    KEY ix_wiki_page_section (section_id, title),
    KEY ix_wiki_page_updated (updated_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

-- headings: the table of contents of body_html, one "level<TAB>anchor<TAB>text" line per
-- heading, computed at save with the HTML so that reading a page renders nothing.
CREATE TABLE wiki_revision (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    page_id          BIGINT       NOT NULL,
    number           INT          NOT NULL,
    author_id        BIGINT       NOT NULL,
    summary          VARCHAR(300) NOT NULL DEFAULT '',
    body_markdown    MEDIUMTEXT   NOT NULL,
    body_html        MEDIUMTEXT   NOT NULL,
    headings         TEXT         NOT NULL,
    renderer_version INT          NOT NULL,
    created_at       DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_wiki_revision_page FOREIGN KEY (page_id) REFERENCES wiki_page (id),
    CONSTRAINT fk_wiki_revision_author FOREIGN KEY (author_id) REFERENCES account (id),
    CONSTRAINT uq_wiki_revision_number UNIQUE (page_id, number),
    CONSTRAINT ck_wiki_revision_number CHECK (number >= 1),
    KEY ix_wiki_revision_author (author_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

ALTER TABLE wiki_page
    ADD CONSTRAINT fk_wiki_page_current_revision FOREIGN KEY (current_revision_id) REFERENCES wiki_revision (id);

-- « Ce tutoriel n'est plus à jour »: one open signal per member and page, with a comment;
-- marking the page « relu et à jour » closes the open ones (resolved_at).
CREATE TABLE wiki_outdated_signal (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    page_id     BIGINT        NOT NULL,
    account_id  BIGINT        NOT NULL,
    comment     VARCHAR(1000) NOT NULL,
    created_at  DATETIME(6)   NOT NULL,
    resolved_at DATETIME(6)   NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_wiki_outdated_signal_page FOREIGN KEY (page_id) REFERENCES wiki_page (id),
    CONSTRAINT fk_wiki_outdated_signal_account FOREIGN KEY (account_id) REFERENCES account (id),
    KEY ix_wiki_outdated_signal_page (page_id, resolved_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

-- Internal links of each page's current revision ([[slug]] or /tutoriels/slug), replaced at
-- every save: « Pages liées » (what links here) and broken links (targets with no page).
CREATE TABLE wiki_link (
    source_page_id BIGINT      NOT NULL,
    target_slug    VARCHAR(80) NOT NULL COLLATE utf8mb4_bin,
    PRIMARY KEY (source_page_id, target_slug),
    CONSTRAINT fk_wiki_link_source FOREIGN KEY (source_page_id) REFERENCES wiki_page (id),
    KEY ix_wiki_link_target (target_slug)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

-- The bridge with discussions: a tutorial drafted from a solved topic (« Transformer en
-- tutoriel ») records it here; the topic shows « Documenté dans », the tutorial « Discussions liées ».
CREATE TABLE wiki_topic (
    page_id    BIGINT      NOT NULL,
    topic_id   BIGINT      NOT NULL,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (page_id, topic_id),
    CONSTRAINT fk_wiki_topic_page FOREIGN KEY (page_id) REFERENCES wiki_page (id),
    CONSTRAINT fk_wiki_topic_topic FOREIGN KEY (topic_id) REFERENCES forum_topic (id),
    KEY ix_wiki_topic_topic (topic_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;
