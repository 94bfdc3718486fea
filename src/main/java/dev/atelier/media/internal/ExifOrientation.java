package dev.atelier.media.internal;

import java.awt.geom.AffineTransform;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the EXIF orientation (tag 0x0112) of a JPEG from its APP1 segment and turns a decoded
 * image upright. Cameras and phones store pixels as the sensor saw them and only record how to
 * rotate them; a preview that ignores it shows every portrait photo on its side.
 */
final class ExifOrientation {

    static final int NORMAL = 1;
    private static final int SCAN_LIMIT = 256 * 1024;

    private ExifOrientation() {
    }

    /** 1..8 as in EXIF; 1 when the file has none or it cannot be read. */
    static int of(Path jpeg) {
        try (InputStream in = Files.newInputStream(jpeg)) {
            byte[] head = in.readNBytes(SCAN_LIMIT);
            return fromJpegHead(head);
        } catch (IOException | RuntimeException e) {
            return NORMAL;
        }
    }

    static int fromJpegHead(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        if (b.remaining() < 4 || (b.get() & 0xFF) != 0xFF || (b.get() & 0xFF) != 0xD8) {
            return NORMAL;
        }
        while (b.remaining() >= 4) {
            if ((b.get() & 0xFF) != 0xFF) {
                return NORMAL;
            }
            int marker = b.get() & 0xFF;
            int length = b.getShort() & 0xFFFF;
            if (marker == 0xDA || length < 2 || length - 2 > b.remaining()) {
                return NORMAL;
            }
            int start = b.position();
            if (marker == 0xE1 && length >= 8 && isExifHeader(b, start)) {
                return fromTiff(ByteBuffer.wrap(bytes, start + 6, length - 8).slice());
            }
            b.position(start + length - 2);
        }
        return NORMAL;
    }

    private static boolean isExifHeader(ByteBuffer b, int at) {
        return b.get(at) == 'E' && b.get(at + 1) == 'x' && b.get(at + 2) == 'i' && b.get(at + 3) == 'f' && b.get(at + 4) == 0;
    }

    private static int fromTiff(ByteBuffer tiff) {
        if (tiff.remaining() < 8) {
            return NORMAL;
        }
        short order = tiff.getShort(0);
        tiff.order(order == 0x4949 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        long ifd = tiff.getInt(4) & 0xFFFFFFFFL;
        if (ifd + 2 > tiff.limit()) {
            return NORMAL;
        }
        int entries = tiff.getShort((int) ifd) & 0xFFFF;
        for (int i = 0; i < entries; i++) {
            int entry = (int) ifd + 2 + i * 12;
            if (entry + 12 > tiff.limit()) {
                return NORMAL;
            }
            if ((tiff.getShort(entry) & 0xFFFF) == 0x0112) {
                int value = tiff.getShort(entry + 8) & 0xFFFF;
                return value >= 1 && value <= 8 ? value : NORMAL;
            }
        }
        return NORMAL;
    }

    /** The image turned as the orientation says; the same image for orientation 1. */
    static BufferedImage apply(BufferedImage image, int orientation) {
        if (orientation <= NORMAL || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        AffineTransform t = new AffineTransform();
        switch (orientation) {
            case 2 -> { t.translate(w, 0); t.scale(-1, 1); }
            case 3 -> { t.translate(w, h); t.rotate(Math.PI); }
            case 4 -> { t.translate(0, h); t.scale(1, -1); }
            case 5 -> { t.rotate(Math.PI / 2); t.scale(1, -1); }
            case 6 -> { t.translate(h, 0); t.rotate(Math.PI / 2); }
            case 7 -> { t.scale(-1, 1); t.translate(-h, 0); t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            case 8 -> { t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            default -> { }
        }
        boolean swaps = orientation >= 5;
        BufferedImage target = new BufferedImage(swaps ? h : w, swaps ? w : h,
                image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.drawImage(image, t, null);
        } finally {
            g.dispose();
        }
        return target;
    }
}
