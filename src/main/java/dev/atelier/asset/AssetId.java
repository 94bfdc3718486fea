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

    @Override
    public String toString() {
        return value.toString();
    }
}
