CREATE TABLE assets (
    id              UUID PRIMARY KEY,
    title           VARCHAR(500)   NOT NULL,
    description     VARCHAR(10000) NOT NULL,
    owner_id        UUID           NOT NULL REFERENCES users (id),
    status          VARCHAR(20)    NOT NULL,
    current_version INTEGER        NOT NULL,
    revision        BIGINT         NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    trashed_at      TIMESTAMP WITH TIME ZONE
);
-- keyset paging of the library and the trash: newest first
CREATE INDEX assets_status_created ON assets (status, created_at DESC, id DESC);

CREATE TABLE asset_versions (
    asset_id          UUID          NOT NULL REFERENCES assets (id),
    number            INTEGER       NOT NULL,
    blob_key          CHAR(64)      NOT NULL,
    size              BIGINT        NOT NULL,
    media_type        VARCHAR(255)  NOT NULL,
    original_filename VARCHAR(1024) NOT NULL,
    uploaded_by       UUID          NOT NULL REFERENCES users (id),
    uploaded_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (asset_id, number)
);
CREATE INDEX asset_versions_blob ON asset_versions (blob_key);
