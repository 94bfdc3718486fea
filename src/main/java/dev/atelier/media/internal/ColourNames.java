package dev.atelier.media.internal;

import java.util.List;

/**
 * Names a colour from a small fixed palette: red, orange, yellow, green, teal, blue, purple,
 * pink, brown, black, gray, white. Whether a colour is achromatic is judged by its CIELAB chroma
 * (perceptual: black, gray or white by lightness); the others are named by HSV hue ranges, with
 * dark or greyish oranges called brown, dark magentas purple and pale reds pink. (Nearest
 * prototypes in CIELAB were tried first: CIELAB's hue bends between blue and purple, and deep
 * blues came out purple.)
 */
final class ColourNames {

    static final List<String> NAMES = List.of("red", "orange", "yellow", "green", "teal", "blue", "purple", "pink", "brown",
            "black", "gray", "white");

    private ColourNames() {
    }

    static String nameOf(int r, int g, int b) {
        double[] lab = Lab.of(r, g, b);
        double chroma = Lab.chroma(lab);
        if (lab[0] < 12 || (chroma < 10 && lab[0] < 25)) {
            return "black";
        }
        if (chroma < 10) {
            return lab[0] > 90 ? "white" : "gray";
        }
        float[] hsv = java.awt.Color.RGBtoHSB(r, g, b, null);
        return byHue(hsv[0] * 360, hsv[1], hsv[2]);
    }

    private static String byHue(double hue, double saturation, double value) {
        if (hue < 15 || hue >= 345) {
            return saturation < 0.5 && value > 0.7 ? "pink" : "red";
        }
        if (hue < 45) {
            return value < 0.65 || saturation < 0.45 ? "brown" : "orange";
        }
        if (hue < 70) {
            return value < 0.55 ? "green" : "yellow";
        }
        if (hue < 165) {
            return "green";
        }
        if (hue < 195) {
            return "teal";
        }
        if (hue < 255) {
            return "blue";
        }
        if (hue < 290) {
            return "purple";
        }
        return value < 0.6 ? "purple" : "pink";
    }
}
