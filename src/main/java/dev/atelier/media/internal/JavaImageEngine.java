package dev.atelier.media.internal;

import dev.atelier.media.internal.WorkerProtocol.Output;
import dev.atelier.media.internal.WorkerProtocol.RenderRequest;
import dev.atelier.media.internal.WorkerProtocol.RenderResponse;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Iterator;
import java.util.Set;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Pure-Java image engine: ImageIO with the TwelveMonkeys plugins (CMYK JPEG, TIFF, WebP, PSD's
 * composite image). It
 * reads the dimensions from the header and refuses oversized images before decoding, and it
 * decodes with source subsampling so a 50-megapixel photo never exists in memory at full size.
 */
class JavaImageEngine implements ImageEngine {

    /** Output formats: ImageIO writes no WebP or AVIF. */
    static final Set<String> FORMATS = Set.of("jpeg", "png");

    static final Set<String> TYPES = Set.of("image/jpeg", "image/png", "image/gif", "image/webp", "image/tiff", "image/bmp",
            "image/x-ms-bmp", "image/vnd.adobe.photoshop");

    private final long maxPixels;
    private final float jpegQuality;
    /** Size of the last decoded file as stored (before orientation). */
    private int sourceWidth;
    private int sourceHeight;

    /** As an {@link ImageEngine}: limits and quality come with each request. */
    JavaImageEngine() {
        this(Long.MAX_VALUE, 0.85f);
    }

    JavaImageEngine(long maxPixels, float jpegQuality) {
        this.maxPixels = maxPixels;
        this.jpegQuality = jpegQuality;
    }

    @Override
    public String name() {
        return "java-imageio";
    }

    @Override
    public Set<String> types() {
        return TYPES;
    }

    @Override
    public Set<String> formats() {
        return FORMATS;
    }

