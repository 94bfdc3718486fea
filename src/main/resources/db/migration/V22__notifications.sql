-- e-mail addresses are kept lower-case, so uniqueness ignores case; several users may have none
ALTER TABLE users ADD COLUMN email VARCHAR(254);
CREATE UNIQUE INDEX users_email ON users (email);

-- in-app notifications; the link is a path inside Atelier (never another site)
CREATE TABLE notifications (
    id           UUID          PRIMARY KEY,
    recipient_id UUID          NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind         VARCHAR(60)   NOT NULL,
    title        VARCHAR(300)  NOT NULL,
    body         VARCHAR(4000) NOT NULL,
    link         VARCHAR(1000) NOT NULL,
    actor_id     UUID          REFERENCES users (id) ON DELETE SET NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    read_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX notifications_recipient ON notifications (recipient_id, created_at, id);

-- how each user wants e-mail (no row: immediately); last_digest_at bounds the next daily digest
CREATE TABLE notification_preferences (
    user_id        UUID        PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    email_delivery VARCHAR(20) NOT NULL,
    last_digest_at TIMESTAMP WITH TIME ZONE
);
