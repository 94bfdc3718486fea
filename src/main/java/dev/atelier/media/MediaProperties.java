package dev.atelier.media;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxPixels images with more pixels than this are refused before decoding
 * @param workers media worker processes (and renditions made at once); 0 means one per core
 * @param workerHeap the heap limit of each worker process; a decoder that needs more kills only its worker
 * @param jobTimeout how long one rendition job may take before its worker is killed
 * @param jpegQuality quality of JPEG renditions, 0..1
 * @param workerMemory resident memory (heap plus native decoders) a worker may reach before it is
 *     killed and replaced; the job it was doing fails after one retry
 * @param workerJava the {@code java} executable (JDK 25+) workers run on; empty for the server's own
 * @param retryBackoff wait before the second attempt of a rendition job that failed for a passing
 *     reason (workers or storage unavailable); each further wait is four times longer
 * @param maxAttempts attempts of such a job before its renditions are marked failed
 * @param maxDynamicEdge the largest width or height (in pixels, after the device pixel ratio) a
 *     dynamic rendition URL may ask for
 * @param urlKeyFile where the key that signs dynamic rendition URLs is kept (made on first start)
 * @param avJobTimeout how long one video or audio job (poster, proxy transcode, filmstrip) may take
 * @param maxDuration video and audio longer than this (from the container's header) are refused
 * @param maxFramePixels animated images whose frames × width × height (from the header) exceed this are refused
 * @param maxPages documents and multi-page images with more pages than this are refused
 * @param maxCachedPerSource dynamic renditions (and IIIF images) kept per source file, newest first
 * @param renderWait how long a dynamic rendition request waits for a free worker before a 503
 * @param libvips whether workers use libvips where it is installed; false forces the pure-Java engine
 * @param avMemory address space each {@code ffmpeg}/{@code ffprobe} run may map (its {@code RLIMIT_AS}); a run
 *     that needs more fails, and the job with it, with that reason
 * @param workRoot the only directory media workers may write in, and where each job's input is
 *     linked for them; on the blob store's volume, so inputs are hard links rather than copies
 * @param confine whether workers confine themselves (Linux Landlock) to the JDK, system libraries
 *     and the work root, with no network; false runs them unconfined
 */
@ConfigurationProperties("atelier.media")
public record MediaProperties(@DefaultValue("250000000") long maxPixels, @DefaultValue("0") int workers,
        @DefaultValue("1GB") DataSize workerHeap, @DefaultValue("2m") Duration jobTimeout, @DefaultValue("0.85") float jpegQuality,
        @DefaultValue("2GB") DataSize workerMemory, @DefaultValue("") String workerJava,
        @DefaultValue("10s") Duration retryBackoff, @DefaultValue("5") int maxAttempts, @DefaultValue("4096") int maxDynamicEdge,
        Path urlKeyFile, @DefaultValue("30m") Duration avJobTimeout, @DefaultValue("4h") Duration maxDuration,
        @DefaultValue("2000000000") long maxFramePixels, @DefaultValue("5000") int maxPages,
        @DefaultValue("200") int maxCachedPerSource, @DefaultValue("20s") Duration renderWait, @DefaultValue("true") boolean libvips,
        @DefaultValue("4GB") DataSize avMemory, Path workRoot, @DefaultValue("true") boolean confine) {

    public int workerCount() {
        return workers > 0 ? workers : Runtime.getRuntime().availableProcessors();
    }
}
