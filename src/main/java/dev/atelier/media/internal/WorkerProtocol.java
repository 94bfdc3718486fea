package dev.atelier.media.internal;

import dev.atelier.media.MediaProperties;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The frames exchanged with a media worker over its stdin and stdout. Binary and length-prefixed,
 * so nothing a decoder prints can be mistaken for an answer (workers move {@code System.out} to
 * stderr before decoding anything).
 */
final class WorkerProtocol {

    static final String RENDER = "render";
    static final String CAPABILITIES = "capabilities";
    /**
     * An {@link AnalysisRequest} (copies to make, how to count faces), answered by an
     * {@link AnalysisResponse} (see {@link PixelAnalyser}).
     */
    static final String ANALYSE = "analyse";

    private WorkerProtocol() {
    }

    /**
     * Which engine makes previews of which media types in a worker, which formats each writes, and
     * how the worker is confined ({@link WorkerSandbox}: {@code landlock ABI n: …} or {@code none: <why>}).
     */
    record Capabilities(Map<String, List<String>> typesByEngine, Map<String, List<String>> formatsByEngine, String sandbox) {

        static Capabilities none() {
            return new Capabilities(Map.of(), Map.of(), "unknown: no worker has started");
        }

        /** The formats renditions of a source type can be written in; empty when nothing takes the type. */
        Set<String> formatsFor(String mediaType) {
            for (var entry : typesByEngine.entrySet()) {
                if (entry.getValue().contains(mediaType)) {
                    return new TreeSet<>(formatsByEngine.getOrDefault(entry.getKey(), List.of("jpeg")));
                }
            }
            return Set.of();
        }

        static void request(DataOutputStream out) throws IOException {
            out.writeUTF(CAPABILITIES);
            out.flush();
        }

        void write(DataOutputStream out) throws IOException {
            writeMap(out, typesByEngine);
            writeMap(out, formatsByEngine);
            out.writeUTF(sandbox);
            out.flush();
        }

        static Capabilities read(DataInputStream in) throws IOException {
            return new Capabilities(readMap(in), readMap(in), in.readUTF());
        }

        private static void writeMap(DataOutputStream out, Map<String, List<String>> map) throws IOException {
            out.writeInt(map.size());
            for (var entry : map.entrySet()) {
                out.writeUTF(entry.getKey());
                out.writeInt(entry.getValue().size());
                for (String value : entry.getValue()) {
                    out.writeUTF(value);
                }
            }
        }

        private static Map<String, List<String>> readMap(DataInputStream in) throws IOException {
            int entries = in.readInt();
            Map<String, List<String>> map = new LinkedHashMap<>();
            for (int i = 0; i < entries; i++) {
                String key = in.readUTF();
                int n = in.readInt();
                List<String> values = new ArrayList<>(n);
                for (int j = 0; j < n; j++) {
                    values.add(in.readUTF());
                }
                map.put(key, List.copyOf(values));
            }
            return Collections.unmodifiableMap(map);
        }

        Set<String> types() {
            Set<String> all = new TreeSet<>();
            typesByEngine.values().forEach(all::addAll);
            return all;
        }
    }

