package dev.atelier.media.internal;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.List;
import java.util.Optional;

/**
 * The few libvips (8.13+) calls Atelier needs, bound with Java's FFM API. Only ever used inside a
 * media worker process: a decoder bug takes that process down, not the server.
 *
 * <p>Loading restricts libvips to the loaders in {@link #ALLOWED_LOADERS}: every other loader is
 * blocked, above all the ImageMagick fallback and the other "untrusted" ones, so a file can only
 * be opened by a decoder we chose for its sniffed type.
 */
final class Vips {

    /** libvips class names of the loaders that stay enabled (with their file/buffer/source variants). */
    static final List<String> ALLOWED_LOADERS = List.of("VipsForeignLoadJpeg", "VipsForeignLoadPng", "VipsForeignLoadNsgif",
            "VipsForeignLoadWebp", "VipsForeignLoadTiff", "VipsForeignLoadHeif", "VipsForeignLoadPdf", "VipsForeignLoadSvg");

    /** {@code VipsSize}: exactly the size asked (callers plan sizes that never enlarge, see {@link Layout}). */
    private static final int SIZE_FORCE = 3;
    /** {@code VipsExtend}: fill with the background colour. */
    private static final int EXTEND_BACKGROUND = 5;

    private static final Linker LINKER = Linker.nativeLinker();

    private static volatile Optional<Vips> instance;

    private final SymbolLookup lib;
    private final String version;
    private final MethodHandle errorBuffer;
    private final MethodHandle errorClear;
    private final MethodHandle ref;
    private final MethodHandle unref;
    private final MethodHandle copyMemory;
    private final MethodHandle newFromFile;
    private final MethodHandle newFromBuffer;
    private final MethodHandle width;
    private final MethodHandle height;
    private final MethodHandle pages;
    private final MethodHandle typeOf;
    private final MethodHandle getInt;
    private final MethodHandle bands;
    private final MethodHandle extractArea;
    private final MethodHandle embed;
    private final MethodHandle addAlpha;
    private final MethodHandle flip;
    private final MethodHandle rot;
    private final MethodHandle colourspace;
    private final MethodHandle relationalConst;
    private final MethodHandle thumbnail;
    private final MethodHandle thumbnailBuffer;
    private final MethodHandle thumbnailImage;
    private final MethodHandle hasAlpha;
    private final MethodHandle flatten;
    private final MethodHandle arrayDouble;
    private final MethodHandle areaUnref;
    private final MethodHandle writeToFile;
    private final MethodHandle findLoad;

