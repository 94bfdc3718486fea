package dev.atelier.media.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.asset.AssetId;
import dev.atelier.asset.internal.Assets;
import dev.atelier.identity.internal.Users;
import dev.atelier.media.Rendition;
import dev.atelier.media.RenditionKind;
import dev.atelier.media.RenditionStatus;
import dev.atelier.storage.BlobKey;
import dev.atelier.testsupport.StoredAssets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;

/** The renditions table, run on H2 and on PostgreSQL by the subclasses. */
@JdbcTest
@Import({Renditions.class, RenditionCache.class, Assets.class, Users.class})
abstract class RenditionsTests {

    static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");

    @Autowired
    Renditions renditions;

    @Autowired
    Assets assets;

    @Autowired
    Users users;

    AssetId asset;

    @BeforeEach
    void assetWithOneVersion() {
        asset = StoredAssets.insert(users, assets, 1, "image/png", NOW);
    }

    @Test
    void replacesThePendingRowWhenTheRenditionIsReady() {
        renditions.save(Rendition.pending(asset, 1, RenditionKind.THUMBNAIL, NOW));
        var ready = new Rendition(asset, 1, RenditionKind.THUMBNAIL, RenditionStatus.READY, Optional.of(new BlobKey("b".repeat(64))),
                Optional.of("image/jpeg"), 400, 300, Optional.empty(), NOW.plusSeconds(1));
        renditions.save(ready);

        assertThat(renditions.find(asset, 1, RenditionKind.THUMBNAIL)).contains(ready);
        assertThat(renditions.findAll(asset, 1)).hasSize(1);
    }

    @Test
    void keepsTheReasonOfAFailure() {
        renditions.save(new Rendition(asset, 1, RenditionKind.PREVIEW, RenditionStatus.FAILED, Optional.empty(), Optional.empty(), 0, 0,
                Optional.of("the image data is damaged"), NOW));

        assertThat(renditions.find(asset, 1, RenditionKind.PREVIEW).orElseThrow().reason()).contains("the image data is damaged");
        assertThat(renditions.find(asset, 1, RenditionKind.THUMBNAIL)).isEmpty();
    }

    @Autowired
    RenditionCache cache;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /** As in production, outside a transaction: on PostgreSQL a refused insert would end the test's own. */
    @Test
    @org.springframework.transaction.annotation.Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    void aCacheEntryMadeAgainNamesTheNewBlobAndGivesUpTheOldOne() {
        String key = randomHex();
        BlobKey source = new BlobKey(randomHex());
        BlobKey lost = new BlobKey(randomHex());
        BlobKey remade = new BlobKey(randomHex());
        assertThat(cache.put(new RenditionCache.Entry(key, source, lost, "image/jpeg", 100, 50), NOW)).isEmpty();

        // its blob went; made again from another input, the bytes (and so the blob) differ
        Optional<BlobKey> replaced = cache.put(new RenditionCache.Entry(key, source, remade, "image/jpeg", 100, 51), NOW.plusSeconds(1));

        assertThat(replaced).contains(lost);
        // what another server (or this one after a restart) finds: the new blob, not the lost one
        assertThat(new RenditionCache(jdbc).find(key)).hasValueSatisfying(e -> {
            assertThat(e.blob()).isEqualTo(remade);
            assertThat(e.height()).isEqualTo(51);
        });
    }

    @Test
    @org.springframework.transaction.annotation.Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    void aReplacedBlobThatAnotherEntryStillNamesIsKept() {
        BlobKey source = new BlobKey(randomHex());
        BlobKey shared = new BlobKey(randomHex());
        String key = randomHex();
        cache.put(new RenditionCache.Entry(key, source, shared, "image/png", 10, 10), NOW);
        cache.put(new RenditionCache.Entry(randomHex(), source, shared, "image/png", 10, 10), NOW);

        assertThat(cache.put(new RenditionCache.Entry(key, source, new BlobKey(randomHex()), "image/png", 10, 10), NOW)).isEmpty();
    }

    /**
     * Two servers making the same entry again at once: each blob one of them made is either the one
     * the entry names in the end or given back, once, for deletion. Before, both could read the same
     * old blob, both give it back, and the blob of the one that lost the race was named by nothing
     * and never deleted.
     */
    @Test
    @org.springframework.transaction.annotation.Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    void entriesMadeAgainOnTwoServersAtOnceLeaveNoBlobUnaccountedFor() throws Exception {
        String key = randomHex();
        BlobKey source = new BlobKey(randomHex());
        List<String> made = Collections.synchronizedList(new ArrayList<>());
        List<String> givenBack = Collections.synchronizedList(new ArrayList<>());
        String first = randomHex();
        made.add(first);
        cache.put(new RenditionCache.Entry(key, source, new BlobKey(first), "image/jpeg", 10, 10), NOW);

        // both start together and put one new blob after another, 150 each
        var start = new CountDownLatch(1);
        List<Future<?>> servers = new ArrayList<>();
        try (var threads = Executors.newFixedThreadPool(2)) {
            for (int server = 0; server < 2; server++) {
                RenditionCache own = new RenditionCache(jdbc);
                servers.add(threads.submit(() -> {
                    start.await();
                    for (int i = 0; i < 150; i++) {
                        String blob = randomHex();
                        made.add(blob);
                        own.put(new RenditionCache.Entry(key, source, new BlobKey(blob), "image/jpeg", 10, 10), NOW)
                                .ifPresent(b -> givenBack.add(b.sha256()));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (var server : servers) {
                server.get(60, TimeUnit.SECONDS);
            }
        }
        String named = jdbc.sql("SELECT blob_key FROM rendition_cache WHERE cache_key = ?").param(key).query(String.class).single();

        assertThat(givenBack).doesNotHaveDuplicates().doesNotContain(named);
        List<String> accounted = new ArrayList<>(givenBack);
        accounted.add(named);
        assertThat(accounted).containsExactlyInAnyOrderElementsOf(made);
    }

    private static String randomHex() {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes);
    }
}
