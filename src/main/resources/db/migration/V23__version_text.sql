-- the text found in each version (document text or OCR), for full-text search
CREATE TABLE version_text (
    asset_id    UUID         NOT NULL REFERENCES assets (id),
    version     INTEGER      NOT NULL,
    status      VARCHAR(20)  NOT NULL,
    source      VARCHAR(20),
    content     TEXT         NOT NULL,
    text_length INTEGER      NOT NULL,
    truncated   BOOLEAN      NOT NULL,
    reason      VARCHAR(2000),
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (asset_id, version)
);
