-- values a collection (or a folder, for everything below it) gives assets put into it, where their field is empty
CREATE TABLE collection_field_defaults (
    collection_id UUID          NOT NULL REFERENCES collections (id),
    field_key     VARCHAR(40)   NOT NULL REFERENCES metadata_fields (field_key),
    position      INTEGER       NOT NULL,
    field_value   VARCHAR(20000) NOT NULL,
    PRIMARY KEY (collection_id, field_key, position)
);
