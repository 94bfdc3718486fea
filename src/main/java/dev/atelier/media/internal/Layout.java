package dev.atelier.media.internal;

import dev.atelier.media.internal.WorkerProtocol.Target;

/**
 * Where the pixels of a source go for one target, the same for every engine: the source is
 * scaled to {@code scaledWidth} × {@code scaledHeight} (never enlarged, except that {@code fill}
 * stretches to the exact box), then for {@code cover} cropped to the box at
 * ({@code cropLeft}, {@code cropTop}), or for {@code contain} placed on a canvas of the box at
 * ({@code padLeft}, {@code padTop}). {@code enlarge} is {@code inside} that may also scale up: the
 * server asks for it alone (documents rendered for OCR at a useful resolution), never a URL.
 */
record Layout(int scaledWidth, int scaledHeight, int outputWidth, int outputHeight, int cropLeft, int cropTop, int padLeft,
        int padTop) {

    static Layout plan(int sourceWidth, int sourceHeight, Target target) {
        double boxW = target.width() > 0 ? target.width() : Double.POSITIVE_INFINITY;
        double boxH = target.height() > 0 ? target.height() : Double.POSITIVE_INFINITY;
        String fit = (target.width() > 0 && target.height() > 0) ? target.fit() : "inside";
        switch (fit) {
            case "fill" -> {
                return new Layout(target.width(), target.height(), target.width(), target.height(), 0, 0, 0, 0);
            }
            case "cover" -> {
                double scale = Math.min(1, Math.max(boxW / sourceWidth, boxH / sourceHeight));
                int w = scaled(sourceWidth, scale);
                int h = scaled(sourceHeight, scale);
                int outW = Math.min(w, target.width());
                int outH = Math.min(h, target.height());
                // a source too small to fill the box is still cut to the box's shape (a square stays a square)
                double aspect = (double) target.width() / target.height();
                if ((double) outW / outH > aspect) {
                    outW = Math.max(1, (int) Math.round(outH * aspect));
                } else {
                    outH = Math.max(1, (int) Math.round(outW / aspect));
                }
                return new Layout(w, h, outW, outH, cropOffset(w, outW, target.gravity(), true),
                        cropOffset(h, outH, target.gravity(), false), 0, 0);
            }
            case "contain" -> {
                double scale = Math.min(1, Math.min(boxW / sourceWidth, boxH / sourceHeight));
                int w = scaled(sourceWidth, scale);
                int h = scaled(sourceHeight, scale);
                return new Layout(w, h, target.width(), target.height(), 0, 0,
                        offset(target.width() - w, horizontal(target.gravity())), offset(target.height() - h, vertical(target.gravity())));
            }
            default -> {
                double fits = Math.min(boxW / sourceWidth, boxH / sourceHeight);
                double scale = fit.equals("enlarge") ? fits : Math.min(1, fits);
                int w = scaled(sourceWidth, scale);
                int h = scaled(sourceHeight, scale);
                return new Layout(w, h, w, h, 0, 0, 0, 0);
            }
        }
    }

    boolean crops() {
        return outputWidth < scaledWidth || outputHeight < scaledHeight;
    }

    boolean pads() {
        return outputWidth > scaledWidth || outputHeight > scaledHeight;
    }

    /**
     * Where a crop of {@code out} starts within {@code size}: centred on a focal point
     * ({@code focal:x,y}, fractions) as far as the edges allow, else by compass gravity.
     */
    private static int cropOffset(int size, int out, String gravity, boolean horizontal) {
        if (gravity.startsWith("focal:")) {
            String[] xy = gravity.substring("focal:".length()).split(",");
            double focus = Double.parseDouble(xy[horizontal ? 0 : 1]) * size;
            return Math.clamp(Math.round(focus - out / 2.0), 0, size - out);
        }
        return offset(size - out, horizontal ? horizontal(gravity) : vertical(gravity));
    }

    private static int scaled(int size, double scale) {
        return Math.max(1, (int) Math.round(size * scale));
    }

    private static int offset(int spare, double fraction) {
        return (int) Math.round(spare * fraction);
    }

    /** 0 = left, 0.5 = centre, 1 = right. */
    private static double horizontal(String gravity) {
        return gravity.endsWith("west") ? 0 : gravity.endsWith("east") ? 1 : 0.5;
    }

    /** 0 = top, 0.5 = centre, 1 = bottom. */
    private static double vertical(String gravity) {
        return gravity.startsWith("north") ? 0 : gravity.startsWith("south") ? 1 : 0.5;
    }
}
