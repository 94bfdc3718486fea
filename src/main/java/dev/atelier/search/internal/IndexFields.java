package dev.atelier.search.internal;

import java.util.Map;
import java.util.TreeMap;

/** The fields people may name in a query, what kind of value each holds, and which are facets. */
final class IndexFields {

    /**
     * {@code DECIMAL}: stored in thousandths, so {@code megapixels:>12.5} compares exactly to three places.
     * {@code COUNT}: a whole number that also takes its facet's buckets ({@link FaceBuckets}).
     */
    enum Kind { TEXT, KEYWORD, DATE, NUMBER, BYTES, DECIMAL, COUNT }

    static final String ID = "id";
    static final String TITLE = "title";
    static final String DESCRIPTION = "description";
    static final String FILENAME = "filename";
    /** Everything textual about the asset at once: title, description, file names (later keywords, extracted text). */
    static final String TEXT = "text";
    static final String TYPE = "type";
    static final String FORMAT = "format";
    static final String OWNER = "owner";
    static final String IN = "in";
    static final String CREATED = "created";
    static final String UPDATED = "updated";
    static final String SIZE = "size";
    static final String VERSIONS = "versions";
    static final String COLLECTION = "collection";
    static final String TAG = "tag";
    /** The keywords again as words, so free text finds and ranks them ({@code tag} holds each whole). */
    static final String TAG_WORDS = "tag_words";
    static final String CREATOR = "creator";
    static final String CAPTION = "caption";
    static final String COPYRIGHT = "copyright";
    static final String CAMERA = "camera";
    static final String CAPTURED = "captured";
    static final String ORIENTATION = "orientation";
    /** Where the review of the current version stands: {@code approved}, {@code in-review}, ... */
    static final String STATUS = "status";
    static final String METADATA = "metadata";
    /** Dominant colour names of the current version's pixels. */
    static final String COLOR = "color";
    /** {@code yes} or {@code no}, once the pixels were analysed. */
    static final String TRANSPARENT = "transparent";
    static final String MEGAPIXELS = "megapixels";
    /** Frontal faces in the current version's pixels; absent when unknown (no detector, or it failed). */
    static final String FACES = "faces";
    /** 1 when the current version's pixel analysis was in when indexed. */
    static final String ANALYSIS = "analysis";
    /** The text found in the current version's file (document text or OCR): searched, never stored. */
    static final String CONTENT = "content";
    static final String TEXT_READ = "text_read";
    static final String READERS = "readers";
    static final String REVISION = "revision";
    static final String TITLE_SORT = "title_sort";
    /** The asset id's two halves as numbers ({@link LuceneDocuments#unsigned}), the sorts' tie-break. */
    static final String ID_HIGH = "id_high";
    static final String ID_LOW = "id_low";
    /** Each facet dimension's values live in a doc-values field of its own: {@code facet.type}, {@code facet.field.channel}. */
    static final String FACET = "facet.";
    /** Custom fields live under {@code field.<key>}, so no key an admin picks can clash with the fields above. */
    static final String CUSTOM = "field.";

    /** Queryable fields by name. */
    static final Map<String, Kind> QUERYABLE = new TreeMap<>(Map.ofEntries(
            Map.entry(ID, Kind.KEYWORD), Map.entry(TITLE, Kind.TEXT), Map.entry(DESCRIPTION, Kind.TEXT),
            Map.entry(FILENAME, Kind.TEXT), Map.entry(TYPE, Kind.KEYWORD), Map.entry(FORMAT, Kind.KEYWORD),
            Map.entry(OWNER, Kind.KEYWORD), Map.entry(IN, Kind.KEYWORD), Map.entry(CREATED, Kind.DATE),
            Map.entry(UPDATED, Kind.DATE), Map.entry(SIZE, Kind.BYTES), Map.entry(VERSIONS, Kind.NUMBER),
            Map.entry(TAG, Kind.KEYWORD), Map.entry(COLLECTION, Kind.KEYWORD), Map.entry(CREATOR, Kind.TEXT), Map.entry(CAPTION, Kind.TEXT), Map.entry(COPYRIGHT, Kind.TEXT),
            Map.entry(CAMERA, Kind.TEXT), Map.entry(CAPTURED, Kind.DATE), Map.entry(ORIENTATION, Kind.KEYWORD), Map.entry(STATUS, Kind.KEYWORD),
            Map.entry(COLOR, Kind.KEYWORD), Map.entry(TRANSPARENT, Kind.KEYWORD), Map.entry(MEGAPIXELS, Kind.DECIMAL),
            Map.entry(FACES, Kind.COUNT), Map.entry(CONTENT, Kind.TEXT)));

    /** The {@link #FACES} facet's buckets, in order; each is also a value {@code faces:} takes. */
    static final java.util.List<String> FACE_BUCKETS = java.util.List.of("none", "1", "2-5", "6+");

    static String faceBucket(int faces) {
        return faces == 0 ? "none" : faces == 1 ? "1" : faces <= 5 ? "2-5" : "6+";
    }

    /** Facets in the order a page shows them; {@code created} counts by month ({@code 2026-11}). */
    static final java.util.List<String> FACETS = dev.atelier.search.SearchRequest.FACETS;

    /** Free-text fields and their weight. */
    static final Map<String, Float> FREE_TEXT = Map.of(TITLE, 4f, TAG_WORDS, 3f, FILENAME, 2f, TEXT, 1f, CONTENT, 0.5f);

    /**
     * The free-text fields that decide whether a document matches: {@link #TEXT} holds every word
     * of the title and file names, so those add weight but no matches. Counting (the total, the
     * facets) needs no scores, and a disjunction over fewer posting lists is cheaper.
     */
    static final Map<String, Float> MATCHING_TEXT = Map.of(TAG_WORDS, 1f, TEXT, 1f, CONTENT, 1f);

    private IndexFields() {
    }
}
