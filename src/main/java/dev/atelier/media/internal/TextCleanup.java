package dev.atelier.media.internal;

import java.util.regex.Pattern;

/** Extracted text as stored: no NUL or other control characters (PostgreSQL refuses NUL), no runs of blank lines, at most a limit long. */
final class TextCleanup {

    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");
    private static final Pattern TRAILING_SPACE = Pattern.compile("[ \\t]+(?=\\n)");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

    private TextCleanup() {
    }

    static String clean(String text, int maxChars) {
        String cleaned = CONTROL.matcher(text.replace("\r\n", "\n").replace('\r', '\n')).replaceAll(" ");
        cleaned = BLANK_LINES.matcher(TRAILING_SPACE.matcher(cleaned).replaceAll("")).replaceAll("\n\n").strip();
        if (cleaned.length() <= maxChars) {
            return cleaned;
        }
        // never split a surrogate pair at the cut
        int end = Character.isHighSurrogate(cleaned.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
        return cleaned.substring(0, end);
    }
}
