package dev.atelier.asset.web;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the asset revision out of an {@code If-Match} header carrying one of our ETags. */
final class Revisions {

    private static final Pattern ETAG = Pattern.compile("(?:W/)?\"r(\\d+)\"");

    private Revisions() {
    }

    static Optional<Long> fromIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return Optional.empty();
        }
        Matcher m = ETAG.matcher(ifMatch.strip());
        // an ETag we never issued cannot match the current revision: the write is stale
        return Optional.of(m.matches() ? Long.parseLong(m.group(1)) : -1L);
    }
}
