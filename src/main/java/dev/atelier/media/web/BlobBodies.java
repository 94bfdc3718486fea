package dev.atelier.media.web;

import dev.atelier.shared.ProblemException;
import dev.atelier.storage.BlobKey;
import dev.atelier.storage.BlobStore;
import java.util.function.Supplier;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;

/** A stored rendition as a response body: its file where the store has one (so Range and sendfile work), else a stream. */
final class BlobBodies {

    private BlobBodies() {
    }

    static Resource of(BlobStore blobs, BlobKey key, Supplier<? extends ProblemException> missing) {
        var blob = blobs.open(key).orElseThrow(missing);
        return blob.file().<Resource>map(FileSystemResource::new).orElseGet(() -> new InputStreamResource(() -> blob.open()));
    }
}
