package dev.atelier.asset;

import dev.atelier.shared.InvalidRequestException;
import java.util.UUID;

public record AssetId(UUID value) {

    /** @throws InvalidRequestException when the text is not a UUID */
    public static AssetId parse(String text) {
        try {
            return new AssetId(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("'" + text + "' is not an asset id.");
        }
    }

    /**
     * Assets a person picked by hand (form parameters named {@code asset}), each once, in the order given.
     *
     * @throws InvalidRequestException when none were picked or one is not an id
     */
    public static java.util.List<AssetId> picked(java.util.List<String> texts) {
        if (texts.isEmpty()) {
            throw new InvalidRequestException("Pick at least one asset in the library first.");
        }
        return texts.stream().map(String::strip).distinct().map(AssetId::parse).toList();
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
