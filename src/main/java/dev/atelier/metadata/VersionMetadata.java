package dev.atelier.metadata;

import dev.atelier.asset.AssetId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one version's file says about itself.
 *
 * @param fields well-known values under stable names ({@link Field}), each a list (keywords have many)
 * @param raw every tag exiftool reported, as {@code Group:Tag → value} (binary blocks left out)
 * @param reason why nothing could be read, when {@code status} is not {@code READ}
 */
public record VersionMetadata(AssetId assetId, int version, Status status, Optional<String> reason,
        Map<String, List<String>> fields, Map<String, String> raw, Instant at) {

    public enum Status { PENDING, READ, FAILED, UNAVAILABLE }

    /** Names of the well-known fields, in the order pages show them. */
    public static final class Field {
        public static final String TITLE = "title";
        public static final String CAPTION = "caption";
        public static final String KEYWORDS = "keywords";
        public static final String CREATOR = "creator";
        public static final String COPYRIGHT = "copyright";
        public static final String RIGHTS = "rights";
        public static final String CAPTURED = "captured";
        public static final String CITY = "city";
        public static final String COUNTRY = "country";
        public static final String GPS = "gps";
        public static final String CAMERA = "camera";
        public static final String LENS = "lens";
        public static final String EXPOSURE = "exposure";
        public static final String APERTURE = "aperture";
        public static final String ISO = "iso";
        public static final String FOCAL_LENGTH = "focalLength";
        public static final String SIZE = "dimensions";
        public static final String DURATION = "duration";
        public static final String PAGES = "pages";
        public static final String SOFTWARE = "software";
        public static final List<String> ORDER = List.of(TITLE, CAPTION, KEYWORDS, CREATOR, COPYRIGHT, RIGHTS, CAPTURED, CITY,
                COUNTRY, GPS, CAMERA, LENS, EXPOSURE, APERTURE, ISO, FOCAL_LENGTH, SIZE, DURATION, PAGES, SOFTWARE);

        private Field() {
        }
    }

    public List<String> values(String field) {
        return fields.getOrDefault(field, List.of());
    }

    public Optional<String> value(String field) {
        return values(field).stream().findFirst();
    }
}
