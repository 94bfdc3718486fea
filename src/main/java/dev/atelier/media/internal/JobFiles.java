package dev.atelier.media.internal;

import dev.atelier.storage.BlobContent;
import dev.atelier.storage.BlobKey;
import dev.atelier.storage.BlobStore;
import dev.atelier.storage.StagedBlob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The files around one worker job: its input as a local file, its outputs into the blob store. */
final class JobFiles {

    private JobFiles() {
    }

    /** The original as a file a worker can read: the blob's own file, or a copy in {@code work} for stores without files. */
    static Path input(BlobContent original, Path work) throws IOException {
        Path file = original.file().orElse(null);
        if (file != null) {
            return file;
        }
        Path copy = work.resolve("original");
        try (var in = original.open()) {
            Files.copy(in, copy);
        }
        return copy;
    }

    /** Stores a file a worker wrote (checked to lie in {@code work}) and returns its key. */
    static BlobKey store(BlobStore blobs, Path work, String reported) throws IOException {
        Path file = WorkerProtocol.insideOf(work, reported);
        try (var in = Files.newInputStream(file); StagedBlob staged = blobs.stage(in, Files.size(file))) {
            return staged.commit();
        }
    }
}
