package dev.atelier.metadata;

/** A dominant colour of a version's pixels: its palette name, the cluster centre as {@code #rrggbb}, its share of the pixels (0..1). */
public record DominantColour(String name, String hex, double share) {
}
