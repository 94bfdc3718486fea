package dev.atelier.metadata.internal;

import static dev.atelier.metadata.VersionMetadata.Field.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks the well-known fields out of all tags, in the order the standards rank them: XMP first
 * (what current tools write), then IPTC IIM, then EXIF, then format-specific (PDF, QuickTime).
 */
final class MetadataFields {

    private static final Pattern EXIF_DATE = Pattern.compile("(\\d{4}):(\\d{2}):(\\d{2}) (\\d{2}:\\d{2}:\\d{2})(.*)");

    private MetadataFields() {
    }

    static Map<String, List<String>> of(Map<String, String> tags) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        one(fields, tags, TITLE, "XMP-dc:Title", "IPTC:ObjectName", "PDF:Title");
        one(fields, tags, CAPTION, "XMP-dc:Description", "IPTC:Caption-Abstract", "IFD0:ImageDescription", "PDF:Subject");
        all(fields, tags, KEYWORDS, "XMP-dc:Subject", "IPTC:Keywords", "PDF:Keywords");
        all(fields, tags, CREATOR, "XMP-dc:Creator", "IPTC:By-line", "IFD0:Artist", "PDF:Author");
        one(fields, tags, COPYRIGHT, "XMP-dc:Rights", "IPTC:CopyrightNotice", "IFD0:Copyright");
        one(fields, tags, RIGHTS, "XMP-xmpRights:UsageTerms", "XMP-xmpRights:WebStatement");
        date(fields, tags, "ExifIFD:DateTimeOriginal", "XMP-exif:DateTimeOriginal", "XMP-photoshop:DateCreated", "IPTC:DateCreated",
                "QuickTime:CreateDate", "XMP-xmp:CreateDate", "PDF:CreateDate");
        one(fields, tags, CITY, "XMP-photoshop:City", "IPTC:City");
        one(fields, tags, COUNTRY, "XMP-photoshop:Country", "IPTC:Country-PrimaryLocationName");
        one(fields, tags, GPS, "Composite:GPSPosition");
        camera(fields, tags);
        one(fields, tags, LENS, "ExifIFD:LensModel", "Composite:LensID", "XMP-aux:Lens");
        one(fields, tags, EXPOSURE, "ExifIFD:ExposureTime");
        one(fields, tags, APERTURE, "ExifIFD:FNumber", "Composite:Aperture");
        one(fields, tags, ISO, "ExifIFD:ISO");
        one(fields, tags, FOCAL_LENGTH, "ExifIFD:FocalLength");
        one(fields, tags, SIZE, "Composite:ImageSize");
        one(fields, tags, DURATION, "Composite:Duration", "QuickTime:Duration", "Matroska:Duration");
        one(fields, tags, PAGES, "PDF:PageCount");
        one(fields, tags, SOFTWARE, "IFD0:Software", "XMP-xmp:CreatorTool", "PDF:Producer");
        return fields;
    }

    private static void one(Map<String, List<String>> fields, Map<String, String> tags, String field, String... keys) {
        first(tags, keys).ifPresent(v -> fields.put(field, List.of(v)));
    }

    /** Every distinct value of every key: keywords written as XMP and as IPTC are one list. */
    private static void all(Map<String, List<String>> fields, Map<String, String> tags, String field, String... keys) {
        var values = new LinkedHashSet<String>();
        for (String key : keys) {
            String value = tags.get(key);
            if (value != null) {
                for (String v : value.split(key.startsWith("PDF:") ? "[,;\n]" : "\n")) {
                    if (!v.isBlank()) {
                        values.add(v.strip());
                    }
                }
            }
        }
        if (!values.isEmpty()) {
            fields.put(field, new ArrayList<>(values));
        }
    }

    private static void camera(Map<String, List<String>> fields, Map<String, String> tags) {
        String make = tags.getOrDefault("IFD0:Make", "").strip();
        String model = tags.getOrDefault("IFD0:Model", "").strip();
        String camera = model.toLowerCase().startsWith(make.toLowerCase()) ? model : (make + " " + model).strip();
        if (!camera.isEmpty()) {
            fields.put(CAMERA, List.of(camera));
        }
    }

    /** EXIF writes {@code 2026:03:01 10:00:00}; kept as ISO-8601 ({@code 2026-03-01T10:00:00}, zone when given). */
    private static void date(Map<String, List<String>> fields, Map<String, String> tags, String... keys) {
        first(tags, keys).ifPresent(raw -> {
            Matcher m = EXIF_DATE.matcher(raw);
            String iso = m.matches() ? m.group(1) + "-" + m.group(2) + "-" + m.group(3) + "T" + m.group(4) + m.group(5).strip() : raw;
            fields.put(CAPTURED, List.of(iso));
        });
    }

    private static Optional<String> first(Map<String, String> tags, String... keys) {
        for (String key : keys) {
            String value = tags.get(key);
            if (value != null && !value.isBlank()) {
                return Optional.of(value.strip());
            }
        }
        return Optional.empty();
    }
}
