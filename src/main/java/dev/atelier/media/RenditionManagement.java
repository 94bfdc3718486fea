package dev.atelier.media;

import dev.atelier.asset.AssetId;
import dev.atelier.media.internal.Renditions;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Queries on renditions; making them happens by itself after each new version. */
@Service
public class RenditionManagement {

    private final Renditions renditions;

    RenditionManagement(Renditions renditions) {
        this.renditions = renditions;
    }

    /** The rendition's state; {@code PENDING} when work on it has not started yet. */
    @Transactional(readOnly = true)
    public Rendition status(AssetId asset, int version, RenditionKind kind) {
        return renditions.find(asset, version, kind).orElseGet(() -> Rendition.pending(asset, version, kind, Instant.EPOCH));
    }

    @Transactional(readOnly = true)
    public List<Rendition> all(AssetId asset, int version) {
        return java.util.Arrays.stream(RenditionKind.values()).map(k -> status(asset, version, k)).toList();
    }
}