    @Override
    public RenderResponse render(RenderRequest request) {
        var engine = new JavaImageEngine(request.maxPixels(), request.quality());
        try {
            // a region may need every source pixel: decode at full size then (within the pixel limit)
            boolean regions = request.targets().stream().anyMatch(t -> t.transform().hasRegion());
            int largest = regions ? Integer.MAX_VALUE / 4
                    : request.targets().stream().mapToInt(WorkerProtocol.Target::maxEdge).max().orElse(1);
            Path input = Path.of(request.input());
            BufferedImage decoded = engine.decode(input, largest);
            int orientation = request.mediaType().equals("image/jpeg") ? ExifOrientation.of(input) : 1;
            decoded = ExifOrientation.apply(decoded, orientation);
            int displayWidth = orientation >= 5 ? engine.sourceHeight : engine.sourceWidth;
            Map<String, String> facts = Map.of("width", Integer.toString(displayWidth),
                    "height", Integer.toString(orientation >= 5 ? engine.sourceWidth : engine.sourceHeight), "engine", "java-imageio");
            List<Output> outputs = new ArrayList<>();
            for (var target : request.targets()) {
                if (!FORMATS.contains(target.format())) {
                    return RenderResponse.refused("unsupported", "this engine cannot write " + target.format());
                }
                if (target.transform().page() > 0) {
                    return RenderResponse.refused("unsupported", "this engine shows only the first page");
                }
                float quality = target.quality() > 0 ? target.quality() / 100f : engine.jpegQuality;
                boolean opaque = target.format().equals("jpeg");
                BufferedImage shaped = target.transform().hasRegion()
                        ? region(decoded, (double) decoded.getWidth() / displayWidth, target, opaque)
                        : engine.shape(decoded, request.layout(target, decoded.getWidth(), decoded.getHeight()), opaque);
                shaped = transformed(shaped, target.transform(), opaque);
                Path file = Path.of(request.outputDir(), target.name() + "." + target.extension());
                Files.write(file, target.format().equals("png") ? encodePng(shaped) : engine.encodeJpeg(shaped, quality));
                outputs.add(new Output(target.name(), file.toString(), shaped.getWidth(), shaped.getHeight()));
            }
            return RenderResponse.ok(outputs, facts);
        } catch (ImageTooLargeException e) {
            return RenderResponse.refused("too-large", e.getMessage());
        } catch (UnreadableImageException e) {
            return RenderResponse.refused("unreadable", e.getMessage());
        } catch (IOException | RuntimeException | LinkageError | StackOverflowError e) {
            return RenderResponse.refused("error", "the image could not be processed (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Decodes the first frame, at least {@code minEdge} pixels on its longest side when the source allows. */
    BufferedImage decode(Path file, int minEdge) throws IOException, ImageTooLargeException, UnreadableImageException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? java.util.Collections.emptyIterator() : ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new UnreadableImageException("no decoder recognises the file's content");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width <= 0 || height <= 0) {
                    throw new UnreadableImageException("the image header gives no size");
                }
                if (width * height > maxPixels) {
                    throw new ImageTooLargeException(width, height, maxPixels);
                }
                sourceWidth = (int) width;
                sourceHeight = (int) height;
                ImageReadParam param = reader.getDefaultReadParam();
                int step = (int) Math.max(1, Math.max(width, height) / (2L * minEdge));
                param.setSourceSubsampling(step, step, 0, 0);
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (javax.imageio.IIOException | java.io.EOFException | RuntimeException e) {
            throw new UnreadableImageException("the image data is damaged or truncated (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * Scales (in halving steps, then one bilinear step), then crops or pads as the layout says;
     * {@code opaque} flattens onto white (for JPEG), else transparency is kept.
     */
    BufferedImage shape(BufferedImage source, Layout layout, boolean opaque) {
        BufferedImage current = source;
        int targetW = layout.scaledWidth();
        int targetH = layout.scaledHeight();
        while (current.getWidth() / 2 >= targetW && current.getHeight() / 2 >= targetH) {
            current = draw(current, current.getWidth() / 2, current.getHeight() / 2, 0, 0, current.getWidth() / 2,
                    current.getHeight() / 2, opaque);
        }
        int left = layout.pads() ? layout.padLeft() : -layout.cropLeft();
        int top = layout.pads() ? layout.padTop() : -layout.cropTop();
        return draw(current, targetW, targetH, left, top, layout.outputWidth(), layout.outputHeight(), opaque);
    }

    /** The target's region (in displayed source pixels; {@code scale} maps them to the decoded image) at exactly the target's size. */
    private static BufferedImage region(BufferedImage decoded, double scale, WorkerProtocol.Target target, boolean opaque) {
        var t = target.transform();
        int x = Math.clamp((int) Math.round(t.x() * scale), 0, decoded.getWidth() - 1);
        int y = Math.clamp((int) Math.round(t.y() * scale), 0, decoded.getHeight() - 1);
        int w = Math.clamp((int) Math.round(t.width() * scale), 1, decoded.getWidth() - x);
        int h = Math.clamp((int) Math.round(t.height() * scale), 1, decoded.getHeight() - y);
        return draw(decoded.getSubimage(x, y, w, h), target.width(), target.height(), 0, 0, target.width(), target.height(), opaque);
    }

    /** Mirror, then rotate clockwise, then tone, as IIIF orders them. */
    private static BufferedImage transformed(BufferedImage image, WorkerProtocol.Transform t, boolean opaque) {
        if (!t.changesPixels()) {
            return image;
        }
        int quarter = ((t.rotation() % 360) / 90) % 4;
        int w = image.getWidth();
        int h = image.getHeight();
        int outW = quarter % 2 == 1 ? h : w;
        int outH = quarter % 2 == 1 ? w : h;
        var transform = new java.awt.geom.AffineTransform();
        transform.translate(outW / 2.0, outH / 2.0);
        transform.quadrantRotate(quarter);
        if (t.mirror()) {
            transform.scale(-1, 1);
        }
        transform.translate(-w / 2.0, -h / 2.0);
        BufferedImage turned = new BufferedImage(outW, outH, opaque ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = turned.createGraphics();
        try {
            g.drawImage(image, transform, null);
        } finally {
            g.dispose();
        }
        if (t.tone().equals("color")) {
            return turned;
        }
        BufferedImage toned = new BufferedImage(outW, outH, t.tone().equals("bitonal") ? BufferedImage.TYPE_BYTE_BINARY
                : BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D tg = toned.createGraphics();
        try {
            tg.drawImage(turned, 0, 0, null);
        } finally {
            tg.dispose();
        }
        return toned;
    }

    static byte[] encodePng(BufferedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    byte[] encodeJpeg(BufferedImage image, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** {@code source} drawn at {@code width} × {@code height} with its corner at (left, top) of a canvas. */
    private static BufferedImage draw(BufferedImage source, int width, int height, int left, int top, int canvasWidth,
            int canvasHeight, boolean opaque) {
        BufferedImage target = new BufferedImage(canvasWidth, canvasHeight,
                opaque ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = target.createGraphics();
        try {
            if (opaque) {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, canvasWidth, canvasHeight);
            }
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, left, top, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }
}
