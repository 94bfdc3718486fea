package dev.atelier.metadata;

import dev.atelier.asset.AssetId;
import dev.atelier.shared.InvalidRequestException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The free keywords people gave an asset (beside the keywords embedded in its files), in their own
 * spelling; two tags that differ only in case are one tag.
 *
 * @param revision the asset's revision, for {@code If-Match}
 */
public record AssetTags(AssetId assetId, long revision, List<String> tags) {

    /** The longest tag. */
    public static final int MAX_LENGTH = 100;

    private static final Pattern SPACES = Pattern.compile("\\s+");

    public AssetTags {
        tags = List.copyOf(tags);
    }

    /**
     * The tag as stored: trimmed, inner white space made one space.
     *
     * @throws InvalidRequestException when it is empty, too long or holds control characters
     */
    public static String normalise(String tag) {
        String t = SPACES.matcher(tag.strip()).replaceAll(" ");
        if (t.isEmpty()) {
            throw new InvalidRequestException("A tag cannot be empty.");
        }
        if (t.length() > MAX_LENGTH) {
            throw new InvalidRequestException("A tag has at most " + MAX_LENGTH + " characters: '" + t.substring(0, 20) + "…' is longer.");
        }
        if (t.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidRequestException("A tag cannot hold control characters.");
        }
        return t;
    }

    /** What makes two tags the same tag. */
    public static String key(String tag) {
        return tag.toLowerCase(Locale.ROOT);
    }

    /** The tags normalised, each once (first spelling wins), by key. */
    public static Map<String, String> byKey(Collection<String> tags) {
        Map<String, String> out = new LinkedHashMap<>();
        tags.forEach(t -> {
            if (t == null) {
                throw new InvalidRequestException("A tag cannot be null.");
            }
            String n = normalise(t);
            out.putIfAbsent(key(n), n);
        });
        return out;
    }
}
