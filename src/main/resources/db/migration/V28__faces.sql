-- faces counted in each analysed version: faces_status COUNTED (faces holds the count), UNAVAILABLE
-- (no detector was installed: counted once one is), FAILED (the detector could not look at this
-- image); NULL for versions analysed before faces were counted, which the sweep at start re-analyses
ALTER TABLE image_analysis ADD COLUMN faces INTEGER;
ALTER TABLE image_analysis ADD COLUMN faces_status VARCHAR(20);
ALTER TABLE image_analysis ADD COLUMN faces_reason VARCHAR(2000);
