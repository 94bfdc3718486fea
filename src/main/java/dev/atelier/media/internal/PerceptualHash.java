package dev.atelier.media.internal;

import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * A 64-bit DCT perceptual hash (pHash): the image's luminance, composed onto white and averaged
 * down to 32 × 32, goes through a 2-D DCT; the 8 × 8 lowest frequencies after the DC term become
 * one bit each, set when the coefficient is above their median. Low frequencies survive
 * resizing, re-encoding, mild colour and gamma changes, so copies differ in a few bits, while
 * unrelated images differ in about half. (A difference hash is cheaper but follows local
 * gradients, which JPEG artefacts and resampling disturb more.)
 */
final class PerceptualHash {

    static final int SIZE = 32;
    private static final int LOW = 8;
    private static final double[][] COSINES = new double[SIZE][SIZE];

    static {
        for (int u = 0; u < SIZE; u++) {
            for (int x = 0; x < SIZE; x++) {
                COSINES[u][x] = Math.cos((2 * x + 1) * u * Math.PI / (2 * SIZE));
            }
        }
    }

    private PerceptualHash() {
    }

    static long of(BufferedImage image) {
        double[][] dct = dct(luminance(image));
        double[] low = new double[LOW * LOW];
        for (int v = 0; v < LOW; v++) {
            for (int u = 0; u < LOW; u++) {
                low[v * LOW + u] = dct[v + 1][u + 1];
            }
        }
        double[] sorted = low.clone();
        Arrays.sort(sorted);
        double median = (sorted[31] + sorted[32]) / 2;
        long hash = 0;
        for (int i = 0; i < low.length; i++) {
            if (low[i] > median) {
                hash |= 1L << i;
            }
        }
        return hash;
    }

    /** Area-averaged luminance on a 32 × 32 grid; transparent pixels count as white. */
    static double[][] luminance(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        double[][] grid = new double[SIZE][SIZE];
        for (int gy = 0; gy < SIZE; gy++) {
            int y0 = gy * h / SIZE;
            int y1 = Math.max(y0 + 1, (gy + 1) * h / SIZE);
            for (int gx = 0; gx < SIZE; gx++) {
                int x0 = gx * w / SIZE;
                int x1 = Math.max(x0 + 1, (gx + 1) * w / SIZE);
                double sum = 0;
                for (int y = y0; y < y1; y++) {
                    for (int x = x0; x < x1; x++) {
                        sum += luma(image.getRGB(x, y));
                    }
                }
                grid[gy][gx] = sum / ((y1 - y0) * (x1 - x0));
            }
        }
        return grid;
    }

    private static double luma(int argb) {
        double alpha = (argb >>> 24) / 255.0;
        double y = 0.299 * ((argb >> 16) & 0xff) + 0.587 * ((argb >> 8) & 0xff) + 0.114 * (argb & 0xff);
        return alpha * y + (1 - alpha) * 255;
    }

    /** Separable 2-D DCT-II (unnormalised: only the order of coefficients matters here). */
    private static double[][] dct(double[][] pixels) {
        double[][] rows = new double[SIZE][SIZE];
        for (int y = 0; y < SIZE; y++) {
            for (int u = 0; u < SIZE; u++) {
                double sum = 0;
                for (int x = 0; x < SIZE; x++) {
                    sum += pixels[y][x] * COSINES[u][x];
                }
                rows[y][u] = sum;
            }
        }
        double[][] out = new double[SIZE][SIZE];
        for (int u = 0; u < SIZE; u++) {
            for (int v = 0; v < SIZE; v++) {
                double sum = 0;
                for (int y = 0; y < SIZE; y++) {
                    sum += rows[y][u] * COSINES[v][y];
                }
                out[v][u] = sum;
            }
        }
        return out;
    }

    static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }
}
