-- bulk edits of custom fields: a background job over a frozen list of assets, with progress and a report
CREATE TABLE bulk_edits (
    id          UUID          PRIMARY KEY,
    started_by  UUID          NOT NULL REFERENCES users (id),
    -- JSON: the search (query and facet choices) or the asset ids it was started on
    selection   VARCHAR(1000000) NOT NULL,
    -- JSON array of {field, operation, values}
    changes     VARCHAR(100000) NOT NULL,
    status      VARCHAR(20)   NOT NULL,
    total       INTEGER       NOT NULL,
    done        INTEGER       NOT NULL,
    changed     INTEGER       NOT NULL,
    failed      INTEGER       NOT NULL,
    reason      VARCHAR(2000),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at TIMESTAMP WITH TIME ZONE
);

-- the assets of a bulk edit in order, fixed when it starts, so a restart resumes where it stopped
CREATE TABLE bulk_edit_items (
    bulk_edit_id UUID    NOT NULL REFERENCES bulk_edits (id),
    position     INTEGER NOT NULL,
    asset_id     UUID    NOT NULL,
    PRIMARY KEY (bulk_edit_id, position)
);

-- assets a bulk edit could not change, and why
CREATE TABLE bulk_edit_failures (
    bulk_edit_id UUID          NOT NULL REFERENCES bulk_edits (id),
    asset_id     UUID          NOT NULL,
    message      VARCHAR(2000) NOT NULL,
    PRIMARY KEY (bulk_edit_id, asset_id)
);
