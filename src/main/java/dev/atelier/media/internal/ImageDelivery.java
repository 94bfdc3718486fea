package dev.atelier.media.internal;

import dev.atelier.asset.AssetId;
import dev.atelier.asset.AssetManagement;
import dev.atelier.asset.AssetVersion;
import dev.atelier.identity.Actor;
import dev.atelier.media.ImageSpec;
import dev.atelier.media.MediaProperties;
import dev.atelier.media.RenditionKind;
import dev.atelier.media.RenditionStatus;
import dev.atelier.media.internal.DeliveryProblems.ImageTooLargeRequestException;
import dev.atelier.media.internal.DeliveryProblems.ImagingUnavailableException;
import dev.atelier.media.internal.DeliveryProblems.InvalidSignatureException;
import dev.atelier.media.internal.DeliveryProblems.NoImageException;
import dev.atelier.media.internal.RenditionCache.Entry;
import dev.atelier.media.internal.WorkerProtocol.Output;
import dev.atelier.media.internal.WorkerProtocol.RenderRequest;
import dev.atelier.media.internal.WorkerProtocol.RenderResponse;
import dev.atelier.media.internal.WorkerProtocol.Target;
import dev.atelier.shared.InvalidRequestException;
import dev.atelier.shared.NotFoundException;
import dev.atelier.shared.ProblemException;
import dev.atelier.storage.BlobContent;
import dev.atelier.storage.BlobKey;
import dev.atelier.storage.BlobStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/**
 * Dynamic renditions behind signed URLs ({@code /cdn/assets/{id}/image?w=…&s=…}): any box, fit,
 * gravity, format and device pixel ratio, made on first request in a media worker and then
 * served from a content-addressed cache (key: the source's SHA-256 and the normalised spec), so
 * a new version or other parameters never meet a stale entry. Concurrent requests for the same
 * missing rendition share one computation.
 */
@Service
public class ImageDelivery {

    /** What to send: a stored rendition and how it may be cached. */
    public record Delivered(BlobKey blob, String mediaType, int width, int height, boolean versioned, boolean negotiated) {

        /**
         * The strong validator: the SHA-256 of the bytes sent (the blob is content-addressed). Not the cache key: an
         * entry made again after it went (from the stored preview instead of the original, by another libvips) may
         * differ in its bytes, and a strong ETag must change with them.
         */
        public String etag() {
            return blob.sha256();
        }
    }

    private static final MessageDigest SHA256 = sha256();

    private final AssetManagement assets;
    private final FocalPoints focalPoints;
    private final BlobStore blobs;
    private final MediaWorkerPool workers;
    private final RenditionCache cache;
    private final Renditions renditionBlobs;
    private final MediaFacts facts;
    private final MediaProperties properties;
    private final UrlSigner signer;
    private final DeliverableVersions versions;
    private final Clock clock;
    private final Map<String, CompletableFuture<Entry>> inFlight = new ConcurrentHashMap<>();

    ImageDelivery(AssetManagement assets, FocalPoints focalPoints, BlobStore blobs, MediaWorkerPool workers, RenditionCache cache,
            Renditions renditionBlobs, MediaFacts facts, MediaProperties properties, DeliverableVersions versions, Clock clock) {
        this.renditionBlobs = renditionBlobs;
        this.facts = facts;
        this.assets = assets;
        this.focalPoints = focalPoints;
        this.blobs = blobs;
        this.workers = workers;
        this.cache = cache;
        this.properties = properties;
        this.signer = new UrlSigner(properties.urlKeyFile());
        this.versions = versions;
        this.clock = clock;
    }

    /** A signed path for a viewer of the asset; the spec is checked against the size limit now. */
    public String signedPath(Actor actor, AssetId id, ImageSpec spec) {
        assets.version(actor, id, spec.version());
        checkSize(spec);
        String unsigned = unsignedPath(id, spec);
        return unsigned + (spec.query().isEmpty() ? "?" : "&") + "s=" + signer.sign(unsigned);
    }

