package dev.atelier.media.internal;

/** sRGB (8-bit) to CIELAB (D65 white), the space in which colour distances match what people see. */
final class Lab {

    private static final double[] LINEAR = new double[256];

    static {
        for (int i = 0; i < 256; i++) {
            double v = i / 255.0;
            LINEAR[i] = v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
    }

    private Lab() {
    }

    /** {L*, a*, b*} of an sRGB colour. */
    static double[] of(int r, int g, int b) {
        double lr = LINEAR[r];
        double lg = LINEAR[g];
        double lb = LINEAR[b];
        double x = (0.4124564 * lr + 0.3575761 * lg + 0.1804375 * lb) / 0.95047;
        double y = 0.2126729 * lr + 0.7151522 * lg + 0.0721750 * lb;
        double z = (0.0193339 * lr + 0.1191920 * lg + 0.9503041 * lb) / 1.08883;
        double fx = f(x);
        double fy = f(y);
        double fz = f(z);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    static double[] of(int rgb) {
        return of((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff);
    }

    private static double f(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }

    /** Squared CIE76 ΔE. */
    static double distance2(double[] p, double[] q) {
        double dl = p[0] - q[0];
        double da = p[1] - q[1];
        double db = p[2] - q[2];
        return dl * dl + da * da + db * db;
    }

    static double chroma(double[] lab) {
        return Math.hypot(lab[1], lab[2]);
    }
}
