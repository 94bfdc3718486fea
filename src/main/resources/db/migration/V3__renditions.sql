CREATE TABLE renditions (
    asset_id       UUID         NOT NULL,
    version_number INTEGER      NOT NULL,
    name           VARCHAR(40)  NOT NULL,
    status         VARCHAR(20)  NOT NULL,
    blob_key       CHAR(64),
    media_type     VARCHAR(100),
    width          INTEGER,
    height         INTEGER,
    reason         VARCHAR(1000),
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (asset_id, version_number, name),
    FOREIGN KEY (asset_id, version_number) REFERENCES asset_versions (asset_id, number)
);
