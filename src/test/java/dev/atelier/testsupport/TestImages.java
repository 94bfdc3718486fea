package dev.atelier.testsupport;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Small images made on the fly, so no binary test media needs to be committed. */
public final class TestImages {

    private TestImages() {
    }

    public static byte[] png(int width, int height, Color color) {
        return encode(image(width, height, color, BufferedImage.TYPE_INT_ARGB), "png");
    }

    public static byte[] jpeg(int width, int height, Color color) {
        return encode(image(width, height, color, BufferedImage.TYPE_INT_RGB), "jpeg");
    }

    /** An animated GIF whose frames alternate between the two colours. */
    public static byte[] animatedGif(int width, int height, int frames, Color even, Color odd) {
        var writer = ImageIO.getImageWritersByFormatName("gif").next();
        var bytes = new ByteArrayOutputStream();
        try (var out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (int i = 0; i < frames; i++) {
                BufferedImage frame = image(width, height, i % 2 == 0 ? even : odd, BufferedImage.TYPE_INT_RGB);
                writer.writeToSequence(new javax.imageio.IIOImage(frame, null, null), null);
            }
            writer.endWriteSequence();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** A PNG of black lines of large bold sans-serif text on white, as a scanned sign or slide would read. */
    public static byte[] textImage(String... lines) {
        return encode(textPicture(lines), "png");
    }

    /** A letter-size page scanned at 150 dpi (1275 × 1650): the lines in 14 pt type from the top margin down. */
    public static BufferedImage textPage(String... lines) {
        BufferedImage image = image(1275, 1650, Color.WHITE, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING, java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 40));
        for (int i = 0; i < lines.length; i++) {
            g.drawString(lines[i], 150, 220 + 70 * i);
        }
        g.dispose();
        return image;
    }

    /** Black bold lines of text on white, large enough for OCR. */
    public static BufferedImage textPicture(String... lines) {
        BufferedImage image = image(1600, 180 * lines.length + 80, Color.WHITE, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING, java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 110));
        for (int i = 0; i < lines.length; i++) {
            g.drawString(lines[i], 60, 160 + 180 * i);
        }
        g.dispose();
        return image;
    }

    public static byte[] encode(BufferedImage image, String format) {
        var out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalArgumentException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static BufferedImage image(int width, int height, Color color, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, color, width, height, color.darker().darker()));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return image;
    }

    /** Left half red, right half blue: crops, gravity and mirroring show in which colour ends up where. */
    public static BufferedImage halves(int width, int height) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height);
        g.setColor(Color.BLUE);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        return image;
    }

    /**
     * A photo-like scene, the same for the same seed: a sky-to-ground gradient and shapes of
     * random colours, sizes and places, so perceptual hashes of different seeds differ.
     */
    public static BufferedImage scene(long seed, int width, int height) {
        var random = new java.util.Random(seed);
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(random.nextInt(0xffffff)), width * random.nextFloat(), height,
                new Color(random.nextInt(0xffffff))));
        g.fillRect(0, 0, width, height);
        for (int i = 0; i < 24; i++) {
            g.setColor(new Color(random.nextInt(0xffffff)));
            int w = width / 8 + random.nextInt(width / 3);
            int h = height / 8 + random.nextInt(height / 3);
            int x = random.nextInt(width) - w / 2;
            int y = random.nextInt(height) - h / 2;
            if (random.nextBoolean()) {
                g.fillOval(x, y, w, h);
            } else {
                g.fillRect(x, y, w, h);
            }
        }
        g.dispose();
        return image;
    }

    /** The image scaled to the size (bilinear), as a resized copy a person might make. */
    public static BufferedImage resized(BufferedImage source, int width, int height) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(source, 0, 0, width, height, null);
        g.dispose();
        return image;
    }

    /** A JPEG at the quality (0..1). */
    public static byte[] jpeg(BufferedImage image, float quality) {
        var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        var bytes = new ByteArrayOutputStream();
        try (var out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            var param = writer.getDefaultWriteParam();
            param.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new javax.imageio.IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
