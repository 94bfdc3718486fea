-- groups of users (a legal team, brand reviewers): workflow stages name them as reviewers
CREATE TABLE user_groups (
    id         UUID         PRIMARY KEY,
    name       VARCHAR(200) NOT NULL UNIQUE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE user_group_members (
    group_id UUID NOT NULL REFERENCES user_groups (id),
    user_id  UUID NOT NULL REFERENCES users (id),
    PRIMARY KEY (group_id, user_id)
);
CREATE INDEX user_group_members_user ON user_group_members (user_id);

-- workflow templates: ordered stages, kept as the JSON of their definition (the YAML's tree)
CREATE TABLE workflow_templates (
    id         UUID          PRIMARY KEY,
    name       VARCHAR(200)  NOT NULL UNIQUE,
    definition VARCHAR(100000) NOT NULL,
    revision   BIGINT        NOT NULL,
    created_by UUID          NOT NULL REFERENCES users (id),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- the workflow a brief template's briefs start on each draft uploaded into them (one per brief template)
CREATE TABLE brief_template_workflows (
    brief_template_id    UUID PRIMARY KEY REFERENCES brief_templates (id),
    workflow_template_id UUID NOT NULL REFERENCES workflow_templates (id)
);

-- routing: when all conditions hold, the rule picks a template and/or adds a stage (JSON)
CREATE TABLE routing_rules (
    id          UUID          PRIMARY KEY,
    name        VARCHAR(200)  NOT NULL,
    position    INTEGER       NOT NULL,
    conditions  VARCHAR(20000) NOT NULL,
    template_id UUID          REFERENCES workflow_templates (id),
    add_stage   VARCHAR(20000),
    enabled     BOOLEAN       NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- one workflow = one review round of one asset version; status RUNNING, APPROVED, CHANGES_REQUESTED, REJECTED, CANCELLED
CREATE TABLE workflows (
    id            UUID         PRIMARY KEY,
    asset_id      UUID         NOT NULL REFERENCES assets (id),
    version       INTEGER      NOT NULL,
    round         INTEGER      NOT NULL,
    template_id   UUID         REFERENCES workflow_templates (id),
    template_name VARCHAR(200) NOT NULL,
    brief_id      UUID         REFERENCES briefs (id),
    owner_id      UUID         NOT NULL REFERENCES users (id),
    status        VARCHAR(20)  NOT NULL,
    -- the asset while the round runs, NULL once it ended: at most one running round per asset, even when two start at once
    running_asset_id UUID      UNIQUE,
    started_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX workflows_asset ON workflows (asset_id, version);
CREATE INDEX workflows_status ON workflows (status);

-- the stages of a workflow as they were when it started; status WAITING, ACTIVE, PASSED, CHANGES_REQUESTED, REJECTED, CANCELLED
CREATE TABLE workflow_stages (
    workflow_id   UUID         NOT NULL REFERENCES workflows (id),
    stage_key     VARCHAR(40)  NOT NULL,
    position      INTEGER      NOT NULL,
    name          VARCHAR(200) NOT NULL,
    rule          VARCHAR(20)  NOT NULL,
    quorum        INTEGER      NOT NULL,
    gatekeeper_id UUID         REFERENCES users (id),
    -- JSON array of the stage keys that must pass before this one starts
    after_keys    VARCHAR(2000) NOT NULL,
    due_minutes   BIGINT,
    business_days INTEGER,
    status        VARCHAR(20)  NOT NULL,
    started_at    TIMESTAMP WITH TIME ZONE,
    due_at        TIMESTAMP WITH TIME ZONE,
    completed_at  TIMESTAMP WITH TIME ZONE,
    reminded_before_at TIMESTAMP WITH TIME ZONE,
    reminded_after_at  TIMESTAMP WITH TIME ZONE,
    escalated_at       TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (workflow_id, stage_key)
);
CREATE INDEX workflow_stages_due ON workflow_stages (status, due_at);

-- who reviews in a stage and how far they got: PENDING (stage not started), SENT, OPENED, COMMENTED, DECIDED
CREATE TABLE workflow_reviewers (
    workflow_id  UUID        NOT NULL REFERENCES workflows (id),
    stage_key    VARCHAR(40) NOT NULL,
    user_id      UUID        NOT NULL REFERENCES users (id),
    state        VARCHAR(20) NOT NULL,
    sent_at      TIMESTAMP WITH TIME ZONE,
    opened_at    TIMESTAMP WITH TIME ZONE,
    commented_at TIMESTAMP WITH TIME ZONE,
    decided_at   TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (workflow_id, stage_key, user_id)
);
CREATE INDEX workflow_reviewers_user ON workflow_reviewers (user_id, state);

-- decisions: append-only (never updated or deleted); a later one of the same reviewer in the same stage supersedes
CREATE TABLE workflow_decisions (
    id          UUID          PRIMARY KEY,
    workflow_id UUID          NOT NULL REFERENCES workflows (id),
    stage_key   VARCHAR(40)   NOT NULL,
    reviewer_id UUID          NOT NULL REFERENCES users (id),
    verdict     VARCHAR(30)   NOT NULL,
    comment     VARCHAR(4000) NOT NULL,
    version     INTEGER       NOT NULL,
    sha256      VARCHAR(64)   NOT NULL,
    decided_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX workflow_decisions_workflow ON workflow_decisions (workflow_id, decided_at);
