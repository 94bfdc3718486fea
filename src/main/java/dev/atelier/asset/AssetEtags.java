package dev.atelier.asset;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The ETag of an asset revision ({@code "r12"}) and reading it back out of an {@code If-Match} header. */
public final class AssetEtags {

    private static final Pattern ETAG = Pattern.compile("(?:W/)?\"r(\\d+)\"");

    private AssetEtags() {
    }

    public static String of(long revision) {
        return "\"r" + revision + "\"";
    }

    /** Empty without a header or for {@code *}; -1 for an ETag we never issued, which can match no revision. */
    public static Optional<Long> fromIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return Optional.empty();
        }
        Matcher m = ETAG.matcher(ifMatch.strip());
        // an ETag we never issued cannot match the current revision: the write is stale
        return Optional.of(m.matches() ? Long.parseLong(m.group(1)) : -1L);
    }
}
