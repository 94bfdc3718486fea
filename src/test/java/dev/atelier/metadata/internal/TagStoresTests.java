package dev.atelier.metadata.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.asset.Asset;
import dev.atelier.asset.AssetId;
import dev.atelier.asset.internal.Assets;
import dev.atelier.identity.UserId;
import dev.atelier.identity.internal.Users;
import dev.atelier.metadata.TagSuggestion;
import dev.atelier.metadata.TagSuggestion.Status;
import dev.atelier.testsupport.StoredAssets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;

/** Asset tags, tag suggestions and tagger runs, on H2 and on PostgreSQL by the subclasses. */
@JdbcTest
@Import({AssetTagStore.class, TagSuggestionStore.class, Assets.class, Users.class})
abstract class TagStoresTests {

    static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");

    @Autowired
    AssetTagStore tags;
    @Autowired
    TagSuggestionStore suggestions;
    @Autowired
    Assets assets;
    @Autowired
    Users users;

    @Test
    void aTagIsHeldOnceWhateverItsCaseAndRemovedInAnyCase() {
        AssetId asset = asset();

        assertThat(tags.add(asset, "Harbour")).isTrue();
        assertThat(tags.add(asset, "harbour")).isFalse();
        assertThat(tags.add(asset, "boats")).isTrue();
        assertThat(tags.tags(asset)).containsExactly("boats", "Harbour");
        assertThat(tags.remove(asset, "HARBOUR")).isTrue();
        assertThat(tags.remove(asset, "harbour")).isFalse();
        assertThat(tags.tags(asset)).containsExactly("boats");
    }

    @Test
    void anOpenSuggestionIsRefreshedAndADecidedOneIsLeftAlone() {
        AssetId asset = asset();
        UserId by = owner(asset);
        suggestions.suggest(asset, "Beach", 1, 0.6, NOW);
        suggestions.suggest(asset, "sea", 1, 0.7, NOW);
        assertThat(suggestions.decide(asset, "SEA", Status.REJECTED, by, NOW)).isTrue();
        assertThat(suggestions.decide(asset, "sea", Status.ACCEPTED, by, NOW)).as("decided already").isFalse();

        suggestions.suggest(asset, "beach", 2, 0.9, NOW.plusSeconds(1));
        suggestions.suggest(asset, "Sea", 2, 0.99, NOW.plusSeconds(1));

        assertThat(suggestions.all(asset)).containsExactly(new TagSuggestion("beach", 0.9, 2, Status.SUGGESTED, NOW.plusSeconds(1)),
                new TagSuggestion("sea", 0.7, 1, Status.REJECTED, NOW));
    }

    @Test
    void keepsOneRunPerVersionWithItsReason() {
        AssetId asset = asset();

        suggestions.saveRun(asset, 1, "FAILED", Optional.of("x".repeat(3000)), NOW);
        suggestions.saveRun(asset, 1, "DONE", Optional.empty(), NOW);
        suggestions.saveRun(asset, 2, "FAILED", Optional.of("the tagger answered HTTP 503"), NOW);

        assertThat(suggestions.run(asset, 1)).contains(new TagSuggestionStore.Run("DONE", Optional.empty()));
        assertThat(suggestions.run(asset, 2).orElseThrow().reason()).contains("the tagger answered HTTP 503");
        assertThat(suggestions.run(asset, 3)).isEmpty();
    }

    private UserId owner(AssetId asset) {
        return assets.findById(asset).orElseThrow().ownerId();
    }

    private AssetId asset() {
        return StoredAssets.insert(users, assets, 1, "image/png", NOW);
    }
}
