package dev.atelier.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.search.SearchHit;
import dev.atelier.search.SearchQuery;
import dev.atelier.search.SearchSort;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An index written before the id was kept as numbers (layout 3) is searched as it is until its
 * rebuild is published: paging through it by cursor must still see every asset once.
 */
class LegacyIndexTests {

    @TempDir
    Path dir;

    @Test
    void pagesThroughAnIndexOfTheOlderLayoutByTheIdsText() throws Exception {
        Set<String> ids = new HashSet<>();
        try (var directory = FSDirectory.open(dir); var writer = new IndexWriter(directory, new IndexWriterConfig())) {
            for (int i = 0; i < 25; i++) {
                String id = UUID.randomUUID().toString();
                ids.add(id);
                Document doc = new Document();
                doc.add(new StringField(IndexFields.ID, id, Store.YES));
                doc.add(new SortedDocValuesField(IndexFields.ID, new BytesRef(id)));
                doc.add(new TextField(IndexFields.TITLE, "same title", Store.YES));
                doc.add(new StoredField(IndexFields.FORMAT, "image/jpeg"));
                // every asset created at the same instant: only the id orders them
                for (String field : List.of(IndexFields.CREATED, IndexFields.SIZE, IndexFields.VERSIONS)) {
                    doc.add(new LongPoint(field, 1));
                    doc.add(new NumericDocValuesField(field, 1));
                    doc.add(new StoredField(field, 1L));
                }
                doc.add(new StringField(IndexFields.IN, "library", Store.YES));
                doc.add(new StringField(IndexFields.READERS, "role:viewer", Store.NO));
                writer.addDocument(doc);
            }
            writer.setLiveCommitData(Map.of("atelier.layout", "3").entrySet());
            writer.commit();
        }
        try (var index = new LuceneAssetIndex(dir, Duration.ofMillis(50), 10)) {
            assertThat(index.outdated()).isTrue();
            for (SearchSort sort : List.of(SearchSort.NEWEST, SearchSort.RELEVANCE)) {
                List<String> seen = new ArrayList<>();
                Optional<String> cursor = Optional.empty();
                do {
                    var page = index.search(new AssetIndex.Query(SearchQuery.parse(""), Map.of(), Set.of("role:viewer"), "me", sort, cursor, 4,
                            false, 10, Map.of()));
                    page.hits().stream().map(SearchHit::id).map(Object::toString).forEach(seen::add);
                    cursor = page.next();
                } while (cursor.isPresent());
                assertThat(seen).as(sort.name()).hasSize(25).containsExactlyInAnyOrderElementsOf(ids);
            }
        }
    }
}
