package dev.atelier.search.internal;

import static dev.atelier.search.internal.IndexFields.*;

import dev.atelier.metadata.IndexedField;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;

/** How an {@link AssetDocument} is laid out in Lucene, and how its text is analysed. */
final class LuceneDocuments {

    /**
     * The version of what a document holds and how. Raise it with every change to
     * {@link #toLucene} that old documents would miss (a new field, another analysis): an index
     * written with another layout is rebuilt from the database at the next start. 1 stands for
     * the indexes written before the layout was recorded; 2 added the review {@code status}, 3 the
     * {@code faces} count, 4 the id as two numbers for sorting and a doc-values field per facet.
     */
    static final int LAYOUT = 4;

    static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC);

    Document toLucene(AssetDocument a) throws IOException {
        Document doc = new Document();
        String id = a.id().toString();
        doc.add(new StringField(ID, id, Store.YES));
        // the id as two numbers for the sorts' tie-break: comparing bytes from the terms dictionary cost every competitive hit a block decompression
        doc.add(new NumericDocValuesField(ID_HIGH, unsigned(a.id().value().getMostSignificantBits())));
        doc.add(new NumericDocValuesField(ID_LOW, unsigned(a.id().value().getLeastSignificantBits())));
        doc.add(new NumericDocValuesField(REVISION, a.revision()));
        doc.add(new TextField(TITLE, a.title(), Store.YES));
        doc.add(new SortedDocValuesField(TITLE_SORT, new BytesRef(a.title().toLowerCase(Locale.ROOT))));
        doc.add(new TextField(DESCRIPTION, a.description(), Store.NO));
        a.filenames().forEach(f -> doc.add(new TextField(FILENAME, f, Store.NO)));
        var embedded = a.embedded();
        doc.add(new TextField(TEXT, String.join("\n", a.title(), a.description(), String.join("\n", a.filenames()), embedded.text(),
                String.join("\n", a.tags()), String.join("\n", a.fields().stream().flatMap(f -> f.values().stream()).toList())), Store.NO));
        a.synonyms().forEach(w -> doc.add(new TextField(TAG_WORDS, w, Store.NO)));
        a.fields().forEach(f -> custom(doc, f));
        java.util.stream.Stream.concat(embedded.keywords().stream(), a.tags().stream()).forEach(k -> {
            keyword(doc, TAG, k);
            doc.add(new TextField(TAG_WORDS, k, Store.NO));
        });
        a.collections().forEach(c -> keyword(doc, COLLECTION, c));
        embedded.creators().forEach(c -> doc.add(new TextField(CREATOR, c, Store.NO)));
        doc.add(new TextField(CAPTION, embedded.caption(), Store.NO));
        doc.add(new TextField(COPYRIGHT, embedded.copyright(), Store.NO));
        doc.add(new TextField(CAMERA, embedded.camera(), Store.NO));
        embedded.captured().ifPresent(t -> number(doc, CAPTURED, t.toEpochMilli()));
        embedded.orientation().ifPresent(o -> keyword(doc, ORIENTATION, o));
        doc.add(new NumericDocValuesField(METADATA, a.metadataRead() ? 1 : 0));
        doc.add(new NumericDocValuesField(ANALYSIS, a.analysed() ? 1 : 0));
        if (a.pixels().present()) {
            a.pixels().colours().forEach(c -> keyword(doc, COLOR, c));
            doc.add(new StringField(TRANSPARENT, a.pixels().transparent() ? "yes" : "no", Store.NO));
            // thousandths of a megapixel are whole kilopixels
            number(doc, MEGAPIXELS, Math.round(a.pixels().pixels() / 1000.0));
            a.pixels().faces().ifPresent(n -> {
                number(doc, FACES, n);
                facet(doc, FACES, faceBucket(n));
            });
        }
        doc.add(new TextField(CONTENT, a.content(), Store.NO));
        doc.add(new NumericDocValuesField(TEXT_READ, a.textRead() ? 1 : 0));
        keyword(doc, TYPE, a.type());
        keyword(doc, STATUS, a.status());
        doc.add(new StoredField(STATUS, a.status()));
        keyword(doc, OWNER, a.owner());
        keyword(doc, FORMAT, a.mediaType());
        doc.add(new StringField(FORMAT, subtype(a.mediaType()), Store.NO));
        doc.add(new StoredField(FORMAT, a.mediaType()));
        doc.add(new StringField(IN, a.trashed() ? "trash" : "library", Store.YES));
        number(doc, CREATED, a.createdAt().toEpochMilli());
        facet(doc, CREATED, MONTH.format(a.createdAt()));
        number(doc, UPDATED, a.updatedAt().toEpochMilli());
        number(doc, SIZE, a.size());
        number(doc, VERSIONS, a.versions());
        a.readers().forEach(r -> doc.add(new StringField(READERS, r, Store.NO)));
        return doc;
    }

    /**
     * A custom field under {@code field.<key>}: words for text, points for numbers and dates, exact
     * lower-cased values plus a facet (in the values' own spelling) for the rest. A term also
     * matches by its synonyms and broader terms, which join the tag words for free text.
     */
    private static void custom(Document doc, IndexedField f) {
        String name = CUSTOM + f.key();
        switch (f.type()) {
            case TEXT, LONG_TEXT, URL -> f.values().forEach(v -> doc.add(new TextField(name, v, Store.NO)));
            case NUMBER -> f.values().forEach(v -> doc.add(new DoublePoint(name, Double.parseDouble(v))));
            case DATE -> f.values().forEach(v -> doc.add(new LongPoint(name,
                    java.time.LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli())));
            default -> {
                f.values().forEach(v -> {
                    doc.add(new StringField(name, v.toLowerCase(Locale.ROOT), Store.NO));
                    facet(doc, name, v);
                    doc.add(new TextField(TAG_WORDS, v, Store.NO));
                });
                f.words().forEach(w -> {
                    doc.add(new StringField(name, w.toLowerCase(Locale.ROOT), Store.NO));
                    doc.add(new TextField(TAG_WORDS, w, Store.NO));
                });
            }
        }
    }

    private static void keyword(Document doc, String field, String value) {
        doc.add(new StringField(field, value.toLowerCase(Locale.ROOT), Store.NO));
        facet(doc, field, value.toLowerCase(Locale.ROOT));
    }

    /** A value of a facet dimension, counted by {@link FacetTally}. */
    private static void facet(Document doc, String dimension, String value) {
        doc.add(new SortedSetDocValuesField(FacetOrdinals.field(dimension), new BytesRef(value)));
    }

    private static void number(Document doc, String field, long value) {
        doc.add(new LongPoint(field, value));
        doc.add(new NumericDocValuesField(field, value));
        doc.add(new StoredField(field, value));
    }

    /** A long whose signed order is the unsigned order of {@code bits}: UUIDs then sort as their text does. */
    static long unsigned(long bits) {
        return bits ^ Long.MIN_VALUE;
    }

    static String subtype(String mediaType) {
        String sub = mediaType.substring(mediaType.indexOf('/') + 1).toLowerCase(Locale.ROOT);
        int plus = sub.indexOf('+');
        return plus > 0 ? sub.substring(0, plus) : sub;
    }

    /** Words split at spaces, punctuation, dots and underscores (hero_v2.final.jpg → hero v2 final jpg), lower-cased, accents folded (café → cafe). */
    static Analyzer textAnalyzer() {
        NormalizeCharMap.Builder separators = new NormalizeCharMap.Builder();
        separators.add("_", " ");
        separators.add(".", " ");
        NormalizeCharMap map = separators.build();
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                var tokenizer = new StandardTokenizer();
                TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer));
                return new TokenStreamComponents(tokenizer, stream);
            }

            @Override
            protected java.io.Reader initReader(String fieldName, java.io.Reader reader) {
                return new MappingCharFilter(map, reader);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new ASCIIFoldingFilter(new LowerCaseFilter(in));
            }
        };
    }
}