    /**
     * What to make: from one input file, one JPEG per target, written into {@code outputDir}.
     * {@code avMemory} is the address space (bytes) each ffmpeg/ffprobe run may map.
     */
    record RenderRequest(String input, String mediaType, String outputDir, List<Target> targets, long maxPixels, float quality,
            long maxSeconds, long maxFramePixels, int maxPages, long avMemory, int planWidth, int planHeight) {

        RenderRequest(String input, String mediaType, String outputDir, List<Target> targets, long maxPixels, float quality,
                long maxSeconds, long maxFramePixels, int maxPages, long avMemory) {
            this(input, mediaType, outputDir, targets, maxPixels, quality, maxSeconds, maxFramePixels, maxPages, avMemory, 0, 0);
        }

        RenderRequest(String input, String mediaType, String outputDir, List<Target> targets, long maxPixels, float quality) {
            this(input, mediaType, outputDir, targets, maxPixels, quality, Long.MAX_VALUE, Long.MAX_VALUE, Integer.MAX_VALUE);
        }

        RenderRequest(String input, String mediaType, String outputDir, List<Target> targets, long maxPixels, float quality,
                long maxSeconds, long maxFramePixels, int maxPages) {
            this(input, mediaType, outputDir, targets, maxPixels, quality, maxSeconds, maxFramePixels, maxPages, Long.MAX_VALUE);
        }

        /** A request under every limit the server is configured with. */
        static RenderRequest within(MediaProperties limits, Path input, String mediaType, Path outputDir, List<Target> targets) {
            return new RenderRequest(input.toString(), mediaType, outputDir.toString(), targets, limits.maxPixels(), limits.jpegQuality(),
                    limits.maxDuration().toSeconds(), limits.maxFramePixels(), limits.maxPages(), limits.avMemory().toBytes());
        }

        /**
         * The same request with layouts planned as if the input were {@code width} × {@code height}
         * (as displayed): for an input that is a smaller rendition of that original (its preview),
         * so sizes, crops and padding come out as from the original. Whole images only: no target
         * may ask for a region or another page.
         */
        RenderRequest planningAs(int width, int height) {
            return new RenderRequest(input, mediaType, outputDir, targets, maxPixels, quality, maxSeconds, maxFramePixels, maxPages,
                    avMemory, width, height);
        }

        /** Whether layouts are planned on another size than the input's ({@link #planningAs}). */
        boolean plannedElsewhere() {
            return planWidth > 0 && planHeight > 0;
        }

        /** Where the target's pixels go: planned on the original's size when {@link #planningAs} said so, else on the input's. */
        Layout layout(Target target, int inputWidth, int inputHeight) {
            return plannedElsewhere() ? Layout.plan(planWidth, planHeight, target) : Layout.plan(inputWidth, inputHeight, target);
        }

        void write(DataOutputStream out) throws IOException {
            write(out, RENDER);
        }

        /** The request under another operation name ({@link #ANALYSE}). */
        void write(DataOutputStream out, String operation) throws IOException {
            out.writeUTF(operation);
            out.writeUTF(input);
            out.writeUTF(mediaType);
            out.writeUTF(outputDir);
            out.writeInt(targets.size());
            for (Target t : targets) {
                t.write(out);
            }
            out.writeLong(maxPixels);
            out.writeFloat(quality);
            out.writeLong(maxSeconds);
            out.writeLong(maxFramePixels);
            out.writeInt(maxPages);
            out.writeLong(avMemory);
            out.writeInt(planWidth);
            out.writeInt(planHeight);
            out.flush();
        }

        /** The request after its operation name. */
        static RenderRequest read(DataInputStream in) throws IOException {
            String input = in.readUTF();
            String mediaType = in.readUTF();
            String outputDir = in.readUTF();
            int n = in.readInt();
            List<Target> targets = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                targets.add(Target.read(in));
            }
            return new RenderRequest(input, mediaType, outputDir, targets, in.readLong(), in.readFloat(), in.readLong(), in.readLong(),
                    in.readInt(), in.readLong(), in.readInt(), in.readInt());
        }
    }

    /**
     * One output: fitted into {@code width} × {@code height} (0 = unconstrained) by {@code fit}
     * ({@code inside}, {@code contain}, {@code cover}, {@code fill}), cropped towards
     * {@code gravity} when covering, encoded as {@code format} ({@code jpeg}, {@code png},
     * {@code webp}, {@code avif}) at {@code quality} (1..100; 0 = the request's default). With
     * {@code keepAnimation} an animated source (GIF, WebP) keeps its frames, as an animated WebP,
     * where the engine can write one; otherwise the first frame is used.
     */
    record Target(String name, int width, int height, String fit, String gravity, String format, int quality, Transform transform,
            boolean keepAnimation) {

        Target(String name, int width, int height, String fit, String gravity, String format, int quality, Transform transform) {
            this(name, width, height, fit, gravity, format, quality, transform, false);
        }

        Target(String name, int width, int height, String fit, String gravity, String format, int quality) {
            this(name, width, height, fit, gravity, format, quality, Transform.NONE);
        }

        /** The same target, keeping an animated source's frames. */
        Target keepingAnimation() {
            return new Target(name, width, height, fit, gravity, format, quality, transform, true);
        }

        /** The stored renditions: a JPEG inside a square, never enlarged. */
        Target(String name, int maxEdge) {
            this(name, maxEdge, maxEdge, "inside", "center", "jpeg", 0);
        }

        int maxEdge() {
            return Math.max(width, height);
        }

        String extension() {
            return format.equals("jpeg") ? "jpg" : format;
        }

        void write(DataOutputStream out) throws IOException {
            out.writeUTF(name);
            out.writeInt(width);
            out.writeInt(height);
            out.writeUTF(fit);
            out.writeUTF(gravity);
            out.writeUTF(format);
            out.writeInt(quality);
            out.writeInt(transform.x());
            out.writeInt(transform.y());
            out.writeInt(transform.width());
            out.writeInt(transform.height());
            out.writeInt(transform.rotation());
            out.writeBoolean(transform.mirror());
            out.writeUTF(transform.tone());
            out.writeInt(transform.page());
            out.writeBoolean(keepAnimation);
        }

        static Target read(DataInputStream in) throws IOException {
            return new Target(in.readUTF(), in.readInt(), in.readInt(), in.readUTF(), in.readUTF(), in.readUTF(), in.readInt(),
                    new Transform(in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readBoolean(), in.readUTF(),
                            in.readInt()), in.readBoolean());
        }
    }

    /**
     * IIIF-style operations on top of a target: a region of the source (in displayed pixels,
     * after EXIF orientation; {@code width} 0 = the whole image) scaled to exactly the target's
     * width × height, then mirrored, rotated clockwise by a multiple of 90°, and toned
     * ({@code color}, {@code gray} or {@code bitonal}); {@code page} picks a page of a PDF or
     * multi-page image (0 = the first).
     */
    record Transform(int x, int y, int width, int height, int rotation, boolean mirror, String tone, int page) {

        static final Transform NONE = new Transform(0, 0, 0, 0, 0, false, "color", 0);

        Transform(int x, int y, int width, int height, int rotation, boolean mirror, String tone) {
            this(x, y, width, height, rotation, mirror, tone, 0);
        }

        /** The same operations on another page (0 = the first) of a document or multi-page image. */
        Transform onPage(int zeroBasedPage) {
            return new Transform(x, y, width, height, rotation, mirror, tone, zeroBasedPage);
        }

        boolean hasRegion() {
            return width > 0 && height > 0;
        }

        boolean changesPixels() {
            return rotation != 0 || mirror || !tone.equals("color");
        }
    }

    record Output(String name, String path, int width, int height) {
    }

    /** Image formats an engine can write; JPEG always. */
    static final java.util.Set<String> FORMATS = java.util.Set.of("jpeg", "png", "webp", "avif");

    /**
     * A path a worker reported, checked to lie inside the job's own directory: a worker is not
     * trusted to name files the server then stores and serves.
     */
    static java.nio.file.Path insideOf(java.nio.file.Path workDirectory, String reported) throws IOException {
        java.nio.file.Path file = java.nio.file.Path.of(reported).toRealPath();
        if (!file.startsWith(workDirectory.toRealPath()) || !java.nio.file.Files.isRegularFile(file)) {
            throw new IOException("a worker reported an output outside its job directory: " + reported);
        }
        return file;
    }

    /** The media type of a file an engine wrote, by its extension. */
    static String mediaTypeOf(String path) {
        String extension = path.substring(path.lastIndexOf('.') + 1);
        return switch (extension) {
            case "jpg" -> "image/jpeg";
            case "mp4" -> "video/mp4";
            case "m4a" -> "audio/mp4";
            default -> "image/" + extension;
        };
    }

    /**
     * {@code outcome} is one of {@code ok}, {@code unsupported}, {@code too-large},
     * {@code unreadable}, {@code error} ({@code unavailable} is the pool's own). {@code facts} are
     * what the engine learnt of the file: {@code width}, {@code height}, {@code pages},
     * {@code duration} (seconds), {@code videoCodec}, {@code audioCodec}, where they apply.
     */
    record RenderResponse(String outcome, List<Output> outputs, String message, Map<String, String> facts) {

        static RenderResponse ok(List<Output> outputs) {
            return new RenderResponse("ok", outputs, "", Map.of());
        }

        static RenderResponse ok(List<Output> outputs, Map<String, String> facts) {
            return new RenderResponse("ok", outputs, "", facts);
        }

        static RenderResponse refused(String outcome, String message) {
            return new RenderResponse(outcome, List.of(), message, Map.of());
        }

        void write(DataOutputStream out) throws IOException {
            out.writeUTF(outcome);
            out.writeUTF(message);
            out.writeInt(outputs.size());
            for (Output o : outputs) {
                out.writeUTF(o.name());
                out.writeUTF(o.path());
                out.writeInt(o.width());
                out.writeInt(o.height());
            }
            out.writeInt(facts.size());
            for (var fact : facts.entrySet()) {
                out.writeUTF(fact.getKey());
                out.writeUTF(fact.getValue());
            }
            out.flush();
        }

        static RenderResponse read(DataInputStream in) throws IOException {
            String outcome = in.readUTF();
            String message = in.readUTF();
            int n = in.readInt();
            List<Output> outputs = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                outputs.add(new Output(in.readUTF(), in.readUTF(), in.readInt(), in.readInt()));
            }
            int f = in.readInt();
            Map<String, String> facts = new LinkedHashMap<>();
            for (int i = 0; i < f; i++) {
                facts.put(in.readUTF(), in.readUTF());
            }
            return new RenderResponse(outcome, outputs, message, Collections.unmodifiableMap(facts));
        }
    }
}
