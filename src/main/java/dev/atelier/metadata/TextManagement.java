package dev.atelier.metadata;

import dev.atelier.asset.AssetId;
import dev.atelier.asset.AssetManagement;
import dev.atelier.asset.AssetVersion;
import dev.atelier.identity.Actor;
import dev.atelier.metadata.internal.TextStore;
import java.util.Optional;
import java.util.function.ObjIntConsumer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Queries on the text found in versions; extracting it happens by itself after each new version (publishes {@link TextExtracted}). */
@Service
@EnableConfigurationProperties(TextProperties.class)
public class TextManagement {

    private final AssetManagement assets;
    private final TextStore store;

    TextManagement(AssetManagement assets, TextStore store) {
        this.assets = assets;
        this.store = store;
    }

    /**
     * The version's text (the current version's when {@code number} is empty); {@code PENDING} until read.
     *
     * @throws dev.atelier.shared.NotFoundException when the asset or version does not exist or the actor may not see it
     */
    @Transactional(readOnly = true)
    public VersionText of(Actor actor, AssetId id, Optional<Integer> number) {
        AssetVersion version = assets.version(actor, id, number);
        return store.find(id, version.number()).orElseGet(() -> VersionText.pending(id, version.number()));
    }

    /** For mirrors such as the search index: no rights check. */
    @Transactional(readOnly = true)
    public Optional<VersionText> find(AssetId id, int version) {
        return store.find(id, version);
    }

    /** For mirrors catching up: every (asset, version) whose text is no longer pending. */
    @Transactional(readOnly = true)
    public void eachDone(ObjIntConsumer<AssetId> consumer) {
        store.eachDone(consumer);
    }
}
