-- confidential assets: seen only by their owner, managers and admins
ALTER TABLE assets ADD COLUMN confidential BOOLEAN DEFAULT FALSE NOT NULL;
