package dev.atelier.ingest;

import java.text.Normalizer;

/**
 * Makes a client-supplied filename safe to show and to put in {@code Content-Disposition}.
 * Filenames are never used as paths (blobs are named by their hash); this only removes what
 * could mislead a person or a header: directories, control characters, bidirectional overrides
 * (the {@code "exe.jpg"} trick), invisible characters.
 */
public final class FileNames {

    static final int MAX_LENGTH = 255;
    private static final String FALLBACK = "upload";

    private FileNames() {
    }

    public static String sanitize(String raw) {
        if (raw == null) {
            return FALLBACK;
        }
        String name = Normalizer.normalize(raw, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder kept = new StringBuilder(name.length());
        name.codePoints().filter(cp -> !invisible(cp)).forEach(kept::appendCodePoint);
        name = kept.toString().strip();
        while (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1).strip();
        }
        if (name.isEmpty() || name.chars().allMatch(c -> c == '.')) {
            return FALLBACK;
        }
        return truncate(name);
    }

    /** The extension, lower-case, without the dot; empty when there is none. */
    public static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 && dot < name.length() - 1 ? name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT) : "";
    }

    /** The name without its extension, for a default title. */
    public static String baseName(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static boolean invisible(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                || type == Character.UNASSIGNED || type == Character.PRIVATE_USE
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }

    private static String truncate(String name) {
        if (name.length() <= MAX_LENGTH) {
            return name;
        }
        String ext = extension(name);
        int keep = MAX_LENGTH - (ext.isEmpty() ? 0 : ext.length() + 1);
        if (ext.length() > 16 || keep < 1) {
            return name.substring(0, MAX_LENGTH);
        }
        int end = Character.isHighSurrogate(name.charAt(keep - 1)) ? keep - 1 : keep;
        return name.substring(0, end) + "." + ext;
    }
}
