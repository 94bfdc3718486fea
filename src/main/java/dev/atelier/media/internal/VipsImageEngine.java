package dev.atelier.media.internal;

import dev.atelier.media.internal.WorkerProtocol.Output;
import dev.atelier.media.internal.WorkerProtocol.RenderRequest;
import dev.atelier.media.internal.WorkerProtocol.RenderResponse;
import dev.atelier.media.internal.WorkerProtocol.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Previews through libvips: shrink-on-load thumbnails (a 50-megapixel JPEG is decoded at an
 * eighth of its size for a thumbnail), EXIF orientation, ICC profiles and CMYK converted to sRGB,
 * 16-bit reduced to 8-bit, alpha flattened onto white, the first page of PDFs and multi-page
 * files; an animated GIF or WebP keeps its frames (as an animated WebP) where the target asks. The file is opened only by the loader that belongs to its sniffed type; a file whose
 * content another loader would claim is refused. SVG is rendered from memory, so it has no base
 * location from which to fetch external references.
 */
final class VipsImageEngine implements ImageEngine {

    /** Sniffed media type → the libvips loader class that must recognise the content. */
    static final Map<String, String> LOADERS = Map.ofEntries(
            Map.entry("image/jpeg", "VipsForeignLoadJpeg"),
            Map.entry("image/png", "VipsForeignLoadPng"),
            Map.entry("image/gif", "VipsForeignLoadNsgif"),
            Map.entry("image/webp", "VipsForeignLoadWebp"),
            Map.entry("image/tiff", "VipsForeignLoadTiff"),
            Map.entry("image/avif", "VipsForeignLoadHeif"),
            Map.entry("image/heic", "VipsForeignLoadHeif"),
            Map.entry("image/heif", "VipsForeignLoadHeif"),
            Map.entry("application/pdf", "VipsForeignLoadPdf"),
            Map.entry("image/svg+xml", "VipsForeignLoadSvg"));

    private static final long MAX_SVG_BYTES = 16L * 1024 * 1024;
    private static final double[] WHITE = {255, 255, 255};

    private final Vips vips;

    VipsImageEngine(Vips vips) {
        this.vips = vips;
    }

    @Override
    public String name() {
        return "libvips " + vips.version();
    }

    @Override
    public Set<String> types() {
        return LOADERS.keySet();
    }

    @Override
    public Set<String> formats() {
        return WorkerProtocol.FORMATS;
    }

