-- Append-only, hash-chained: each record's hash covers its content and the previous hash,
-- so editing or deleting any record breaks every hash after it.
CREATE TABLE audit_log (
    seq          BIGINT        PRIMARY KEY,
    occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_id     UUID,
    action       VARCHAR(60)   NOT NULL,
    subject_type VARCHAR(40)   NOT NULL,
    subject_id   VARCHAR(100)  NOT NULL,
    details      VARCHAR(4000) NOT NULL,
    prev_hash    CHAR(64)      NOT NULL,
    hash         CHAR(64)      NOT NULL
);
CREATE INDEX audit_log_subject ON audit_log (subject_type, subject_id, seq);

-- one row: the chain's head, locked by every append so records form a single sequence
CREATE TABLE audit_head (
    id        INTEGER  PRIMARY KEY,
    last_seq  BIGINT   NOT NULL,
    last_hash CHAR(64) NOT NULL
);
INSERT INTO audit_head (id, last_seq, last_hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
