package dev.atelier.media.web;

import dev.atelier.shared.ProblemException;
import dev.atelier.storage.BlobContent;
import dev.atelier.storage.BlobKey;
import dev.atelier.storage.BlobStore;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/** A stored rendition as a response body: its file where the store has one (so Range and sendfile work), else a stream. */
final class BlobBodies {

    /** Tomcat's request attributes for handing a file to the connector (as its own DefaultServlet does). */
    private static final String SENDFILE_SUPPORT = "org.apache.tomcat.sendfile.support";
    private static final String SENDFILE_FILE = "org.apache.tomcat.sendfile.filename";
    private static final String SENDFILE_START = "org.apache.tomcat.sendfile.start";
    private static final String SENDFILE_END = "org.apache.tomcat.sendfile.end";

    private BlobBodies() {
    }

    static Resource of(BlobStore blobs, BlobKey key, Supplier<? extends ProblemException> missing) {
        return blobs.open(key).orElseThrow(missing).asResource();
    }

    /**
     * The whole blob as the answer to a plain GET: handed to the connector's sendfile where it
     * offers one, so the kernel copies the file to the socket as nginx does, with no buffer or
     * copy in this JVM; otherwise (and for Range or HEAD requests) the body of {@link #of}.
     */
    static ResponseEntity<Resource> whole(ResponseEntity.BodyBuilder response, HttpServletRequest request, BlobStore blobs, BlobKey key,
            Supplier<? extends ProblemException> missing) {
        BlobContent blob = blobs.open(key).orElseThrow(missing);
        Optional<Path> file = blob.file();
        if (file.isPresent() && "GET".equals(request.getMethod()) && request.getHeader(HttpHeaders.RANGE) == null
                && Boolean.TRUE.equals(request.getAttribute(SENDFILE_SUPPORT))) {
            request.setAttribute(SENDFILE_FILE, file.get().toAbsolutePath().toString());
            request.setAttribute(SENDFILE_START, 0L);
            request.setAttribute(SENDFILE_END, blob.size());
            return response.contentLength(blob.size()).build();
        }
        return response.body(blob.asResource());
    }
}