    /**
     * The rendition a signed URL names, made now if no cached one exists.
     *
     * @param accept the request's {@code Accept} header, for {@code fm=auto}
     * @throws ProblemException for an unsigned or altered URL (403), a size over the limit (400), an
     *         unknown or trashed asset or version (404), or no image of its type (422)
     */
    public Delivered deliver(AssetId id, Map<String, String> query, String accept) {
        ImageSpec spec = verified(id, query);
        AssetVersion version = assets.deliverableVersion(id, spec.version())
                .orElseThrow(() -> new NotFoundException("asset " + id + (spec.version().map(v -> " version " + v).orElse(""))));
        Plan plan = plan(id, spec, version, accept);
        return plan.delivered(rendered(id, version, plan.target(), plan.spec()));
    }

    /**
     * What {@link #deliver} would answer when that is an already cached rendition, found without
     * rendering and without a transaction: the version comes from {@link DeliverableVersions}
     * (memory, kept current by the asset events), the entry from {@link RenditionCache} (memory
     * once it has been seen). Signature, size and format rules are {@link #deliver}'s own. Empty for
     * anything else (unsigned or altered, too large, unknown or trashed, no image, not rendered yet,
     * a bad parameter), which {@link #deliver} then answers as ever. Whether the entry's blob is
     * still stored is for the caller to see as it opens it.
     */
    public Optional<Delivered> cached(AssetId id, Map<String, String> query, String accept) {
        try {
            ImageSpec spec = verified(id, query);
            return versions.find(id, spec.version()).flatMap(version -> {
                Plan plan = plan(id, spec, version, accept);
                return cache.find(cacheKey(version.blobKey(), plan.spec())).map(plan::delivered);
            });
        } catch (ProblemException e) {
            return Optional.empty();
        }
    }

    /** The parsed spec of a signed query whose signature holds and whose size is within the limit. */
    private ImageSpec verified(AssetId id, Map<String, String> query) {
        ImageSpec spec = ImageSpec.parse(query);
        if (!signer.verify(unsignedPath(id, spec), query.get("s"))) {
            throw new InvalidSignatureException();
        }
        checkSize(spec);
        return spec;
    }

    /**
     * A verified spec made concrete for one version: the target to render, the spec that names it
     * in the cache, and how the answer may be cached by others.
     */
    private record Plan(Target target, String spec, boolean versioned, boolean negotiated) {

        Delivered delivered(Entry entry) {
            return new Delivered(entry.blob(), entry.mediaType(), entry.width(), entry.height(), versioned, negotiated);
        }
    }

    private Plan plan(AssetId id, ImageSpec spec, AssetVersion version, String accept) {
        Set<String> writable = workers.capabilities().formatsFor(version.mediaType());
        if (writable.isEmpty()) {
            throw new NoImageException("there is no image of this type (" + version.mediaType() + ")");
        }
        String format = spec.format().equals("auto") ? negotiate(accept, writable) : spec.format();
        if (!writable.contains(format)) {
            throw new InvalidRequestException("This server cannot write " + format + " images; it writes " + String.join(", ", writable)
                    + " (WebP and AVIF need libvips).");
        }
        String gravity = concreteGravity(id, spec);
        ImageSpec concrete = spec.withFormat(format).withGravity(gravity);
        int edge = properties.maxDynamicEdge();
        boolean free = spec.width() == 0 && spec.height() == 0;
        // without a box there is nothing to crop, pad or stretch to: the image as it is, within the limit
        Target target = new Target("image", free ? edge : concrete.pixelWidth(), free ? edge : concrete.pixelHeight(),
                free ? "inside" : concrete.fit(),
                concrete.gravity(), format, concrete.quality(), WorkerProtocol.Transform.NONE.onPage(concrete.page() - 1));
        ImageSpec anyVersion = new ImageSpec(Optional.empty(), concrete.width(), concrete.height(), concrete.fit(),
                concrete.gravity(), format, concrete.quality(), concrete.dpr(), concrete.page());
        // a pinned version is immutable unless the crop follows the focal point, which may move
        boolean fixed = spec.version().isPresent() && !(spec.gravity().equals("auto") && spec.fit().equals("cover"));
        return new Plan(target, anyVersion.query(), fixed, spec.format().equals("auto"));
    }

