-- file naming conventions checked at upload (warn or reject) and used to name downloads
CREATE TABLE naming_rules (
    id         UUID         PRIMARY KEY,
    name       VARCHAR(200) NOT NULL,
    template   VARCHAR(500) NOT NULL,
    applies_to VARCHAR(100) NOT NULL,
    mode       VARCHAR(20)  NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
