package dev.atelier.metadata;

import dev.atelier.asset.AssetId;
import dev.atelier.media.FaceCount;
import dev.atelier.media.PixelAnalysis;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The automatic tags of one version, computed from its pixels: dominant colours, transparency,
 * size in pixels, a perceptual hash for near-duplicates and the number of faces. Only
 * {@code ANALYSED} rows carry values; the others hold zeros, empty lists and no face count.
 *
 * @param reason why there is no analysis, when {@code status} is {@code NOT_APPLICABLE} or {@code FAILED}
 * @param colours up to five, largest share first
 * @param transparent whether some pixel is not fully opaque
 * @param hash 64-bit DCT perceptual hash
 * @param faces the frontal faces found, or why that is unknown (never 0 for unknown)
 */
public record ImageAnalysis(AssetId assetId, int version, Status status, Optional<String> reason, int width, int height,
        List<DominantColour> colours, boolean transparent, long hash, FaceCount faces, Instant at) {

    /** {@code NOT_APPLICABLE}: the type has no pixels to analyse (video, audio, office files). */
    public enum Status { PENDING, ANALYSED, NOT_APPLICABLE, FAILED }

    /** The face count of a version whose pixels were not analysed. */
    public static final FaceCount NOT_ANALYSED = new FaceCount.Unavailable("the pixels were not analysed");

    public ImageAnalysis {
        colours = List.copyOf(colours);
    }

    static ImageAnalysis pending(AssetId id, int version) {
        return new ImageAnalysis(id, version, Status.PENDING, Optional.empty(), 0, 0, List.of(), false, 0, NOT_ANALYSED, Instant.EPOCH);
    }

    /** The number of faces, when they were counted. */
    public OptionalInt faceCount() {
        return faces.count();
    }

    public boolean analysed() {
        return status == Status.ANALYSED;
    }

    public long pixels() {
        return (long) width * height;
    }

    /** Pixels in millions. */
    public double megapixels() {
        return pixels() / 1_000_000.0;
    }

    /** e.g. {@code 12-24 MP}; see {@link PixelAnalysis#megapixelClass()}. */
    public String megapixelClass() {
        return PixelAnalysis.megapixelClass(pixels());
    }

    /** The distinct colour names, largest share first: what search indexes. */
    public List<String> colourNames() {
        return colours.stream().map(DominantColour::name).distinct().toList();
    }
}
