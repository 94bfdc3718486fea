package dev.atelier.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.asset.AssetId;
import dev.atelier.asset.AssetManagement;
import dev.atelier.testsupport.IntegrationTest;
import dev.atelier.testsupport.Multipart;
import dev.atelier.testsupport.Poll;
import dev.atelier.testsupport.TestDocuments;
import dev.atelier.testsupport.UniqueWords;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The start-up catch-up re-indexes an asset whose text was read after the index last saw it (its event lost in a crash). */
class TextCatchUpTests extends IntegrationTest {

    @Autowired
    AssetIndex index;

    @Autowired
    AssetDocuments documents;

    @Autowired
    AssetManagement assets;

    @Autowired
    IndexSync sync;

    @Test
    void catchesUpOnTextTheIndexMissed() {
        String word = UniqueWords.next();
        String id = admin().upload("/api/v1/assets", Multipart.file("memo.pdf", null, TestDocuments.pdfWithText("memo " + word)))
                .json().get("id").asString();
        // every event of the upload handled: none re-indexes the asset after the stale write below
        Poll.until(() -> index.indexed(AssetId.parse(id)), i -> i.isPresent() && i.get().metadataRead() && i.get().textRead() && i.get().analysed(),
                Duration.ofSeconds(60));
        AssetDocument current = documents.of(assets.find(AssetId.parse(id)).orElseThrow());
        index.upsert(List.of(withoutText(current)));
        awaitTotal("content:" + word, 0);
        assertThat(index.indexed(current.id()).orElseThrow().textRead()).isFalse();

        sync.catchUpAfterStart();

        awaitTotal("content:" + word, 1);
        assertThat(index.indexed(current.id()).orElseThrow().textRead()).isTrue();
    }

    /** The document as it was before the text was read: same revision, so only the text says it is stale. */
    private static AssetDocument withoutText(AssetDocument d) {
        return new AssetDocument(d.id(), d.revision(), d.title(), d.description(), d.filenames(), d.type(), d.mediaType(), d.owner(),
                d.trashed(), d.createdAt(), d.updatedAt(), d.size(), d.versions(), d.readers(), d.metadataRead(), d.embedded(),
                d.collections());
    }

    private void awaitTotal(String query, long total) {
        Poll.until(() -> admin().get("/api/v1/search?q=" + query).json(), r -> r.get("total").asLong() == total, Duration.ofSeconds(30));
    }
}
