package dev.atelier.search.internal;

import static dev.atelier.metadata.VersionMetadata.Field.*;

import dev.atelier.metadata.VersionMetadata;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The parts of a file's metadata that search uses, with dates and dimensions made comparable. */
final class EmbeddedFields {

    private static final Pattern DIMENSIONS = Pattern.compile("(\\d+)\\s*x\\s*(\\d+)");

    private EmbeddedFields() {
    }

    static AssetDocument.Embedded of(VersionMetadata m) {
        return new AssetDocument.Embedded(m.values(KEYWORDS), m.values(CREATOR), String.join(" ", m.values(CAPTION)),
                m.value(COPYRIGHT).orElse(""), m.value(CAMERA).orElse(""), m.value(CAPTURED).flatMap(EmbeddedFields::instant),
                m.value(SIZE).flatMap(EmbeddedFields::orientation));
    }

    /** Capture times without a zone are taken as UTC, like the rest of the query language. */
    static Optional<Instant> instant(String iso) {
        try {
            if (iso.length() == 10) {
                return Optional.of(LocalDate.parse(iso).atStartOfDay(ZoneOffset.UTC).toInstant());
            }
            if (iso.length() == 19) {
                return Optional.of(LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC));
            }
            return Optional.of(OffsetDateTime.parse(iso).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static Optional<String> orientation(String dimensions) {
        Matcher m = DIMENSIONS.matcher(dimensions);
        if (!m.find()) {
            return Optional.empty();
        }
        long w = Long.parseLong(m.group(1));
        long h = Long.parseLong(m.group(2));
        return Optional.of(w > h ? "landscape" : w < h ? "portrait" : "square");
    }
}
