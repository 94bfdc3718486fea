package dev.atelier.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.asset.AssetId;
import dev.atelier.asset.AssetManagement;
import dev.atelier.testsupport.AutoTags;
import dev.atelier.testsupport.IntegrationTest;
import dev.atelier.testsupport.Poll;
import dev.atelier.testsupport.TestImages;
import dev.atelier.testsupport.UniqueWords;
import java.awt.Color;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A pixel analysis whose event was lost (a crash between commit and indexing) is picked up by the catch-up at start. */
class AnalysisCatchUpTests extends IntegrationTest {

    @Autowired
    AssetIndex index;
    @Autowired
    AssetDocuments documents;
    @Autowired
    AssetManagement assets;
    @Autowired
    IndexSync sync;

    @Test
    void theCatchUpAtStartIndexesAnalysesTheIndexMissed() {
        String word = UniqueWords.next();
        String id = AutoTags.upload(admin(), "Poppy " + word, "poppy.png",
                TestImages.encode(AutoTags.mostly(Color.RED, 320, 240), "png"));
        AutoTags.awaitAnalysis(admin(), id);
        AutoTags.awaitSearch(admin(), "color:red " + word, 1);
        // the metadata and text jobs re-index the asset when they finish: let them, or one could undo the stale document below
        for (String kind : List.of("metadata", "text")) {
            Poll.until(() -> admin().get("/api/v1/assets/" + id + "/" + kind).json(), j -> !j.get("status").asString().equals("pending"),
                    Duration.ofSeconds(60));
        }
        Poll.until(() -> index.indexed(AssetId.parse(id)).orElseThrow(), i -> i.metadataRead() && i.textRead() && i.analysed(), Duration.ofSeconds(10));

        AssetDocument full = documents.of(assets.find(AssetId.parse(id)).orElseThrow());
        index.upsert(List.of(new AssetDocument(full.id(), full.revision(), full.title(), full.description(), full.filenames(), full.type(),
                full.mediaType(), full.owner(), full.trashed(), full.createdAt(), full.updatedAt(), full.size(), full.versions(),
                full.readers(), full.metadataRead(), full.embedded(), full.collections())));
        index.publish();
        assertThat(index.indexed(full.id()).orElseThrow().analysed()).isFalse();
        AutoTags.awaitSearch(admin(), "color:red " + word, 0);

        sync.catchUpAfterStart();

        AutoTags.awaitSearch(admin(), "color:red " + word, 1);
        assertThat(Poll.until(() -> index.indexed(full.id()).orElseThrow().analysed(), a -> a, Duration.ofSeconds(10))).isTrue();
    }
}
