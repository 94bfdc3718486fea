package dev.atelier.media.internal;

import java.util.Optional;

/** Which document format a sniffed media type is, for text extraction; a plain switch the server may use without loading a parser. */
enum TextTypes {
    PDF, OOXML, OLE2, ODF, RTF, CSV, TEXT;

    /** The format of the type; empty when its text is not read (images go to OCR instead). */
    static Optional<TextTypes> of(String mediaType) {
        if (mediaType.equals("application/pdf")) {
            return Optional.of(PDF);
        }
        if (mediaType.startsWith("application/vnd.openxmlformats-officedocument.") || mediaType.startsWith("application/vnd.ms-word.")
                || mediaType.equals("application/x-tika-ooxml")
                || mediaType.startsWith("application/vnd.ms-excel.sheet.") || mediaType.startsWith("application/vnd.ms-powerpoint.presentation.")) {
            return Optional.of(OOXML);
        }
        if (mediaType.equals("application/msword") || mediaType.equals("application/vnd.ms-excel")
                || mediaType.equals("application/vnd.ms-powerpoint") || mediaType.equals("application/x-tika-msoffice")) {
            return Optional.of(OLE2);
        }
        if (mediaType.startsWith("application/vnd.oasis.opendocument.")) {
            return Optional.of(ODF);
        }
        if (mediaType.equals("application/rtf") || mediaType.equals("text/rtf")) {
            return Optional.of(RTF);
        }
        if (mediaType.equals("text/csv") || mediaType.equals("text/tab-separated-values")) {
            return Optional.of(CSV);
        }
        // HTML, XML and code are not plain text: their markup would be indexed as words
        boolean plain = mediaType.equals("text/plain") || mediaType.equals("text/markdown") || mediaType.equals("text/x-web-markdown");
        return plain ? Optional.of(TEXT) : Optional.empty();
    }
}
