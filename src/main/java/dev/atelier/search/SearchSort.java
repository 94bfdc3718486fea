package dev.atelier.search;

import dev.atelier.shared.InvalidRequestException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The orders results can come in; each ends with the asset id so paging is stable. */
public enum SearchSort {
    RELEVANCE, NEWEST, OLDEST, UPDATED, TITLE, LARGEST, SMALLEST;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws InvalidRequestException naming the orders there are */
    public static SearchSort parse(String text) {
        return Arrays.stream(values()).filter(s -> s.key().equals(text)).findFirst()
                .orElseThrow(() -> new InvalidRequestException("Unknown sort '" + text + "'; use one of "
                        + Arrays.stream(values()).map(SearchSort::key).collect(Collectors.joining(", ")) + "."));
    }
}
