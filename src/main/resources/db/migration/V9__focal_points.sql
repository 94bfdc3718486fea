-- Where the subject of an image is (fractions of width and height from the top left), so crops keep it
CREATE TABLE focal_points (
    asset_id    UUID                     NOT NULL PRIMARY KEY REFERENCES assets (id),
    x           DOUBLE PRECISION         NOT NULL,
    y           DOUBLE PRECISION         NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
