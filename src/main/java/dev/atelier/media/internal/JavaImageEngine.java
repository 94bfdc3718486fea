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
 * Pure-Java image engine: ImageIO with the TwelveMonkeys plugins (CMYK JPEG, TIFF, WebP). It
 * reads the dimensions from the header and refuses oversized images before decoding, and it
 * decodes with source subsampling so a 50-megapixel photo never exists in memory at full size.
 */
class JavaImageEngine implements ImageEngine {

    static final Set<String> TYPES = Set.of("image/jpeg", "image/png", "image/gif", "image/webp", "image/tiff", "image/bmp",
            "image/x-ms-bmp");

    private final long maxPixels;
    private final float jpegQuality;

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
    public RenderResponse render(RenderRequest request) {
        var engine = new JavaImageEngine(request.maxPixels(), request.quality());
        try {
            int largest = request.targets().stream().mapToInt(WorkerProtocol.Target::maxEdge).max().orElse(1);
            Path input = Path.of(request.input());
            BufferedImage decoded = engine.decode(input, largest);
            if (request.mediaType().equals("image/jpeg")) {
                decoded = ExifOrientation.apply(decoded, ExifOrientation.of(input));
            }
            List<Output> outputs = new ArrayList<>();
            for (var target : request.targets()) {
                BufferedImage fitted = engine.fit(decoded, target.maxEdge());
                Path file = Path.of(request.outputDir(), target.name() + ".jpg");
                Files.write(file, engine.encodeJpeg(fitted));
                outputs.add(new Output(target.name(), file.toString(), fitted.getWidth(), fitted.getHeight()));
            }
            return RenderResponse.ok(outputs);
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

    /** Fits the image into a square of {@code maxEdge}, flattened onto white, never enlarged. */
    BufferedImage fit(BufferedImage source, int maxEdge) {
        double scale = Math.min(1.0, (double) maxEdge / Math.max(source.getWidth(), source.getHeight()));
        BufferedImage current = source;
        int targetW = Math.max(1, (int) Math.round(source.getWidth() * scale));
        int targetH = Math.max(1, (int) Math.round(source.getHeight() * scale));
        // halve in steps first: one bilinear jump of more than 2× aliases badly
        while (current.getWidth() / 2 >= targetW && current.getHeight() / 2 >= targetH) {
            current = draw(current, current.getWidth() / 2, current.getHeight() / 2);
        }
        return draw(current, targetW, targetH);
    }

    byte[] encodeJpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(jpegQuality);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static BufferedImage draw(BufferedImage source, int width, int height) {
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }
}