    @Override
    public RenderResponse render(RenderRequest request) {
        String type = request.mediaType();
        Path input = Path.of(request.input());
        try {
            boolean svg = type.equals("image/svg+xml");
            byte[] content = null;
            Vips.Header header;
            if (svg) {
                if (Files.size(input) > MAX_SVG_BYTES) {
                    return RenderResponse.refused("too-large", "SVG files over " + (MAX_SVG_BYTES >> 20) + " MiB are not rendered");
                }
                content = Files.readAllBytes(input);
                header = vips.header(content);
            } else {
                Optional<String> loader = vips.loaderFor(input.toString());
                String expected = LOADERS.get(type);
                if (loader.isEmpty() || !loader.get().startsWith(expected)) {
                    return RenderResponse.refused("unreadable", "the content is not a readable " + describe(type));
                }
                header = vips.header(input.toString());
            }
            if (header.width() <= 0 || header.height() <= 0) {
                return RenderResponse.refused("unreadable", "the file's header gives no size");
            }
            long pixels = (long) header.width() * header.height();
            if (pixels > request.maxPixels()) {
                return RenderResponse.refused("too-large", new ImageTooLargeException(header.width(), header.height(),
                        request.maxPixels()).getMessage());
            }
            if (header.pages() > request.maxPages()) {
                return RenderResponse.refused("too-large", "the file has " + header.pages() + " pages, more than the limit of "
                        + request.maxPages());
            }
            boolean animated = type.equals("image/gif") || type.equals("image/webp");
            if (animated && pixels * header.pages() > request.maxFramePixels()) {
                return RenderResponse.refused("too-large", header.pages() + " frames of " + header.width() + "×" + header.height()
                        + " are more pixels than the limit of " + request.maxFramePixels());
            }
            List<Planned> plans = new ArrayList<>();
            for (Target target : request.targets()) {
                if (animated && header.pages() > 1 && keepsAnimation(target)) {
                    plans.add(new Planned(plans.size(), target, header, null, true));
                    continue;
                }
                int page = target.transform().page();
                if (page > 0 && (svg || page >= header.pages())) {
                    return RenderResponse.refused("unreadable", "the file has no page " + (page + 1) + " (it has " + header.pages() + ")");
                }
                // pages of a PDF may differ in size: plan with the page's own header
                Vips.Header pageHeader = page > 0 ? vips.header(input + "[page=" + page + "]") : header;
                if ((long) pageHeader.width() * pageHeader.height() > request.maxPixels()) {
                    return RenderResponse.refused("too-large", new ImageTooLargeException(pageHeader.width(), pageHeader.height(),
                            request.maxPixels()).getMessage());
                }
                Layout layout = target.transform().hasRegion() ? null
                        : request.layout(target, pageHeader.displayWidth(), pageHeader.displayHeight());
                plans.add(new Planned(plans.size(), target, pageHeader, layout, false));
            }
            Output[] outputs = new Output[plans.size()];
            try (Scaled scaled = new Scaled(input, content, plans)) {
                for (Planned plan : scaled.biggestFirst()) {
                    Target target = plan.target();
                    int quality = target.quality() > 0 ? target.quality() : Math.round(Math.clamp(request.quality(), 0.01f, 1f) * 100);
                    if (plan.animation()) {
                        outputs[plan.index()] = animation(input, header, target, quality, request.outputDir());
                        continue;
                    }
                    Path file = Path.of(request.outputDir(), target.name() + "." + target.extension());
                    try (Vips.Image shaped = plan.layout() == null ? region(input, content, plan.header(), target)
                            : scaled.shaped(plan);
                            Vips.Image done = transformed(shaped, target.transform())) {
                        done.save(file + saveOptions(target.format(), quality));
                        outputs[plan.index()] = new Output(target.name(), file.toString(), done.width(), done.height());
                    }
                }
            }
            Map<String, String> facts = new java.util.LinkedHashMap<>();
            facts.put("width", Integer.toString(header.displayWidth()));
            facts.put("height", Integer.toString(header.displayHeight()));
            // renditions of libvips are upright and in sRGB: small ones may be made from them
            facts.put("engine", "libvips");
            if (header.pages() > 1 || type.equals("application/pdf")) {
                facts.put("pages", Integer.toString(header.pages()));
            }
            return RenderResponse.ok(List.of(outputs), facts);
        } catch (Vips.VipsException e) {
            return RenderResponse.refused("unreadable", "the file could not be decoded: " + firstLine(e.getMessage()));
        } catch (Throwable e) {
            if (e instanceof VirtualMachineError error && !(e instanceof StackOverflowError)) {
                throw error;
            }
            // not the file's fault: leave the trace in the worker's stderr, which is the server's log
            e.printStackTrace();
            return RenderResponse.refused("error", "the file could not be processed (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** A target that asks for the animation and only scales (an animation cannot be cropped or turned frame by frame here). */
    private static boolean keepsAnimation(Target target) {
        return target.keepAnimation() && target.fit().equals("inside") && !target.transform().hasRegion()
                && !target.transform().changesPixels();
    }

    /**
     * Every frame scaled into the target and saved as an animated WebP. libvips loads the frames
     * stacked top to bottom ({@code n=-1}), scales each page and keeps the page height, which
     * webpsave turns back into frames with their delays. Not stripped: libvips 8.14 drops the
     * page layout with the metadata (and a GIF carries no EXIF or profile to strip).
     */
    private Output animation(Path input, Vips.Header header, Target target, int quality, String outputDir) throws Throwable {
        Layout layout = Layout.plan(header.displayWidth(), header.displayHeight(), target);
        Path file = Path.of(outputDir, target.name() + ".webp");
        try (Vips.Image frames = vips.thumbnail(input.toString(), layout.scaledWidth(), layout.scaledHeight(), "fail_on=truncated,n=-1",
                header.profile())) {
            frames.save(file + "[Q=" + quality + "]");
            return new Output(target.name(), file.toString(), frames.width(), frames.height() / frames.pages());
        }
    }

    /**
     * One target's plan: the header of its page, and its layout unless it asks for a region (or
     * keeps an animation's frames).
     */
    private record Planned(int index, Target target, Vips.Header header, Layout layout, boolean animation) {

        int page() {
            return target.transform().page();
        }

        long pixels() {
            return layout == null ? 0 : (long) layout.scaledWidth() * layout.scaledHeight();
        }

        /**
         * Scaled in proportion (not stretched by {@code fill}) and not enlarged beyond the input, so a
         * smaller plan can be made from its pixels as well as from the input's.
         */
        boolean proportional() {
            return layout != null && !target.fit().equals("fill") && layout.scaledWidth() <= header.displayWidth()
                    && layout.scaledHeight() <= header.displayHeight();
        }

        /** Whether this plan can be made from {@code width} × {@code height} pixels of the same page, reduced at least by half. */
        boolean fitsTwiceInto(int page, int width, int height) {
            return proportional() && page() == page && 2L * layout.scaledWidth() <= width && 2L * layout.scaledHeight() <= height;
        }
    }

    /**
     * The source scaled for each plan. A file's decoding costs most of a rendition, so when a
     * request asks for several sizes of one page (an upload's preview and thumbnail) the biggest is
     * made from the file and kept in memory, and each target at most half its size is reduced from
     * it: for a 12-megapixel JPEG that saves the thumbnail's own decoding of the file (~20 % of the
     * pair's CPU). Orientation and colour were handled when the bigger one was made. The kept copy
     * is at most the biggest target's size (by default 2048 px: 16 MiB with alpha).
     */
    private final class Scaled implements AutoCloseable {

        private final Path input;
        private final byte[] svg;
        private final List<Planned> plans;
        private final Map<Integer, Vips.Image> kept = new java.util.HashMap<>();

        Scaled(Path input, byte[] svg, List<Planned> plans) {
            this.input = input;
            this.svg = svg;
            this.plans = plans;
        }

        /** The plans from the most pixels to the fewest, equal ones in the order asked. */
        List<Planned> biggestFirst() {
            return plans.stream().sorted(java.util.Comparator.comparingLong(Planned::pixels).reversed()).toList();
        }

        /** The plan's layout applied: scaled, then cropped or padded; a new image the caller closes. */
        Vips.Image shaped(Planned plan) throws Throwable {
            try (Vips.Image image = scaledFor(plan)) {
                return shape(image, plan.layout(), plan.target().format());
            }
        }

        private Vips.Image scaledFor(Planned plan) throws Throwable {
            Layout layout = plan.layout();
            Vips.Image bigger = kept.get(plan.page());
            if (bigger != null && plan.fitsTwiceInto(plan.page(), bigger.width(), bigger.height())) {
                return bigger.scaledTo(layout.scaledWidth(), layout.scaledHeight());
            }
            Vips.Image fresh = scaled(input, svg, plan.header(), layout.scaledWidth(), layout.scaledHeight(), plan.page());
            boolean wanted = plan.proportional() && plans.stream().anyMatch(other -> other != plan
                    && other.fitsTwiceInto(plan.page(), layout.scaledWidth(), layout.scaledHeight()));
            if (!wanted) {
                return fresh;
            }
            Vips.Image memory;
            try (fresh) {
                memory = fresh.inMemory();
            }
            Vips.Image before = kept.put(plan.page(), memory);
            if (before != null) {
                before.close();
            }
            return memory.reference();
        }

        @Override
        public void close() {
            kept.values().forEach(Vips.Image::close);
        }
    }

    /**
     * A region scaled to exactly the target's size: the whole image is scaled by the region's
     * factor (shrink-on-load, orientation and colour handled as for any thumbnail), then the
     * region is cut out of it.
     */
    private Vips.Image region(Path input, byte[] svg, Vips.Header header, Target target) throws Throwable {
        var t = target.transform();
        double sx = (double) target.width() / t.width();
        double sy = (double) target.height() / t.height();
        int fullW = Math.max(1, (int) Math.round(header.displayWidth() * sx));
        int fullH = Math.max(1, (int) Math.round(header.displayHeight() * sy));
        int left = Math.clamp(Math.round(t.x() * sx), 0, Math.max(0, fullW - target.width()));
        int top = Math.clamp(Math.round(t.y() * sy), 0, Math.max(0, fullH - target.height()));
        try (Vips.Image scaled = scaled(input, svg, header, fullW, fullH, t.page());
                Vips.Image opaque = target.format().equals("jpeg") ? scaled.flattened(WHITE) : scaled.reference()) {
            return opaque.cropped(left, top, Math.min(target.width(), fullW - left), Math.min(target.height(), fullH - top));
        }
    }

    private Vips.Image scaled(Path input, byte[] svg, Vips.Header header, int width, int height, int page) throws Throwable {
        return svg != null ? vips.thumbnail(svg, width, height)
                : vips.thumbnail(input.toString(), width, height, "fail_on=truncated" + (page > 0 ? ",page=" + page : ""),
                        header.profile());
    }

    /** Mirror, then rotate, then tone, as IIIF orders them. */
    private static Vips.Image transformed(Vips.Image image, WorkerProtocol.Transform transform) throws Throwable {
        Vips.Image current = image.reference();
        if (transform.mirror() || transform.rotation() % 360 != 0) {
            // at most max-dynamic-edge² pixels: small enough to hold, and both need random access
            current = replace(current, current.inMemory());
        }
        if (transform.mirror()) {
            current = replace(current, current.mirrored());
        }
        if (transform.rotation() % 360 != 0) {
            current = replace(current, current.rotated(transform.rotation() % 360));
        }
        if (transform.tone().equals("gray")) {
            current = replace(current, current.gray());
        } else if (transform.tone().equals("bitonal")) {
            current = replace(current, current.bitonal());
        }
        return current;
    }

    private static Vips.Image replace(Vips.Image old, Vips.Image next) {
        old.close();
        return next;
    }

    /** Crops or pads to the layout; JPEG has no alpha, so it is flattened onto white first. */
    private static Vips.Image shape(Vips.Image scaled, Layout layout, String format) throws Throwable {
        try (Vips.Image opaque = format.equals("jpeg") ? scaled.flattened(WHITE) : scaled.reference()) {
            if (layout.crops()) {
                return opaque.cropped(layout.cropLeft(), layout.cropTop(), layout.outputWidth(), layout.outputHeight());
            }
            if (layout.pads()) {
                // formats with alpha get a transparent margin, JPEG a white one
                try (Vips.Image padded = format.equals("jpeg") ? opaque.reference() : opaque.withAlpha()) {
                    return padded.embedded(layout.padLeft(), layout.padTop(), layout.outputWidth(), layout.outputHeight(),
                            background(padded.bands(), padded.hasAlpha()));
                }
            }
            return opaque.reference();
        }
    }

    /** White, or transparent where the image has alpha. */
    private static double[] background(int bands, boolean alpha) {
        double[] values = new double[bands];
        java.util.Arrays.fill(values, 255);
        if (alpha) {
            values[bands - 1] = 0;
        }
        return values;
    }

    /**
     * Renditions are made while someone waits (and again for each new size), so the encoders' fastest
     * settings: WebP at effort 0 cost 1.27x the JPEG's CPU in a CLI test here against 1.74x at
     * libwebp's default 4, for files ~11 % larger; AVIF at effort 1 (libheif speed 8) 2.2x against 3.8x
     * at effort 2, for files no larger at the same quality setting.
     */
    private static String saveOptions(String format, int quality) {
        return switch (format) {
            case "png" -> "[strip]";
            case "webp" -> "[Q=" + quality + ",strip,effort=0]";
            case "avif" -> "[Q=" + quality + ",strip,effort=1]";
            default -> "[Q=" + quality + ",strip,optimize_coding]";
        };
    }

    private static String describe(String type) {
        return switch (type) {
            case "application/pdf" -> "PDF";
            case "image/svg+xml" -> "SVG image";
            default -> type.substring(type.indexOf('/') + 1).toUpperCase(Locale.ROOT) + " image";
        };
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
