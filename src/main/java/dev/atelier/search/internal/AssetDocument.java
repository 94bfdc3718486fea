package dev.atelier.search.internal;

import dev.atelier.asset.AssetId;
import dev.atelier.metadata.IndexedField;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What the index knows of one asset, engine-neutral. {@code revision} is the asset's own and
 * {@code metadataRead} and {@code textRead} say whether the current version's file metadata and
 * text were in; the catch-up at start re-indexes every asset where any differs from the database.
 *
 * @param filenames the original file name of every version, newest first
 * @param readers the principals allowed to see the asset ({@code role:viewer}, {@code user:<id>})
 * @param embedded the current version's file metadata (keywords, creator, captured, ...), empty until read
 * @param collections ids of the collections the asset is in and of every folder above them
 * @param analysed whether the current version's pixel analysis was done (in any outcome) when indexed
 * @param pixels what the analysis found; {@link Pixels#NONE} until then or when there are no pixels
 * @param fields the custom field values, with the words their terms bring
 * @param synonyms words the taxonomy relates to the embedded keywords and the tags (synonyms, broader terms)
 * @param textRead whether the current version's text was read (in any outcome) when indexed
 * @param content the current version's text (document text or OCR), empty until read; indexed, not stored
 * @param tags the free tags people gave the asset; indexed like embedded keywords
 * @param status where the review of the current version stands ({@link dev.atelier.asset.ReviewState#slug})
 */
record AssetDocument(AssetId id, long revision, String title, String description, List<String> filenames, String type,
        String mediaType, String owner, boolean trashed, Instant createdAt, Instant updatedAt, long size, int versions,
        Set<String> readers, boolean metadataRead, Embedded embedded, Set<String> collections, boolean analysed, Pixels pixels,
        List<IndexedField> fields, Set<String> synonyms, boolean textRead, String content, List<String> tags, String status) {

    static final String NOT_REVIEWED = dev.atelier.asset.ReviewState.NOT_REVIEWED.slug();

    /** A document without pixel analysis or text (yet), custom fields, tags or review. */
    AssetDocument(AssetId id, long revision, String title, String description, List<String> filenames, String type, String mediaType,
            String owner, boolean trashed, Instant createdAt, Instant updatedAt, long size, int versions, Set<String> readers,
            boolean metadataRead, Embedded embedded, Set<String> collections) {
        this(id, revision, title, description, filenames, type, mediaType, owner, trashed, createdAt, updatedAt, size, versions, readers,
                metadataRead, embedded, collections, false, Pixels.NONE, List.of(), Set.of(), false, "", List.of(), NOT_REVIEWED);
    }

    /**
     * The automatic tags of the current version's pixels.
     *
     * @param colours dominant colour names, e.g. {@code red}
     * @param pixels width × height, 0 when not analysed
     * @param faces the frontal faces counted; empty when unknown
     */
    record Pixels(List<String> colours, boolean transparent, long pixels, OptionalInt faces) {

        static final Pixels NONE = new Pixels(List.of(), false, 0, OptionalInt.empty());

        boolean present() {
            return pixels > 0;
        }
    }

    /** The file's own words and facts that search uses. */
    record Embedded(List<String> keywords, List<String> creators, String caption, String copyright, String camera,
            Optional<Instant> captured, Optional<String> orientation) {

        static final Embedded NONE = new Embedded(List.of(), List.of(), "", "", "", Optional.empty(), Optional.empty());

        String text() {
            return String.join("\n", String.join("\n", keywords), String.join("\n", creators), caption, copyright, camera);
        }
    }
}
