package dev.atelier.media.internal;

import dev.atelier.media.internal.WorkerProtocol.RenderRequest;
import dev.atelier.media.internal.WorkerProtocol.RenderResponse;
import java.util.Set;

/** Turns one input file into the requested JPEG renditions, inside a media worker process. */
interface ImageEngine {

    /** e.g. {@code libvips 8.14.1} */
    String name();

    /** The media types (as sniffed at upload) this engine makes previews of. */
    Set<String> types();

    /** The output formats it writes ({@code jpeg} always). */
    Set<String> formats();

    /** Never throws for bad input: refusals and failures come back as a response with a reason. */
    RenderResponse render(RenderRequest request);
}
