-- moves on a board are serialized by bumping this first (a row lock per board)
ALTER TABLE boards ADD COLUMN revision BIGINT DEFAULT 0 NOT NULL;

-- a board's columns, left to right; the last one counts as done (no overdue badge there)
CREATE TABLE board_columns (
    id        UUID         PRIMARY KEY,
    board_id  UUID         NOT NULL REFERENCES boards (id),
    name      VARCHAR(100) NOT NULL,
    position  INTEGER      NOT NULL,
    -- at most this many cards; NULL for no limit
    wip_limit INTEGER
);
CREATE INDEX board_columns_board ON board_columns (board_id, position);

-- one card per brief that passed intake and was not sent back; version grows with every move
CREATE TABLE board_cards (
    brief_id  UUID    PRIMARY KEY REFERENCES briefs (id),
    board_id  UUID    NOT NULL REFERENCES boards (id),
    column_id UUID    NOT NULL REFERENCES board_columns (id),
    position  INTEGER NOT NULL,
    version   BIGINT  NOT NULL
);
CREATE INDEX board_cards_column ON board_cards (column_id, position);
CREATE INDEX board_cards_board ON board_cards (board_id);
