-- folders (nestable), flat collections and smart collections (saved searches); an asset may be in many
CREATE TABLE collections (
    id         UUID          PRIMARY KEY,
    name       VARCHAR(200)  NOT NULL,
    kind       VARCHAR(20)   NOT NULL,
    parent_id  UUID          REFERENCES collections (id),
    query      VARCHAR(2000),
    owner_id   UUID          NOT NULL REFERENCES users (id),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX collections_parent ON collections (parent_id);

CREATE TABLE collection_assets (
    collection_id UUID NOT NULL REFERENCES collections (id),
    asset_id      UUID NOT NULL REFERENCES assets (id),
    added_by      UUID NOT NULL REFERENCES users (id),
    added_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (collection_id, asset_id)
);
CREATE INDEX collection_assets_asset ON collection_assets (asset_id);
