package dev.atelier.media;

/** One dominant colour of an image: a palette name, the cluster centre as {@code #rrggbb}, and its share of the pixels (0..1). */
public record ColourName(String name, String hex, double share) {
}
