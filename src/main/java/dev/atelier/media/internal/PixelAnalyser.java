package dev.atelier.media.internal;

import dev.atelier.media.FaceCount;
import dev.atelier.media.PixelAnalysis;
import dev.atelier.media.internal.WorkerProtocol.RenderRequest;
import dev.atelier.media.internal.WorkerProtocol.RenderResponse;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Inside a media worker: the pixels of one file analysed from a small copy. The copy is made by
 * the image engines exactly as a rendition is (libvips first, the pure-Java engine as fallback,
 * header limits checked before decoding, EXIF orientation, colour profiles to sRGB, the first page
 * of a PDF), as a PNG so transparency survives; only that small PNG, which this worker itself
 * just wrote, is decoded here. Faces are counted by {@link FaceDetector} in a JPEG at most 1280 px a side
 * made in the same pass, when the request asks for it. Video and audio have no pixels to analyse here.
 */
final class PixelAnalyser {

    /** The longest edge of the analysed copy: enough for colours and the 32 × 32 hash grid, small enough to be quick. */
    static final int EDGE = 256;
    static final String TARGET = "analysis";

    private PixelAnalyser() {
    }

    /** The target a server asks for: the analysed copy, a PNG inside {@link #EDGE} square, never enlarged. */
    static WorkerProtocol.Target target() {
        return new WorkerProtocol.Target(TARGET, EDGE, EDGE, "inside", "center", "png", 0);
    }

    static AnalysisResponse analyse(List<ImageEngine> engines, AnalysisRequest request) {
        RenderRequest render = request.render();
        if (!render.targets().equals(AnalysisRequest.targets(request.faces()))) {
            return AnalysisResponse.refused("error", "an analysis asks for one PNG copy and, to count faces, one copy at most 1280 px a side");
        }
        List<ImageEngine> stillImages = engines.stream().filter(e -> !(e instanceof FfmpegEngine)).toList();
        RenderResponse copies = MediaWorkerMain.render(stillImages, render);
        if (!copies.outcome().equals("ok") || copies.outputs().size() != render.targets().size()) {
            return AnalysisResponse.refused(copies.outcome().equals("ok") ? "error" : copies.outcome(), copies.message());
        }
        try {
            Path work = Path.of(render.outputDir());
            BufferedImage pixels = ImageIO.read(output(copies, TARGET, work).toFile());
            if (pixels == null) {
                return AnalysisResponse.refused("error", "the analysed copy could not be read back");
            }
            int width = Integer.parseInt(copies.facts().getOrDefault("width", Integer.toString(pixels.getWidth())));
            int height = Integer.parseInt(copies.facts().getOrDefault("height", Integer.toString(pixels.getHeight())));
            FaceCount faces = request.faces().off() ? new FaceCount.Unavailable("faces were not asked for")
                    : FaceDetector.count(request.faces(), output(copies, FaceDetector.TARGET, work));
            return AnalysisResponse.ok(new PixelAnalysis(width, height, DominantColours.of(pixels), transparent(pixels),
                    PerceptualHash.of(pixels), faces));
        } catch (IOException | RuntimeException e) {
            return AnalysisResponse.refused("error", "the pixels could not be analysed (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The copy the engine wrote for the target, checked to lie in the job's directory. */
    private static Path output(RenderResponse copies, String target, Path work) throws IOException {
        for (var output : copies.outputs()) {
            if (output.name().equals(target)) {
                return WorkerProtocol.insideOf(work, output.path());
            }
        }
        throw new IOException("the engine made no " + target + " copy");
    }

    /** Whether some pixel is not fully opaque; an image with an alpha channel that is opaque everywhere is not transparent. */
    static boolean transparent(BufferedImage image) {
        if (!image.getColorModel().hasAlpha()) {
            return false;
        }
        var alpha = image.getAlphaRaster();
        if (alpha == null) {
            // an indexed palette with a transparent entry has no alpha raster of its own
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    if ((image.getRGB(x, y) >>> 24) < 255) {
                        return true;
                    }
                }
            }
            return false;
        }
        int max = (1 << image.getColorModel().getComponentSize(image.getColorModel().getNumComponents() - 1)) - 1;
        int[] row = new int[image.getWidth()];
        for (int y = 0; y < image.getHeight(); y++) {
            alpha.getSamples(0, y, image.getWidth(), 1, 0, row);
            for (int a : row) {
                if (a < max) {
                    return true;
                }
            }
        }
        return false;
    }
}
