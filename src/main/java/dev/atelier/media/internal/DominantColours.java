package dev.atelier.media.internal;

import dev.atelier.media.ColourName;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The dominant colours of a small image by k-means (k = 5, k-means++ seeding with a fixed seed,
 * so the same pixels always give the same answer) in CIELAB, where distances follow perceived
 * difference, unlike in RGB. Pixels that are mostly transparent carry no colour and are skipped.
 * Each cluster is named by {@link ColourNames} and reported with the mean sRGB of its pixels and
 * its share of the coloured pixels; clusters under 3% are dropped as noise.
 */
final class DominantColours {

    static final int CLUSTERS = 5;
    private static final int MAX_SAMPLES = 16_384;
    private static final int ROUNDS = 12;
    private static final double MIN_SHARE = 0.03;

    private DominantColours() {
    }

    static List<ColourName> of(BufferedImage image) {
        List<int[]> rgb = new ArrayList<>();
        List<double[]> lab = new ArrayList<>();
        sample(image, rgb, lab);
        if (lab.isEmpty()) {
            return List.of();
        }
        double[][] centres = seed(lab, Math.min(CLUSTERS, lab.size()));
        int[] member = new int[lab.size()];
        for (int round = 0; round < ROUNDS; round++) {
            assign(lab, centres, member);
            centres = means(lab, member, centres);
        }
        assign(lab, centres, member);
        return describe(rgb, lab, member, centres.length);
    }

    private static void sample(BufferedImage image, List<int[]> rgb, List<double[]> lab) {
        long pixels = (long) image.getWidth() * image.getHeight();
        int step = (int) Math.max(1, Math.ceil(Math.sqrt((double) pixels / MAX_SAMPLES)));
        for (int y = 0; y < image.getHeight(); y += step) {
            for (int x = 0; x < image.getWidth(); x += step) {
                int argb = image.getRGB(x, y);
                if ((argb >>> 24) < 128) {
                    continue;
                }
                int[] c = {(argb >> 16) & 0xff, (argb >> 8) & 0xff, argb & 0xff};
                rgb.add(c);
                lab.add(Lab.of(c[0], c[1], c[2]));
            }
        }
    }

    /** k-means++: each next centre is drawn with probability proportional to its squared distance from the nearest centre so far. */
    private static double[][] seed(List<double[]> points, int k) {
        Random random = new Random(0x5eed);
        double[][] centres = new double[k][];
        centres[0] = points.get(random.nextInt(points.size()));
        double[] nearest = new double[points.size()];
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (int i = 0; i < points.size(); i++) {
                nearest[i] = Double.MAX_VALUE;
                for (int j = 0; j < c; j++) {
                    nearest[i] = Math.min(nearest[i], Lab.distance2(points.get(i), centres[j]));
                }
                total += nearest[i];
            }
            int chosen = 0;
            double target = random.nextDouble() * total;
            for (double sum = nearest[0]; sum < target && chosen < points.size() - 1; sum += nearest[++chosen]) {
                // walk to the point where the cumulative distance passes the target
            }
            centres[c] = points.get(chosen);
        }
        return centres;
    }

    private static void assign(List<double[]> points, double[][] centres, int[] member) {
        for (int i = 0; i < points.size(); i++) {
            int best = 0;
            double bestDistance = Double.MAX_VALUE;
            for (int c = 0; c < centres.length; c++) {
                double d = Lab.distance2(points.get(i), centres[c]);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = c;
                }
            }
            member[i] = best;
        }
    }

    private static double[][] means(List<double[]> points, int[] member, double[][] previous) {
        double[][] sums = new double[previous.length][3];
        int[] counts = new int[previous.length];
        for (int i = 0; i < points.size(); i++) {
            double[] p = points.get(i);
            for (int d = 0; d < 3; d++) {
                sums[member[i]][d] += p[d];
            }
            counts[member[i]]++;
        }
        double[][] centres = new double[previous.length][];
        for (int c = 0; c < previous.length; c++) {
            // an emptied cluster keeps its place rather than vanishing mid-way
            centres[c] = counts[c] == 0 ? previous[c] : new double[] {sums[c][0] / counts[c], sums[c][1] / counts[c], sums[c][2] / counts[c]};
        }
        return centres;
    }

    private static List<ColourName> describe(List<int[]> rgb, List<double[]> lab, int[] member, int k) {
        long[][] sums = new long[k][3];
        int[] counts = new int[k];
        for (int i = 0; i < rgb.size(); i++) {
            for (int d = 0; d < 3; d++) {
                sums[member[i]][d] += rgb.get(i)[d];
            }
            counts[member[i]]++;
        }
        List<ColourName> colours = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            double share = (double) counts[c] / lab.size();
            if (counts[c] == 0 || share < MIN_SHARE) {
                continue;
            }
            int r = Math.round((float) sums[c][0] / counts[c]);
            int g = Math.round((float) sums[c][1] / counts[c]);
            int b = Math.round((float) sums[c][2] / counts[c]);
            colours.add(new ColourName(ColourNames.nameOf(r, g, b), String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b),
                    Math.round(share * 1000) / 1000.0));
        }
        colours.sort(Comparator.comparingDouble(ColourName::share).reversed());
        return List.copyOf(colours);
    }
}
