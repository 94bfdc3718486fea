package dev.atelier.metadata.internal;

import dev.atelier.asset.AssetId;
import dev.atelier.asset.AssetManagement;
import dev.atelier.asset.AssetVersion;
import dev.atelier.media.Rendition;
import dev.atelier.media.RenditionKind;
import dev.atelier.media.RenditionManagement;
import dev.atelier.media.RenditionStatus;
import dev.atelier.metadata.AssetTags;
import dev.atelier.metadata.MetadataManagement;
import dev.atelier.metadata.TaggerProperties;
import dev.atelier.metadata.VersionMetadata;
import dev.atelier.shared.InvalidRequestException;
import dev.atelier.storage.BlobContent;
import dev.atelier.storage.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tags one version: waits for its JPEG preview (our own rendition, never the original), sends it
 * to the external tagger outside any transaction, then keeps the confident answers the asset does
 * not have yet as suggestions, in one write.
 */
@Component
class Tagger {

    enum Outcome { DONE, WAITING }

    /** How long a version's preview is waited for before the version is given up. */
    static final Duration PATIENCE = Duration.ofHours(1);
    private static final long MAX_PREVIEW_BYTES = 32L * 1024 * 1024;

    private final AssetManagement assets;
    private final RenditionManagement renditions;
    private final BlobStore blobs;
    private final TaggerClient client;
    private final TagSuggestionStore suggestions;
    private final AssetTagStore tags;
    private final MetadataManagement metadata;
    private final TaggerProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Tagger(AssetManagement assets, RenditionManagement renditions, BlobStore blobs, TaggerClient client, TagSuggestionStore suggestions,
            AssetTagStore tags, MetadataManagement metadata, TaggerProperties properties, TransactionTemplate transaction, Clock clock) {
        this.assets = assets;
        this.renditions = renditions;
        this.blobs = blobs;
        this.client = client;
        this.suggestions = suggestions;
        this.tags = tags;
        this.metadata = metadata;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** @throws TaggerException or another unchecked exception for failures worth trying again */
    Outcome tag(AssetId id, int number) {
        Optional<AssetVersion> version = assets.find(id).flatMap(a -> a.version(number));
        // a job left from before the tagger was switched off
        if (version.isEmpty() || !properties.enabled()) {
            return Outcome.DONE;
        }
        Optional<Rendition> jpeg = Optional.empty();
        // the preview first; the thumbnail (made by the same job, saved a moment apart) when the preview is not a JPEG
        for (RenditionKind kind : List.of(RenditionKind.PREVIEW, RenditionKind.THUMBNAIL)) {
            Rendition r = renditions.status(id, number, kind);
            if (r.status() == RenditionStatus.PENDING) {
                return waitOrGiveUp(id, number, version.get());
            }
            if (r.status() == RenditionStatus.READY && r.blobKey().isPresent()
                    && r.mediaType().filter("image/jpeg"::equals).isPresent()) {
                jpeg = Optional.of(r);
                break;
            }
        }
        if (jpeg.isEmpty()) {
            record(id, number, "SKIPPED", Optional.of("this version has no JPEG preview to send"));
            return Outcome.DONE;
        }
        List<TaggerClient.Proposed> proposed = client.ask(read(jpeg.get()));
        transaction.executeWithoutResult(s -> {
            keep(id, number, proposed);
            suggestions.saveRun(id, number, "DONE", Optional.empty(), now());
        });
        return Outcome.DONE;
    }

    private Outcome waitOrGiveUp(AssetId id, int number, AssetVersion version) {
        if (version.uploadedAt().plus(PATIENCE).isAfter(now())) {
            return Outcome.WAITING;
        }
        giveUp(id, number, "the preview was not ready within " + PATIENCE.toMinutes() + " minutes");
        return Outcome.DONE;
    }

    /** Records that tagging this version failed for good. */
    void giveUp(AssetId id, int number, String reason) {
        record(id, number, "FAILED", Optional.of(reason));
    }

    private void record(AssetId id, int number, String status, Optional<String> reason) {
        transaction.executeWithoutResult(s -> suggestions.saveRun(id, number, status, reason, now()));
    }

    private void keep(AssetId id, int number, List<TaggerClient.Proposed> proposed) {
        Set<String> held = new HashSet<>();
        tags.tags(id).forEach(t -> held.add(AssetTags.key(t)));
        metadata.find(id, number).map(m -> m.values(VersionMetadata.Field.KEYWORDS)).orElse(List.of()).forEach(k -> held.add(AssetTags.key(k)));
        Map<String, TaggerClient.Proposed> best = new LinkedHashMap<>();
        for (TaggerClient.Proposed p : proposed) {
            Optional<String> name = valid(p.name());
            if (p.confidence() >= properties.minConfidence() && name.isPresent() && !held.contains(AssetTags.key(name.get()))) {
                best.merge(AssetTags.key(name.get()), new TaggerClient.Proposed(name.get(), p.confidence()),
                        (a, b) -> a.confidence() >= b.confidence() ? a : b);
            }
        }
        best.values().forEach(p -> suggestions.suggest(id, p.name(), number, p.confidence(), now()));
    }

    private static Optional<String> valid(String name) {
        try {
            return Optional.of(AssetTags.normalise(name));
        } catch (InvalidRequestException e) {
            return Optional.empty();
        }
    }

    private byte[] read(Rendition preview) {
        BlobContent content = blobs.open(preview.blobKey().orElseThrow())
                .orElseThrow(() -> new IllegalStateException("the preview's blob is missing"));
        if (content.size() > MAX_PREVIEW_BYTES) {
            throw new IllegalStateException("the preview is larger than " + MAX_PREVIEW_BYTES / 1024 / 1024 + " MB");
        }
        try (InputStream in = content.open()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the preview could not be read", e);
        }
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
