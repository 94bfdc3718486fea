package dev.atelier.testsupport;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.util.Arrays;
import java.util.Random;

/**
 * Images for face detection, drawn here (no photos of anyone): frontal faces made of the
 * light-and-dark pattern a Haar cascade looks for — a skin-toned oval under dark hair, darker eye
 * sockets with pupils under brows, a lighter nose bridge, a nostril and a mouth shadow — softened
 * by a blur, on a sky gradient; and landscapes with hills, a sun and trees but no face.
 */
public final class TestFaces {

    private static final Color[] SKIN = {new Color(224, 172, 138), new Color(198, 140, 105), new Color(241, 200, 170)};

    private TestFaces() {
    }

    /** {@code faces} faces in a row across the image, each a little different in size, height and skin tone (by the seed). */
    public static BufferedImage group(long seed, int width, int height, int faces) {
        var random = new Random(seed);
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sky(image);
        double slot = (double) width / faces;
        for (int i = 0; i < faces; i++) {
            double faceWidth = Math.min(slot * 0.7, height * 0.5) * (0.8 + 0.2 * random.nextDouble());
            double cy = height * (0.45 + 0.1 * random.nextDouble());
            face(g, slot * (i + 0.5), cy, faceWidth, SKIN[random.nextInt(SKIN.length)]);
        }
        g.dispose();
        return blurred(image, 2);
    }

    /** Layered hills under a sky with a sun and trees: shapes, edges and gradients, but nothing like a face. */
    public static BufferedImage landscape(long seed, int width, int height) {
        var random = new Random(seed);
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sky(image);
        g.setColor(new Color(250, 220, 120));
        g.fill(new Ellipse2D.Double(width * 0.7, height * 0.12, width * 0.09, width * 0.09));
        for (int layer = 0; layer < 3; layer++) {
            Path2D hill = new Path2D.Double();
            hill.moveTo(0, height);
            double base = height * (0.45 + 0.15 * layer);
            for (int x = 0; x <= width; x += 16) {
                hill.lineTo(x, base + height * 0.06 * Math.sin(x / (80.0 + 40 * layer) + random.nextDouble()) + random.nextInt(10));
            }
            hill.lineTo(width, height);
            hill.closePath();
            g.setColor(new Color(40 + 30 * layer, 90 + 30 * layer, 50 + 10 * layer));
            g.fill(hill);
        }
        for (int i = 0; i < 25; i++) {
            int x = random.nextInt(width);
            int y = (int) (height * 0.6) + random.nextInt(height / 3);
            int size = 20 + random.nextInt(40);
            g.setColor(new Color(90, 60, 30));
            g.fillRect(x - 3, y, 6, size);
            g.setColor(new Color(30, 80 + random.nextInt(60), 30));
            g.fill(new Ellipse2D.Double(x - size / 2.0, y - size, size, size * 1.2));
        }
        g.dispose();
        return blurred(image, 1);
    }

    private static Graphics2D sky(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(90, 130, 180), 0, image.getHeight(), new Color(200, 210, 220)));
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        return g;
    }

    /** A frontal face centred on (cx, cy), {@code w} wide and 1.3 × as tall. */
    private static void face(Graphics2D g, double cx, double cy, double w, Color skin) {
        double h = w * 1.3;
        g.setColor(skin);
        g.fill(new Ellipse2D.Double(cx - w / 2, cy - h / 2, w, h));
        g.setColor(new Color(60, 40, 30));
        g.fill(new Arc2D.Double(cx - w * 0.53, cy - h * 0.54, w * 1.06, h * 0.55, 0, 180, Arc2D.CHORD));
        double eyeY = cy - h * 0.05;
        double eyeDx = w * 0.2;
        double eyeW = w * 0.22;
        double eyeH = w * 0.11;
        for (int side = -1; side <= 1; side += 2) {
            double ex = cx + side * eyeDx;
            g.setColor(new Color(120, 80, 60));
            g.fill(new Ellipse2D.Double(ex - eyeW / 2, eyeY - eyeH / 2, eyeW, eyeH));
            g.setColor(new Color(30, 20, 20));
            g.fill(new Ellipse2D.Double(ex - eyeW / 5, eyeY - eyeH / 3, eyeW / 2.5, eyeH / 1.5));
            g.setColor(new Color(50, 35, 25));
            g.setStroke(new BasicStroke((float) (w * 0.04)));
            g.draw(new Line2D.Double(ex - side * eyeW / 2, eyeY - eyeH * 1.2, ex + side * eyeW / 2, eyeY - eyeH * 1.1));
        }
        g.setColor(skin.brighter());
        g.fill(new Rectangle2D.Double(cx - w * 0.05, eyeY - eyeH * 0.5, w * 0.1, h * 0.22));
        g.setColor(new Color(150, 100, 80));
        g.fill(new Ellipse2D.Double(cx - w * 0.1, cy + h * 0.14, w * 0.2, h * 0.05));
        g.setColor(new Color(130, 60, 60));
        g.fill(new Ellipse2D.Double(cx - w * 0.18, cy + h * 0.26, w * 0.36, h * 0.06));
    }

    private static BufferedImage blurred(BufferedImage image, int radius) {
        int n = 2 * radius + 1;
        float[] kernel = new float[n * n];
        Arrays.fill(kernel, 1f / (n * n));
        return new ConvolveOp(new Kernel(n, n, kernel), ConvolveOp.EDGE_NO_OP, null).filter(image, null);
    }
}
