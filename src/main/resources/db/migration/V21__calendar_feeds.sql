-- one iCalendar feed URL per user; only the SHA-256 of its token is kept, so a database leak gives no usable URL
CREATE TABLE calendar_feeds (
    user_id    UUID        PRIMARY KEY REFERENCES users (id),
    token_hash VARCHAR(64) NOT NULL UNIQUE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
