-- free keywords people give an asset (beside the keywords embedded in its files); tag_key is the
-- lower-cased tag, so "Harbour" and "harbour" are one tag
CREATE TABLE asset_tags (
    asset_id UUID         NOT NULL REFERENCES assets (id),
    tag_key  VARCHAR(100) NOT NULL,
    tag      VARCHAR(100) NOT NULL,
    PRIMARY KEY (asset_id, tag_key)
);

-- tags an external tagger proposed, one row per asset and tag: a rejected tag stays rejected for the
-- asset, so a later version does not propose it again
CREATE TABLE tag_suggestions (
    asset_id   UUID             NOT NULL REFERENCES assets (id),
    tag_key    VARCHAR(100)     NOT NULL,
    tag        VARCHAR(100)     NOT NULL,
    version    INTEGER          NOT NULL,
    confidence DOUBLE PRECISION NOT NULL,
    status     VARCHAR(20)      NOT NULL,
    decided_by UUID,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (asset_id, tag_key)
);

-- how asking the tagger about each version went: DONE, SKIPPED (no JPEG preview) or FAILED with the reason
CREATE TABLE tagger_runs (
    asset_id   UUID          NOT NULL REFERENCES assets (id),
    version    INTEGER       NOT NULL,
    status     VARCHAR(20)   NOT NULL,
    reason     VARCHAR(2000),
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (asset_id, version)
);
