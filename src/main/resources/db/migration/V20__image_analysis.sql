-- what each version's pixels show: dominant colours (JSON), transparency, dimensions, perceptual hash
CREATE TABLE image_analysis (
    asset_id    UUID          NOT NULL REFERENCES assets (id),
    version     INTEGER       NOT NULL,
    status      VARCHAR(20)   NOT NULL,
    reason      VARCHAR(2000),
    width       INTEGER       NOT NULL,
    height      INTEGER       NOT NULL,
    transparent BOOLEAN       NOT NULL,
    colours     VARCHAR(2000) NOT NULL,
    phash       BIGINT        NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (asset_id, version)
);

-- near-duplicate lookup (multi-index hashing): the newest analysed version's hash of each asset,
-- cut into four 16-bit bands; hashes within distance d share a band within d/4 bits (pigeonhole)
CREATE TABLE image_hash_bands (
    asset_id   UUID     NOT NULL REFERENCES assets (id),
    band       SMALLINT NOT NULL,
    band_value INTEGER  NOT NULL,
    version    INTEGER  NOT NULL,
    phash      BIGINT   NOT NULL,
    PRIMARY KEY (asset_id, band)
);

CREATE INDEX image_hash_bands_lookup ON image_hash_bands (band, band_value);
