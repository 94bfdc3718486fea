-- open annotations of a version, carried to the next one as checklist items; state: OPEN, ADDRESSED, CONFIRMED
CREATE TABLE proof_carried_items (
    id            UUID         PRIMARY KEY,
    asset_id      UUID         NOT NULL REFERENCES assets (id),
    version       INTEGER      NOT NULL,
    annotation_id UUID         NOT NULL REFERENCES proof_annotations (id),
    from_version  INTEGER      NOT NULL,
    label         VARCHAR(300) NOT NULL,
    state         VARCHAR(10)  NOT NULL,
    carried_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    addressed_by  UUID         REFERENCES users (id),
    addressed_at  TIMESTAMP WITH TIME ZONE,
    confirmed_by  UUID         REFERENCES users (id),
    confirmed_at  TIMESTAMP WITH TIME ZONE,
    -- carrying is idempotent: one item per thread and version
    UNIQUE (asset_id, version, annotation_id)
);
