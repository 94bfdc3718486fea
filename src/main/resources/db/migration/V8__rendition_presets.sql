-- Named dynamic rendition specs that admins keep: each is an ImageSpec query (w, h, fit, g, fm, q, dpr)
CREATE TABLE rendition_presets (
    name        VARCHAR(60)              NOT NULL PRIMARY KEY,
    label       VARCHAR(200)             NOT NULL,
    spec        VARCHAR(300)             NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

INSERT INTO rendition_presets (name, label, spec, updated_at) VALUES
    ('web-1600', 'Web, 1600 px wide', 'w=1600', CURRENT_TIMESTAMP),
    ('social-square-1080', 'Social square, 1080 × 1080', 'w=1080&h=1080&fit=cover', CURRENT_TIMESTAMP),
    ('social-landscape-1200', 'Social link preview, 1200 × 630', 'w=1200&h=630&fit=cover', CURRENT_TIMESTAMP),
    ('email-600', 'E-mail, 600 px wide (retina)', 'w=600&dpr=2&fm=jpeg', CURRENT_TIMESTAMP);
