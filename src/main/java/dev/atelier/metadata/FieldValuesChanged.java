package dev.atelier.metadata;

import dev.atelier.asset.AssetId;
import java.util.List;
import java.util.Set;

/**
 * Field values or the words behind them changed without the assets themselves changing: a term
 * renamed, moved or merged, synonyms edited, a field removed. {@code keywords} are the (lower-case)
 * words whose meaning changed, so mirrors can also refresh assets whose embedded keywords use them.
 */
public record FieldValuesChanged(List<AssetId> assets, Set<String> keywords) {
}
