package dev.atelier.media;

import java.util.List;
import java.util.Locale;

/**
 * What a version's pixels show, computed in a media worker from a downscaled copy.
 *
 * @param width displayed width of the image (or of a document's first page), from its header
 * @param height displayed height
 * @param colours up to five dominant colours, largest share first (none when every pixel is transparent)
 * @param transparent whether some pixel of the downscaled copy is not fully opaque (an alpha channel alone does not count)
 * @param hash 64-bit perceptual hash (DCT): near-duplicates differ in few bits
 * @param faces the frontal faces in a copy at most 1280 px a side, or why that is unknown
 */
public record PixelAnalysis(int width, int height, List<ColourName> colours, boolean transparent, long hash, FaceCount faces) {

    public PixelAnalysis {
        colours = List.copyOf(colours);
    }

    public long pixels() {
        return (long) width * height;
    }

    /** Pixels in millions, e.g. 12.2. */
    public double megapixels() {
        return pixels() / 1_000_000.0;
    }

    /** Megapixel classes people think in: {@code <1 MP}, {@code 1-4 MP}, {@code 4-12 MP}, {@code 12-24 MP}, {@code 24-50 MP}, {@code 50+ MP}. */
    public String megapixelClass() {
        return megapixelClass(pixels());
    }

    /** The class of an image of this many pixels. */
    public static String megapixelClass(long pixels) {
        double mp = pixels / 1_000_000.0;
        return mp < 1 ? "<1 MP" : mp < 4 ? "1-4 MP" : mp < 12 ? "4-12 MP" : mp < 24 ? "12-24 MP" : mp < 50 ? "24-50 MP" : "50+ MP";
    }

    /** The hash as 16 hex digits. */
    public String hashHex() {
        return String.format(Locale.ROOT, "%016x", hash);
    }
}
