-- brief templates: ordered typed fields, default intake reviewers, guideline assets every brief links
CREATE TABLE brief_templates (
    id          UUID          PRIMARY KEY,
    name        VARCHAR(200)  NOT NULL,
    description VARCHAR(2000) NOT NULL,
    archived    BOOLEAN       NOT NULL,
    revision    BIGINT        NOT NULL,
    created_by  UUID          NOT NULL REFERENCES users (id),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE brief_template_fields (
    template_id   UUID          NOT NULL REFERENCES brief_templates (id),
    position      INTEGER       NOT NULL,
    field_key     VARCHAR(40)   NOT NULL,
    label         VARCHAR(200)  NOT NULL,
    type          VARCHAR(20)   NOT NULL,
    required      BOOLEAN       NOT NULL,
    help          VARCHAR(1000) NOT NULL,
    -- JSON array of the choices (choice and multi-choice fields)
    options       VARCHAR(20000) NOT NULL,
    vocabulary_id UUID          REFERENCES vocabularies (id),
    PRIMARY KEY (template_id, field_key)
);

CREATE TABLE brief_template_reviewers (
    template_id UUID NOT NULL REFERENCES brief_templates (id),
    user_id     UUID NOT NULL REFERENCES users (id),
    PRIMARY KEY (template_id, user_id)
);

CREATE TABLE brief_template_guidelines (
    template_id UUID NOT NULL REFERENCES brief_templates (id),
    asset_id    UUID NOT NULL REFERENCES assets (id),
    PRIMARY KEY (template_id, asset_id)
);

-- projects / team boards; columns and cards are the board's own tables
CREATE TABLE boards (
    id         UUID         PRIMARY KEY,
    name       VARCHAR(200) NOT NULL,
    created_by UUID         NOT NULL REFERENCES users (id),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- status: DRAFT, SUBMITTED, RETURNED, ACCEPTED, REJECTED (intake); work status on a board is the card's column
CREATE TABLE briefs (
    id           UUID          PRIMARY KEY,
    template_id  UUID          NOT NULL REFERENCES brief_templates (id),
    title        VARCHAR(200)  NOT NULL,
    owner_id     UUID          NOT NULL REFERENCES users (id),
    status       VARCHAR(20)   NOT NULL,
    due_on       DATE,
    board_id     UUID          REFERENCES boards (id),
    revision     BIGINT        NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    submitted_at TIMESTAMP WITH TIME ZONE,
    decided_at   TIMESTAMP WITH TIME ZONE,
    decided_by   UUID          REFERENCES users (id),
    -- the reviewer's comment when returned or rejected
    decision_comment VARCHAR(4000)
);
CREATE INDEX briefs_owner ON briefs (owner_id);
CREATE INDEX briefs_due ON briefs (due_on);
CREATE INDEX briefs_board ON briefs (board_id);

CREATE TABLE brief_assignees (
    brief_id UUID NOT NULL REFERENCES briefs (id),
    user_id  UUID NOT NULL REFERENCES users (id),
    PRIMARY KEY (brief_id, user_id)
);
CREATE INDEX brief_assignees_user ON brief_assignees (user_id);

-- the template fields' values, one JSON document per field
CREATE TABLE brief_values (
    brief_id    UUID           NOT NULL REFERENCES briefs (id),
    field_key   VARCHAR(40)    NOT NULL,
    field_value VARCHAR(100000) NOT NULL,
    PRIMARY KEY (brief_id, field_key)
);

-- milestone-list values again, one row each, so calendars query them by date
CREATE TABLE brief_milestones (
    brief_id  UUID         NOT NULL REFERENCES briefs (id),
    field_key VARCHAR(40)  NOT NULL,
    position  INTEGER      NOT NULL,
    name      VARCHAR(200) NOT NULL,
    due_on    DATE         NOT NULL,
    PRIMARY KEY (brief_id, field_key, position)
);
CREATE INDEX brief_milestones_due ON brief_milestones (due_on);

-- channel and market values again, one row per term, so boards filter by them
CREATE TABLE brief_terms (
    brief_id  UUID        NOT NULL REFERENCES briefs (id),
    field_key VARCHAR(40) NOT NULL,
    -- CHANNELS or MARKETS
    kind      VARCHAR(20) NOT NULL,
    term_id   UUID        NOT NULL REFERENCES terms (id),
    PRIMARY KEY (brief_id, field_key, term_id)
);
CREATE INDEX brief_terms_term ON brief_terms (term_id);

-- assets linked to a brief, both ways; role: GUIDELINE, REFERENCE, ATTACHMENT, DRAFT
CREATE TABLE brief_assets (
    brief_id  UUID        NOT NULL REFERENCES briefs (id),
    asset_id  UUID        NOT NULL REFERENCES assets (id),
    role      VARCHAR(20) NOT NULL,
    -- the asset-links or attachments field it fills; empty for guidelines and drafts
    field_key VARCHAR(40) NOT NULL,
    added_by  UUID        NOT NULL REFERENCES users (id),
    added_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (brief_id, asset_id, role, field_key)
);
CREATE INDEX brief_assets_asset ON brief_assets (asset_id);

-- acceptance criteria: a checklist reviewers tick later
CREATE TABLE brief_criteria (
    brief_id   UUID          NOT NULL REFERENCES briefs (id),
    position   INTEGER       NOT NULL,
    text       VARCHAR(1000) NOT NULL,
    met        BOOLEAN       NOT NULL,
    PRIMARY KEY (brief_id, position)
);

CREATE TABLE brief_comments (
    id         UUID          PRIMARY KEY,
    brief_id   UUID          NOT NULL REFERENCES briefs (id),
    author_id  UUID          NOT NULL REFERENCES users (id),
    body       VARCHAR(10000) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX brief_comments_brief ON brief_comments (brief_id, created_at);

-- admin rules evaluated on every save: when all conditions hold, the brief gets the note
CREATE TABLE brief_rules (
    id                 UUID          PRIMARY KEY,
    name               VARCHAR(200)  NOT NULL,
    -- JSON array of {field, operator, value}
    conditions         VARCHAR(20000) NOT NULL,
    disclaimer         VARCHAR(4000) NOT NULL,
    legal_review       BOOLEAN       NOT NULL,
    -- a mandatory step the brief must carry (e.g. "Legal review"); empty for none
    mandatory_step     VARCHAR(200)  NOT NULL,
    enabled            BOOLEAN       NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL
);

-- what the rules added to a brief at its last save
CREATE TABLE brief_notes (
    brief_id       UUID          NOT NULL REFERENCES briefs (id),
    rule_id        UUID          NOT NULL REFERENCES brief_rules (id),
    disclaimer     VARCHAR(4000) NOT NULL,
    legal_review   BOOLEAN       NOT NULL,
    mandatory_step VARCHAR(200)  NOT NULL,
    PRIMARY KEY (brief_id, rule_id)
);
