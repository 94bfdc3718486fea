package dev.atelier.metadata;

import dev.atelier.asset.AssetId;
import dev.atelier.asset.AssetManagement;
import dev.atelier.asset.AssetVersion;
import dev.atelier.identity.Actor;
import dev.atelier.metadata.internal.MetadataStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.ObjIntConsumer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Queries on the metadata read from files; reading happens by itself after each new version. */
@Service
@EnableConfigurationProperties(MetadataProperties.class)
public class MetadataManagement {

    private final AssetManagement assets;
    private final MetadataStore store;

    MetadataManagement(AssetManagement assets, MetadataStore store) {
        this.assets = assets;
        this.store = store;
    }

    /** The version's metadata (the current version's when {@code number} is empty); {@code PENDING} until read. */
    @Transactional(readOnly = true)
    public VersionMetadata of(Actor actor, AssetId id, Optional<Integer> number) {
        AssetVersion version = assets.version(actor, id, number);
        return store.find(id, version.number()).orElseGet(() -> pending(id, version.number()));
    }

    /** For mirrors such as the search index: no rights check. */
    @Transactional(readOnly = true)
    public Optional<VersionMetadata> find(AssetId id, int version) {
        return store.find(id, version);
    }

    /** For mirrors catching up: every (asset, version) whose metadata is no longer pending. */
    @Transactional(readOnly = true)
    public void eachDone(ObjIntConsumer<AssetId> consumer) {
        store.eachDone(consumer);
    }

    private static VersionMetadata pending(AssetId id, int version) {
        return new VersionMetadata(id, version, VersionMetadata.Status.PENDING, Optional.empty(), Map.of(), Map.of(), Instant.EPOCH);
    }
}