    /**
     * The target rendered from the version, from the cache when it is there; {@code spec}
     * names the target fully (it is hashed with the source's SHA-256 into the cache key).
     */
    Entry rendered(AssetId id, AssetVersion version, Target target, String spec) {
        String key = cacheKey(version.blobKey(), spec);
        return cache.find(key).filter(e -> blobs.exists(e.blob())).orElseGet(() -> renderOnce(key, id, version, target));
    }

    /** Whether images (and so dynamic renditions) can be made of the version. */
    public boolean makesImagesOf(AssetVersion version) {
        return !writableFormats(version).isEmpty() && !version.mediaType().startsWith("audio/")
                && !version.mediaType().startsWith("video/");
    }

    /** The formats images of this version can be written in; empty when there is no image of it. */
    Set<String> writableFormats(AssetVersion version) {
        return workers.capabilities().formatsFor(version.mediaType());
    }

    private Entry renderOnce(String key, AssetId id, AssetVersion version, Target target) {
        CompletableFuture<Entry> mine = new CompletableFuture<>();
        CompletableFuture<Entry> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        try {
            Entry entry = render(key, id, version, target);
            mine.complete(entry);
            return entry;
        } catch (RuntimeException | Error e) {
            // the requests waiting on this one must not hang, whatever went wrong
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    private Entry render(String key, AssetId id, AssetVersion version, Target target) {
        Source source = source(id, version, target);
        Optional<BlobContent> found = blobs.open(source.blob());
        if (found.isEmpty() && source.fromPreview()) {
            // the preview's blob went missing: the original serves as ever
            source = Source.originalOf(version);
            found = blobs.open(source.blob());
        }
        BlobContent content = found.orElseThrow(() -> new NotFoundException("the original's content"));
        try (JobFiles files = workers.jobFiles("image")) {
            Path work = files.directory();
            Path input = files.input(content);
            RenderRequest request = RenderRequest.within(properties, input, source.mediaType(), work, List.of(target));
            RenderResponse response = workers.render(source.fromPreview() ? request.planningAs(source.width(), source.height()) : request,
                    properties.jobTimeout(), properties.renderWait());
            switch (response.outcome()) {
                case "ok" -> {
                    Output output = response.outputs().getFirst();
                    BlobKey stored = files.store(blobs, output.path());
                    Entry entry = new Entry(key, version.blobKey(), stored, WorkerProtocol.mediaTypeOf(output.path()), output.width(),
                            output.height());
                    cache.put(entry, Instant.now(clock)).ifPresent(this::deleteUnused);
                    forgetBeyondLimit(version.blobKey());
                    return entry;
                }
                case "unavailable" -> throw new ImagingUnavailableException(response.message());
                default -> throw new NoImageException(response.message());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What a rendition is made from: the original ({@code width} and {@code height} 0), or the
     * version's stored preview, planned as the original's {@code width} × {@code height}.
     */
    private record Source(BlobKey blob, String mediaType, int width, int height) {

        static Source originalOf(AssetVersion version) {
            return new Source(version.blobKey(), version.mediaType(), 0, 0);
        }

        boolean fromPreview() {
            return width > 0;
        }
    }

    /**
     * The version's stored preview (a JPEG of at most 2048 px that libvips made, so already upright and in sRGB) when the
     * target is a whole JPEG photo at most half the preview's size in each direction, else the
     * original. Decoding the original costs most of a rendition (a 12-megapixel JPEG must be
     * entropy-decoded whole even when libvips shrinks it on load), the preview a fraction of that;
     * reduced by half or more, the preview's own compression leaves no visible trace. Only JPEG
     * originals: they have no transparency the preview could have lost, no pages and no frames.
     * Sizes, crops and padding are planned on the original's size, so they come out as from the
     * original. Falls back to the original while the preview is not ready.
     */
    private Source source(AssetId id, AssetVersion version, Target target) {
        Source original = Source.originalOf(version);
        if (!version.mediaType().equals("image/jpeg") || target.transform().hasRegion() || target.transform().page() > 0) {
            return original;
        }
        var preview = renditionBlobs.find(id, version.number(), RenditionKind.PREVIEW)
                .filter(r -> r.status() == RenditionStatus.READY && r.blobKey().isPresent()
                        && r.mediaType().filter("image/jpeg"::equals).isPresent() && r.width() > 0 && r.height() > 0);
        if (preview.isEmpty()) {
            return original;
        }
        Map<String, String> known = facts.find(id, version.number());
        if (!"libvips".equals(known.get("engine"))) {
            // the pure-Java engine converts no colour profiles: its previews are not the original's colours
            return original;
        }
        Optional<int[]> size = MediaFacts.dimensions(known);
        if (size.isEmpty()) {
            return original;
        }
        int width = size.get()[0];
        int height = size.get()[1];
        Layout layout = Layout.plan(width, height, target);
        if (2L * layout.scaledWidth() > preview.get().width() || 2L * layout.scaledHeight() > preview.get().height()) {
            return original;
        }
        return new Source(preview.get().blobKey().get(), "image/jpeg", width, height);
    }

    /**
     * Keeps the cache of one source to {@code max-cached-per-source} renditions, newest first, so
     * minting endless distinct URLs (or walking IIIF regions) cannot fill the disk; an evicted
     * rendition is simply made again when asked for. Blobs still used elsewhere stay.
     */
    private void forgetBeyondLimit(BlobKey source) {
        cache.trim(source, properties.maxCachedPerSource()).forEach(this::deleteUnused);
    }

    /** Deletes a blob no cache entry names any longer, unless a stored rendition of some version uses it. */
    private void deleteUnused(BlobKey orphan) {
        if (!renditionBlobs.isUsed(orphan)) {
            blobs.delete(orphan);
        }
    }

    /**
     * {@code auto} gravity is the asset's focal point where one is set, resolved here so the cache
     * key changes with it. Only cover crops have anything to place (contain pads evenly whatever
     * the focal point), so other fits skip the lookup and are centred.
     */
    private String concreteGravity(AssetId id, ImageSpec spec) {
        if (!spec.gravity().equals("auto")) {
            return spec.gravity();
        }
        return spec.fit().equals("cover") ? focalPoints.find(id).map(FocalPoints.FocalPoint::gravity).orElse("center") : "center";
    }

    private void checkSize(ImageSpec spec) {
        int max = properties.maxDynamicEdge();
        if (spec.pixelWidth() > max || spec.pixelHeight() > max) {
            throw new ImageTooLargeRequestException(max);
        }
    }

    /** AVIF, then WebP, where the client says it takes them (browsers do, in {@code Accept}); else JPEG. */
    static String negotiate(String accept, Set<String> writable) {
        String header = accept == null ? "" : accept.toLowerCase(java.util.Locale.ROOT);
        for (String format : List.of("avif", "webp")) {
            if (writable.contains(format) && header.contains("image/" + format)) {
                return format;
            }
        }
        return "jpeg";
    }

    private static String unsignedPath(AssetId id, ImageSpec spec) {
        String path = "/cdn/assets/" + id + "/image";
        return spec.query().isEmpty() ? path : path + "?" + spec.query();
    }

    private static String cacheKey(BlobKey source, String spec) {
        try {
            // a clone of an untouched prototype: looking the algorithm up costs more than the hash
            MessageDigest sha256 = (MessageDigest) SHA256.clone();
            return HexFormat.of().formatHex(sha256.digest((source.sha256() + "|" + spec).getBytes(StandardCharsets.UTF_8)));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
