package dev.atelier.media.internal;

import org.apache.tika.extractor.ParsingEmbeddedDocumentExtractor;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;

/** Parses embedded documents until {@code max} of them were seen in one file; a file of ten thousand attachments gets the first ones. */
final class LimitedEmbeddedDocuments extends ParsingEmbeddedDocumentExtractor {

    private final int max;
    private int seen;

    LimitedEmbeddedDocuments(ParseContext context, int max) {
        super(context);
        this.max = max;
    }

    @Override
    public boolean shouldParseEmbedded(Metadata metadata) {
        return ++seen <= max && super.shouldParseEmbedded(metadata);
    }
}
