package dev.atelier.media;

import dev.atelier.asset.AssetId;
import dev.atelier.media.internal.MediaFacts;
import dev.atelier.media.internal.Renditions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Queries on renditions; making them happens by itself after each new version. */
@Service
public class RenditionManagement {

    private final Renditions renditions;
    private final MediaFacts facts;

    RenditionManagement(Renditions renditions, MediaFacts facts) {
        this.renditions = renditions;
        this.facts = facts;
    }

    /** What the media engines learnt of the version: width, height, pages, duration (s), codecs. Empty until processed. */
    @Transactional(readOnly = true)
    public Map<String, String> facts(AssetId asset, int version) {
        return facts.find(asset, version);
    }

    /** The rendition's state; {@code PENDING} when work on it has not started yet. */
    @Transactional(readOnly = true)
    public Rendition status(AssetId asset, int version, RenditionKind kind) {
        return renditions.find(asset, version, kind).orElseGet(() -> Rendition.pending(asset, version, kind, Instant.EPOCH));
    }

    /** Every rendition a version of this media type gets. */
    @Transactional(readOnly = true)
    public List<Rendition> all(AssetId asset, int version, String mediaType) {
        return RenditionKind.forType(mediaType).stream().map(k -> status(asset, version, k)).toList();
    }
}
