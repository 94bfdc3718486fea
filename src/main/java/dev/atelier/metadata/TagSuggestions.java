package dev.atelier.metadata;

import dev.atelier.asset.AssetId;
import java.util.List;
import java.util.Optional;

/**
 * The open suggestions for an asset and how tagging its current version went.
 *
 * @param tagger {@code OFF} when no tagger is configured; {@code PENDING} until the current version
 *     was tagged; then {@code DONE}, {@code SKIPPED} (no JPEG preview to send) or {@code FAILED}
 * @param reason why it was skipped or failed
 * @param items open suggestions (status {@code SUGGESTED}), most confident first
 */
public record TagSuggestions(AssetId assetId, int version, TaggerState tagger, Optional<String> reason, List<TagSuggestion> items) {

    public enum TaggerState {
        OFF, PENDING, DONE, SKIPPED, FAILED
    }
}
