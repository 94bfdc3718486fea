package dev.atelier.metadata;

import dev.atelier.asset.Asset;
import dev.atelier.asset.AssetId;
import dev.atelier.asset.AssetManagement;
import dev.atelier.asset.AssetStatus;
import dev.atelier.asset.AssetVersion;
import dev.atelier.identity.Actor;
import dev.atelier.metadata.internal.ImageAnalyses;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.ObjIntConsumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Queries on the automatic tags of versions and on near-duplicates; analysing happens by itself after each new version. */
@Service
public class ImageAnalysisManagement {

    /** Similar assets listed at most. */
    public static final int MAX_SIMILAR = 12;

    private final AssetManagement assets;
    private final ImageAnalyses store;
    private final MetadataProperties properties;

    ImageAnalysisManagement(AssetManagement assets, ImageAnalyses store, MetadataProperties properties) {
        this.assets = assets;
        this.store = store;
        this.properties = properties;
    }

    /**
     * The version's analysis (the current version's when {@code number} is empty); {@code PENDING} until done.
     *
     * @throws dev.atelier.shared.NotFoundException when the asset or version is not the actor's to see
     */
    @Transactional(readOnly = true)
    public ImageAnalysis of(Actor actor, AssetId id, Optional<Integer> number) {
        AssetVersion version = assets.version(actor, id, number);
        return store.find(id, version.number()).orElseGet(() -> ImageAnalysis.pending(id, version.number()));
    }

    /** For mirrors such as the search index: no rights check. */
    @Transactional(readOnly = true)
    public Optional<ImageAnalysis> find(AssetId id, int version) {
        return store.find(id, version);
    }

    /** For mirrors catching up: every (asset, version) whose analysis is done. */
    @Transactional(readOnly = true)
    public void eachDone(ObjIntConsumer<AssetId> consumer) {
        store.eachDone(consumer);
    }

    /**
     * Assets whose current version's perceptual hash is within {@code atelier.metadata.similar-distance}
     * bits of this asset's current version, nearest first, at most {@link #MAX_SIMILAR}: only
     * assets the actor may see and not in the trash. Empty until the current version is analysed.
     *
     * @throws dev.atelier.shared.NotFoundException when the asset is not the actor's to see
     */
    @Transactional(readOnly = true)
    public List<SimilarAsset> similar(Actor actor, AssetId id) {
        Asset asset = assets.get(actor, id);
        Optional<ImageAnalysis> own = store.find(id, asset.currentVersion().number()).filter(ImageAnalysis::analysed);
        if (own.isEmpty()) {
            return List.of();
        }
        long hash = own.get().hash();
        return store.within(hash, properties.similarDistance()).stream()
                .filter(c -> !c.asset().equals(id))
                .sorted(Comparator.comparingInt((ImageAnalyses.Candidate c) -> Long.bitCount(c.hash() ^ hash)).thenComparing(c -> c.asset().value()))
                .flatMap(c -> assets.find(c.asset())
                        .filter(a -> a.status() == AssetStatus.ACTIVE && a.visibleTo(actor) && a.currentVersion().number() == c.version())
                        .map(a -> new SimilarAsset(a.id(), a.title(), Long.bitCount(c.hash() ^ hash))).stream())
                .limit(MAX_SIMILAR)
                .toList();
    }
}
