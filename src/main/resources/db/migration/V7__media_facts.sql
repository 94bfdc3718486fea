-- What the media engines learnt of each version: width, height, pages, duration, codecs
CREATE TABLE media_facts (
    asset_id       UUID          NOT NULL,
    version_number INTEGER       NOT NULL,
    fact           VARCHAR(40)   NOT NULL,
    fact_value     VARCHAR(200)  NOT NULL,
    PRIMARY KEY (asset_id, version_number, fact),
    FOREIGN KEY (asset_id, version_number) REFERENCES asset_versions (asset_id, number)
);
