-- Discussions: categories, topics and threaded posts.
-- A topic's question is its root post (depth 0); every reply is a post whose parent is the
-- question or another reply. Posts keep a materialized path of fixed-width base-36 segments
-- ("00001.0000a.00002"): ordering by path is tree order, so one page of a thread of any size
-- is one range scan of (topic_id, path).
CREATE TABLE forum_category (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    slug        VARCHAR(80)  NOT NULL COLLATE utf8mb4_bin,
    name        VARCHAR(120) NOT NULL,
    description VARCHAR(500) NOT NULL DEFAULT '',
    position    INT          NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    updated_at  DATETIME(6)  NOT NULL,
    version     BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uq_forum_category_slug UNIQUE (slug),
    KEY ix_forum_category_position (position)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

CREATE TABLE forum_topic (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    category_id      BIGINT       NOT NULL,
    author_id        BIGINT       NOT NULL,
    title            VARCHAR(160) NOT NULL,
    slug             VARCHAR(80)  NOT NULL COLLATE utf8mb4_bin,
    created_at       DATETIME(6)  NOT NULL,
    last_activity_at DATETIME(6)  NOT NULL,
    reply_count      INT          NOT NULL DEFAULT 0,
    solution_post_id BIGINT       NULL,
    locked           BOOLEAN      NOT NULL DEFAULT FALSE,
    version          BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT fk_forum_topic_category FOREIGN KEY (category_id) REFERENCES forum_category (id),
    CONSTRAINT fk_forum_topic_author FOREIGN KEY (author_id) REFERENCES account (id),
    KEY ix_forum_topic_activity (last_activity_at, id),
    KEY ix_forum_topic_category_activity (category_id, last_activity_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

CREATE TABLE forum_post (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    topic_id         BIGINT       NOT NULL,
    parent_id        BIGINT       NULL,
    author_id        BIGINT       NOT NULL,
    path             VARCHAR(700) NOT NULL COLLATE ascii_bin,
    depth            INT          NOT NULL,
    child_count      INT          NOT NULL DEFAULT 0,
    body_markdown    MEDIUMTEXT   NOT NULL,
    body_html        MEDIUMTEXT   NOT NULL,
    renderer_version INT          NOT NULL,
    like_count       INT          NOT NULL DEFAULT 0,
    created_at       DATETIME(6)  NOT NULL,
    edited_at        DATETIME(6)  NULL,
    deleted_at       DATETIME(6)  NULL,
    version          BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT fk_forum_post_topic FOREIGN KEY (topic_id) REFERENCES forum_topic (id),
    CONSTRAINT fk_forum_post_parent FOREIGN KEY (parent_id) REFERENCES forum_post (id),
    CONSTRAINT fk_forum_post_author FOREIGN KEY (author_id) REFERENCES account (id),
    CONSTRAINT uq_forum_post_path UNIQUE (topic_id, path),
    CONSTRAINT ck_forum_post_depth CHECK (depth >= 0),
    KEY ix_forum_post_topic_created (topic_id, created_at, id),
    KEY ix_forum_post_author (author_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

ALTER TABLE forum_topic
    ADD CONSTRAINT fk_forum_topic_solution FOREIGN KEY (solution_post_id) REFERENCES forum_post (id);

-- Every edit keeps the text it replaces: the history of a post, visible to everyone.
CREATE TABLE forum_post_revision (
    id            BIGINT      NOT NULL AUTO_INCREMENT,
    post_id       BIGINT      NOT NULL,
    number        INT         NOT NULL,
    editor_id     BIGINT      NOT NULL,
    body_markdown MEDIUMTEXT  NOT NULL,
    created_at    DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_forum_post_revision_post FOREIGN KEY (post_id) REFERENCES forum_post (id),
    CONSTRAINT fk_forum_post_revision_editor FOREIGN KEY (editor_id) REFERENCES account (id),
    CONSTRAINT uq_forum_post_revision_number UNIQUE (post_id, number)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

-- Free tags on topics, normalized (lower case, ASCII, dashes) so « Synchro » and « synchro » are one.
CREATE TABLE forum_tag (
    id   BIGINT      NOT NULL AUTO_INCREMENT,
    name VARCHAR(40) NOT NULL COLLATE utf8mb4_bin,
    PRIMARY KEY (id),
    CONSTRAINT uq_forum_tag_name UNIQUE (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

CREATE TABLE forum_topic_tag (
    topic_id BIGINT NOT NULL,
    tag_id   BIGINT NOT NULL,
    PRIMARY KEY (topic_id, tag_id),
    CONSTRAINT fk_forum_topic_tag_topic FOREIGN KEY (topic_id) REFERENCES forum_topic (id),
    CONSTRAINT fk_forum_topic_tag_tag FOREIGN KEY (tag_id) REFERENCES forum_tag (id),
    KEY ix_forum_topic_tag_tag (tag_id, topic_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

-- Who follows a topic: automatic for its author and repliers; « ne plus suivre » keeps a row
-- with watching = FALSE, so a later reply does not subscribe them again.
CREATE TABLE forum_subscription (
    topic_id   BIGINT      NOT NULL,
    account_id BIGINT      NOT NULL,
    watching   BOOLEAN     NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    PRIMARY KEY (topic_id, account_id),
    CONSTRAINT fk_forum_subscription_topic FOREIGN KEY (topic_id) REFERENCES forum_topic (id),
    CONSTRAINT fk_forum_subscription_account FOREIGN KEY (account_id) REFERENCES account (id),
    KEY ix_forum_subscription_account (account_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

-- Links from posts to Mare's own pages (site paths such as /tutoriels/partager-un-dossier), kept
-- at each save so a tutorial can list the discussions that point to it.
CREATE TABLE forum_post_link (
    post_id BIGINT       NOT NULL,
    target  VARCHAR(255) NOT NULL COLLATE utf8mb4_bin,
    PRIMARY KEY (post_id, target),
    CONSTRAINT fk_forum_post_link_post FOREIGN KEY (post_id) REFERENCES forum_post (id),
    KEY ix_forum_post_link_target (target)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

-- « Merci »: one per member and post.
CREATE TABLE forum_like (
    post_id    BIGINT      NOT NULL,
    account_id BIGINT      NOT NULL,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (post_id, account_id),
    CONSTRAINT fk_forum_like_post FOREIGN KEY (post_id) REFERENCES forum_post (id),
    CONSTRAINT fk_forum_like_account FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

INSERT INTO forum_category (slug, name, description, position, created_at, updated_at) VALUES
    ('installation-et-hebergement', 'Installation et hébergement',
     'Choisir un hébergeur, ouvrir son espace, les premiers réglages.', 1, NOW(6), NOW(6)),
    ('fichiers-partage-et-synchronisation', 'Fichiers, partage et synchronisation',
     'Dossiers partagés, liens publics, client de synchronisation sur ordinateur et téléphone.', 2, NOW(6), NOW(6)),
    ('agenda-contacts-et-taches', 'Agenda, contacts et tâches',
     'Agendas partagés, carnets d''adresses, tâches et Deck.', 3, NOW(6), NOW(6)),
    ('bureautique-en-ligne', 'Bureautique en ligne (Collabora, OnlyOffice)',
     'Écrire à plusieurs dans des documents, tableurs et présentations.', 4, NOW(6), NOW(6)),
    ('talk-et-visio', 'Talk et visio',
     'Discussions, appels et réunions en visio avec Talk.', 5, NOW(6), NOW(6)),
    ('applications', 'Applications',
     'Formulaires, Tables, Notes, Collectives et les autres applications.', 6, NOW(6), NOW(6)),
    ('administration-de-l-espace', 'Administration de l''espace',
     'Comptes des membres, groupes, quotas, sauvegardes : le rôle d''admin de l''espace.', 7, NOW(6), NOW(6)),
    ('vie-du-forum', 'Vie du forum',
     'Vos idées pour Mare, les annonces, l''entraide entre membres.', 8, NOW(6), NOW(6));
