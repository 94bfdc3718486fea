-- Dynamic renditions, content-addressed: the key is SHA-256(source SHA-256 | normalised spec),
-- so a new version or different parameters never hit an old entry.
CREATE TABLE rendition_cache (
    cache_key    CHAR(64)                 NOT NULL PRIMARY KEY,
    source_blob  CHAR(64)                 NOT NULL,
    blob_key     CHAR(64)                 NOT NULL,
    media_type   VARCHAR(100)             NOT NULL,
    width        INTEGER                  NOT NULL,
    height       INTEGER                  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX rendition_cache_source_idx ON rendition_cache (source_blob);
