-- controlled vocabularies: hierarchical terms with synonyms
CREATE TABLE vocabularies (
    id         UUID         PRIMARY KEY,
    name       VARCHAR(200) NOT NULL UNIQUE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE terms (
    id            UUID         PRIMARY KEY,
    vocabulary_id UUID         NOT NULL REFERENCES vocabularies (id),
    parent_id     UUID         REFERENCES terms (id),
    label         VARCHAR(200) NOT NULL,
    -- lower-cased label: unique within a vocabulary, whatever the parent
    label_key     VARCHAR(200) NOT NULL,
    -- newline-separated
    synonyms      VARCHAR(4000) NOT NULL,
    UNIQUE (vocabulary_id, label_key)
);
CREATE INDEX terms_parent ON terms (parent_id);

-- the custom fields admins define (the metadata schema)
CREATE TABLE metadata_fields (
    field_key     VARCHAR(40)   PRIMARY KEY,
    label         VARCHAR(200)  NOT NULL,
    type          VARCHAR(20)   NOT NULL,
    required      BOOLEAN       NOT NULL,
    help          VARCHAR(1000) NOT NULL,
    -- JSON array of allowed values (choice fields)
    options       VARCHAR(20000) NOT NULL,
    vocabulary_id UUID          REFERENCES vocabularies (id),
    -- JSON arrays: the asset types (image, video, ...) and collection ids the field applies to; empty = all
    asset_types   VARCHAR(200)  NOT NULL,
    collections   VARCHAR(4000) NOT NULL,
    position      INTEGER       NOT NULL
);

-- values of custom fields, one row per value (multi-value fields have several); term fields hold term ids
CREATE TABLE asset_field_values (
    asset_id  UUID          NOT NULL REFERENCES assets (id),
    field_key VARCHAR(40)   NOT NULL REFERENCES metadata_fields (field_key),
    position  INTEGER       NOT NULL,
    field_value VARCHAR(20000) NOT NULL,
    PRIMARY KEY (asset_id, field_key, position)
);
CREATE INDEX asset_field_values_field ON asset_field_values (field_key);
