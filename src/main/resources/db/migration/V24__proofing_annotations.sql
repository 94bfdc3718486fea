-- annotations on one asset version; the mark is kept in columns (kind, page, times, shape, box, points)
-- kind: IMAGE, PAGE, VIDEO, AUDIO; shape: PIN, BOX, FREEHAND (null for audio and video without a region)
-- coordinates are fractions 0..1 of the picture; points: "x,y;x,y;..." of a free-hand line
CREATE TABLE proof_annotations (
    id          UUID         PRIMARY KEY,
    asset_id    UUID         NOT NULL REFERENCES assets (id),
    version     INTEGER      NOT NULL,
    number      INTEGER      NOT NULL,
    kind        VARCHAR(10)  NOT NULL,
    page        INTEGER,
    start_ms    BIGINT,
    end_ms      BIGINT,
    shape       VARCHAR(10),
    x           DOUBLE PRECISION,
    y           DOUBLE PRECISION,
    w           DOUBLE PRECISION,
    h           DOUBLE PRECISION,
    points      TEXT,
    status      VARCHAR(10)  NOT NULL,
    author_id   UUID         NOT NULL REFERENCES users (id),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    resolved_by UUID         REFERENCES users (id),
    resolved_at TIMESTAMP WITH TIME ZONE,
    reopened_by UUID         REFERENCES users (id),
    reopened_at TIMESTAMP WITH TIME ZONE,
    UNIQUE (asset_id, version, number)
);

-- a thread: the first comment is the annotation's own text
CREATE TABLE proof_comments (
    id            UUID           PRIMARY KEY,
    annotation_id UUID           NOT NULL REFERENCES proof_annotations (id),
    author_id     UUID           NOT NULL REFERENCES users (id),
    body          VARCHAR(10000) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX proof_comments_thread ON proof_comments (annotation_id, created_at);

CREATE TABLE proof_mentions (
    comment_id UUID    NOT NULL REFERENCES proof_comments (id),
    position   INTEGER NOT NULL,
    user_id    UUID    NOT NULL REFERENCES users (id),
    PRIMARY KEY (comment_id, user_id)
);

CREATE TABLE proof_attachments (
    comment_id UUID    NOT NULL REFERENCES proof_comments (id),
    position   INTEGER NOT NULL,
    asset_id   UUID    NOT NULL REFERENCES assets (id),
    PRIMARY KEY (comment_id, asset_id)
);