    private Vips(SymbolLookup lib) throws Throwable {
        this.lib = lib;
        int failed = (int) handle("vips_init", FunctionDescriptor.of(JAVA_INT, ADDRESS)).invokeExact(cString(Arena.global(), "atelier"));
        if (failed != 0) {
            throw new IllegalStateException("vips_init failed");
        }
        MethodHandle versionOf = handle("vips_version", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
        int major = (int) versionOf.invokeExact(0);
        int minor = (int) versionOf.invokeExact(1);
        int micro = (int) versionOf.invokeExact(2);
        if (major < 8 || (major == 8 && minor < 13)) {
            throw new IllegalStateException("libvips " + major + "." + minor + " is older than 8.13");
        }
        this.version = major + "." + minor + "." + micro;
        this.errorBuffer = handle("vips_error_buffer", FunctionDescriptor.of(ADDRESS));
        this.errorClear = handle("vips_error_clear", FunctionDescriptor.ofVoid());
        this.ref = handle("g_object_ref", FunctionDescriptor.of(ADDRESS, ADDRESS));
        this.unref = handle("g_object_unref", FunctionDescriptor.ofVoid(ADDRESS));
        this.copyMemory = handle("vips_image_copy_memory", FunctionDescriptor.of(ADDRESS, ADDRESS));
        this.newFromFile = handle("vips_image_new_from_file", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS), 1);
        this.newFromBuffer = handle("vips_image_new_from_buffer",
                FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS), 3);
        this.width = handle("vips_image_get_width", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        this.height = handle("vips_image_get_height", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        this.pages = handle("vips_image_get_n_pages", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        this.typeOf = handle("vips_image_get_typeof", FunctionDescriptor.of(JAVA_LONG, ADDRESS, ADDRESS));
        this.getInt = handle("vips_image_get_int", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
        this.bands = handle("vips_image_get_bands", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        this.extractArea = handle("vips_extract_area", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, JAVA_INT,
                JAVA_INT, JAVA_INT, ADDRESS), 6);
        this.flip = handle("vips_flip", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, ADDRESS), 3);
        this.rot = handle("vips_rot", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, ADDRESS), 3);
        this.colourspace = handle("vips_colourspace", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, ADDRESS), 3);
        this.relationalConst = handle("vips_relational_const1", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT,
                JAVA_DOUBLE, ADDRESS), 4);
        this.addAlpha = handle("vips_addalpha", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS), 2);
        this.embed = handle("vips_embed", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT,
                ADDRESS, JAVA_INT, ADDRESS, ADDRESS, ADDRESS), 6);
        this.thumbnail = handle("vips_thumbnail", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT,
                ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, ADDRESS, ADDRESS), 3);
        this.thumbnailBuffer = handle("vips_thumbnail_buffer", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS,
                JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS), 4);
        this.thumbnailImage = handle("vips_thumbnail_image", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT,
                ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS), 3);
        this.hasAlpha = handle("vips_image_hasalpha", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        this.flatten = handle("vips_flatten", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS), 2);
        this.arrayDouble = handle("vips_array_double_new", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT));
        this.areaUnref = handle("vips_area_unref", FunctionDescriptor.ofVoid(ADDRESS));
        this.writeToFile = handle("vips_image_write_to_file", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS), 2);
        this.findLoad = handle("vips_foreign_find_load", FunctionDescriptor.of(ADDRESS, ADDRESS));

        // one worker per core already: one libvips thread each keeps CPU use predictable, and no
        // operation cache, since a worker never renders the same file twice
        handle("vips_concurrency_set", FunctionDescriptor.ofVoid(JAVA_INT)).invokeExact(1);
        handle("vips_cache_set_max", FunctionDescriptor.ofVoid(JAVA_INT)).invokeExact(0);
        handle("vips_block_untrusted_set", FunctionDescriptor.ofVoid(JAVA_INT)).invokeExact(1);
        MethodHandle block = handle("vips_operation_block_set", FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT));
        block.invokeExact(cString(Arena.global(), "VipsForeignLoad"), 1);
        for (String loader : ALLOWED_LOADERS) {
            block.invokeExact(cString(Arena.global(), loader), 0);
        }
    }

    /** libvips when this process can load it (8.13 or newer), else empty; loaded once. */
    static Optional<Vips> load() {
        Optional<Vips> loaded = instance;
        if (loaded == null) {
            synchronized (Vips.class) {
                loaded = instance;
                if (loaded == null) {
                    loaded = tryLoad();
                    instance = loaded;
                }
            }
        }
        return loaded;
    }

    private static Optional<Vips> tryLoad() {
        if (Boolean.getBoolean("atelier.media.disable-libvips")) {
            return Optional.empty();
        }
        for (String name : List.of("libvips.so.42", "libvips.42.dylib", "libvips.so")) {
            try {
                return Optional.of(new Vips(SymbolLookup.libraryLookup(name, Arena.global())));
            } catch (IllegalArgumentException e) {
                // not under this name: try the next
            } catch (Throwable e) {
                System.err.println("libvips is present but unusable: " + e);
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    String version() {
        return version;
    }

    /** The loader libvips would pick for a file (its class, e.g. {@code VipsForeignLoadJpegFile}), if any allowed one would. */
    Optional<String> loaderFor(String file) throws Throwable {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment name = (MemorySegment) findLoad.invokeExact(cString(arena, file));
            if (name.equals(MemorySegment.NULL)) {
                clearError();
                return Optional.empty();
            }
            return Optional.of(name.reinterpret(256).getString(0));
        }
    }

    /** Width, height and pages of a file, from its header alone: no pixel is decoded. */
    Header header(String file) throws Throwable {
        try (Arena arena = Arena.ofConfined();
                Image image = image((MemorySegment) newFromFile.invokeExact(cString(arena, file), MemorySegment.NULL))) {
            return image.header();
        }
    }

    /** {@link #header(String)} of content held in memory (SVG: no base file to resolve references against). */
    Header header(byte[] content) throws Throwable {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(content.length);
            buffer.copyFrom(MemorySegment.ofArray(content));
            try (Image image = image((MemorySegment) newFromBuffer.invokeExact(buffer, (long) content.length,
                    cString(arena, ""), MemorySegment.NULL))) {
                return image.header();
            }
        }
    }

    /**
     * @param width as stored, before EXIF orientation
     * @param profile whether the file embeds an ICC profile
     * @param orientation EXIF orientation, 1..8 (1 when absent)
     */
    record Header(int width, int height, int pages, boolean profile, int orientation) {

        /** Width as displayed: orientations 5..8 turn the image a quarter. */
        int displayWidth() {
            return orientation >= 5 ? height : width;
        }

        int displayHeight() {
            return orientation >= 5 ? width : height;
        }
    }

    /**
     * The file scaled to exactly {@code width} × {@code height}: shrink-on-load where the format
     * allows, EXIF orientation applied, CMYK converted to sRGB, and with
     * {@code embeddedProfile} the embedded ICC profile converted to sRGB. (Asking for sRGB output
     * from a file without a profile would shift its colours: libvips then imports it through a
     * different fallback profile.)
     */
    Image thumbnail(String file, int width, int height, String loaderOptions, boolean embeddedProfile) throws Throwable {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(ADDRESS);
            if (file.indexOf('[') >= 0) {
                throw new VipsException("file names with '[' cannot carry loader options");
            }
            // libvips 8.14 has no option_string on thumbnail: loader options ride on the file name
            String withOptions = loaderOptions.isEmpty() ? file : file + "[" + loaderOptions + "]";
            // without a profile the option list simply ends before export_profile
            MemorySegment exportProfile = embeddedProfile ? cString(arena, "export_profile") : MemorySegment.NULL;
            int rc = (int) thumbnail.invokeExact(cString(arena, withOptions), out, width, cString(arena, "height"), height,
                    cString(arena, "size"), SIZE_FORCE, exportProfile, cString(arena, "srgb"), MemorySegment.NULL);
            return result(rc, out);
        }
    }

    /** {@link #thumbnail(String, int, int, String, boolean)} of content held in memory. */
    Image thumbnail(byte[] content, int width, int height) throws Throwable {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(content.length);
            buffer.copyFrom(MemorySegment.ofArray(content));
            MemorySegment out = arena.allocate(ADDRESS);
            int rc = (int) thumbnailBuffer.invokeExact(buffer, (long) content.length, out, width, cString(arena, "height"),
                    height, cString(arena, "size"), SIZE_FORCE, MemorySegment.NULL);
            try (Image lazy = result(rc, out)) {
                // the buffer is freed with this arena: render the small result into memory first
                return image((MemorySegment) copyMemory.invokeExact(lazy.pointer));
            }
        }
    }

    private Image result(int rc, MemorySegment out) {
        if (rc != 0) {
            throw new VipsException(takeError());
        }
        return new Image(out.get(ADDRESS, 0));
    }

    private Image image(MemorySegment pointer) {
        if (pointer.equals(MemorySegment.NULL)) {
            throw new VipsException(takeError());
        }
        return new Image(pointer);
    }

    private String takeError() {
        try {
            MemorySegment text = (MemorySegment) errorBuffer.invokeExact();
            String message = text.equals(MemorySegment.NULL) ? "" : text.reinterpret(4096).getString(0).strip();
            clearError();
            return message.isEmpty() ? "libvips failed without a message" : message;
        } catch (Throwable e) {
            return "libvips failed (" + e + ")";
        }
    }

    private void clearError() throws Throwable {
        errorClear.invokeExact();
    }

    private MethodHandle handle(String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(lib.findOrThrow(name), descriptor);
    }

    private MethodHandle handle(String name, FunctionDescriptor descriptor, int firstVariadic) {
        return LINKER.downcallHandle(lib.findOrThrow(name), descriptor, Linker.Option.firstVariadicArg(firstVariadic));
    }

    private static MemorySegment cString(Arena arena, String s) {
        return arena.allocateFrom(s);
    }

    /** A {@code VipsImage*} this side owns one reference to. */
    final class Image implements AutoCloseable {

        private MemorySegment pointer;

        private Image(MemorySegment pointer) {
            this.pointer = pointer;
        }

        int width() throws Throwable {
            return (int) width.invokeExact(pointer);
        }

        int height() throws Throwable {
            return (int) height.invokeExact(pointer);
        }

        /** Pages (PDF, multi-page TIFF) or frames (animated GIF/WebP); 1 for everything else. */
        int pages() throws Throwable {
            return Math.max(1, (int) pages.invokeExact(pointer));
        }

        /** Another owner of this same image. */
        Image reference() throws Throwable {
            MemorySegment same = (MemorySegment) ref.invokeExact(pointer);
            return new Image(same);
        }

        int bands() throws Throwable {
            return (int) bands.invokeExact(pointer);
        }

        /**
         * This image scaled to exactly {@code width} × {@code height}, as a new image; this one stays
         * open. For an image already oriented and in sRGB (a bigger rendition of the same file held
         * in memory): nothing is converted, only resampled.
         */
        Image scaledTo(int width, int height) throws Throwable {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment out = arena.allocate(ADDRESS);
                int rc = (int) thumbnailImage.invokeExact(pointer, out, width, cString(arena, "height"), height,
                        cString(arena, "size"), SIZE_FORCE, MemorySegment.NULL);
                return result(rc, out);
            }
        }

        /** The area as a new image; this one stays open. */
        Image cropped(int left, int top, int width, int height) throws Throwable {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment out = arena.allocate(ADDRESS);
                int rc = (int) extractArea.invokeExact(pointer, out, left, top, width, height, MemorySegment.NULL);
                return result(rc, out);
            }
        }

        /** This image at ({@code left}, {@code top}) on a {@code width} × {@code height} canvas of {@code background}. */
        Image embedded(int left, int top, int width, int height, double[] background) throws Throwable {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment values = arena.allocateFrom(JAVA_DOUBLE, background);
                MemorySegment array = (MemorySegment) arrayDouble.invokeExact(values, background.length);
                try {
                    MemorySegment out = arena.allocate(ADDRESS);
                    int rc = (int) embed.invokeExact(pointer, out, left, top, width, height, cString(arena, "extend"),
                            EXTEND_BACKGROUND, cString(arena, "background"), array, MemorySegment.NULL);
                    return result(rc, out);
                } finally {
                    areaUnref.invokeExact(array);
                }
            }
        }

        /**
         * This image computed into memory, as a new image: operations that read pixels out of
         * order (rotation, mirroring) cannot run on a sequential thumbnail pipeline.
         */
        Image inMemory() throws Throwable {
            return image((MemorySegment) copyMemory.invokeExact(pointer));
        }

        /** Mirrored left to right ({@code VIPS_DIRECTION_HORIZONTAL}), as a new image. */
        Image mirrored() throws Throwable {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment out = arena.allocate(ADDRESS);
                return result((int) flip.invokeExact(pointer, out, 0, MemorySegment.NULL), out);
            }
        }

        /** Turned clockwise by 90, 180 or 270 degrees ({@code VipsAngle} D90 = 1 …), as a new image. */
        Image rotated(int degrees) throws Throwable {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment out = arena.allocate(ADDRESS);
                return result((int) rot.invokeExact(pointer, out, (degrees / 90) % 4, MemorySegment.NULL), out);
            }
        }

        /** In grey ({@code VIPS_INTERPRETATION_B_W}), as a new image. */
        Image gray() throws Throwable {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment out = arena.allocate(ADDRESS);
                return result((int) colourspace.invokeExact(pointer, out, 1, MemorySegment.NULL), out);
            }
        }

        /** Black and white only: grey values above the middle become white ({@code VIPS_OPERATION_RELATIONAL_MORE}). */
        Image bitonal() throws Throwable {
            try (Image grey = gray(); Arena arena = Arena.ofConfined()) {
                MemorySegment out = arena.allocate(ADDRESS);
                return result((int) relationalConst.invokeExact(grey.pointer, out, 4, 127.5, MemorySegment.NULL), out);
            }
        }

        /** This image with an opaque alpha band added where it has none, as a new image. */
        Image withAlpha() throws Throwable {
            if (hasAlpha()) {
                return reference();
            }
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment out = arena.allocate(ADDRESS);
                return result((int) addAlpha.invokeExact(pointer, out, MemorySegment.NULL), out);
            }
        }

        boolean hasAlpha() throws Throwable {
            return (int) hasAlpha.invokeExact(pointer) != 0;
        }

        Header header() throws Throwable {
            try (Arena arena = Arena.ofConfined()) {
                long type = (long) typeOf.invokeExact(pointer, cString(arena, "icc-profile-data"));
                MemorySegment value = arena.allocate(JAVA_INT);
                int rc = (int) getInt.invokeExact(pointer, cString(arena, "orientation"), value);
                int orientation = rc == 0 ? value.get(JAVA_INT, 0) : 1;
                if (rc != 0) {
                    clearError();
                }
                return new Header(width(), height(), pages(), type != 0, orientation >= 1 && orientation <= 8 ? orientation : 1);
            }
        }

        /**
         * The image composed onto an opaque background when it has alpha, as a new image, or a
         * new reference to this one; either way this one stays open.
         */
        Image flattened(double[] background) throws Throwable {
            if (!hasAlpha()) {
                return reference();
            }
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment values = arena.allocateFrom(JAVA_DOUBLE, background);
                MemorySegment array = (MemorySegment) arrayDouble.invokeExact(values, background.length);
                try {
                    MemorySegment out = arena.allocate(ADDRESS);
                    int rc = (int) flatten.invokeExact(pointer, out, cString(arena, "background"), array, MemorySegment.NULL);
                    return result(rc, out);
                } finally {
                    areaUnref.invokeExact(array);
                }
            }
        }

        /** Saves by file name suffix and options, e.g. {@code out.jpg[Q=85,strip]}. */
        void save(String fileWithOptions) throws Throwable {
            try (Arena arena = Arena.ofConfined()) {
                int rc = (int) writeToFile.invokeExact(pointer, cString(arena, fileWithOptions), MemorySegment.NULL);
                if (rc != 0) {
                    throw new VipsException(takeError());
                }
            }
        }

        @Override
        public void close() {
            if (pointer != null) {
                try {
                    unref.invokeExact(pointer);
                } catch (Throwable e) {
                    throw new IllegalStateException(e);
                } finally {
                    pointer = null;
                }
            }
        }
    }

    /** libvips refused or failed; the message is libvips' own. */
    static final class VipsException extends RuntimeException {

        VipsException(String message) {
            super(message);
        }
    }
}
