package dev.atelier.ingest;

import dev.atelier.storage.StagedBlob;
import java.util.Map;
import java.util.Optional;

/**
 * A multipart upload read off the wire: its file part already staged (hashed, on disk, not yet
 * committed) and its small form fields. Closing it discards the staged content unless it was
 * committed.
 */
public record ReceivedUpload(StagedBlob staged, String filename, Map<String, String> fields) implements AutoCloseable {

    public Optional<String> field(String name) {
        return Optional.ofNullable(fields.get(name)).filter(v -> !v.isBlank());
    }

    @Override
    public void close() {
        staged.close();
    }
}
