-- what each version's file says about itself (EXIF, IPTC, XMP), as JSON objects
CREATE TABLE version_metadata (
    asset_id   UUID         NOT NULL REFERENCES assets (id),
    version    INTEGER      NOT NULL,
    status     VARCHAR(20)  NOT NULL,
    reason     VARCHAR(2000),
    fields     VARCHAR(100000) NOT NULL,
    raw        VARCHAR(1000000) NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (asset_id, version)
);
