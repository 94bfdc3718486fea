package dev.atelier.media.internal;

import dev.atelier.asset.AssetId;
import dev.atelier.asset.AssetManagement;
import dev.atelier.asset.AssetVersion;
import dev.atelier.identity.Actor;
import dev.atelier.media.MediaProperties;
import dev.atelier.media.internal.ImageDelivery.Delivered;
import dev.atelier.media.internal.RenditionCache.Entry;
import dev.atelier.media.internal.WorkerProtocol.Target;
import dev.atelier.media.internal.WorkerProtocol.Transform;
import dev.atelier.shared.InvalidRequestException;
import dev.atelier.shared.ProblemException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * IIIF Image API 3.0 at level 2 over an asset's current version: {@code info.json}, and
 * {@code {region}/{size}/{rotation}/{quality}.{format}} with regions {@code full},
 * {@code square}, pixels and percent; sizes {@code max}, {@code w,}, {@code ,h}, {@code pct:n},
 * {@code w,h}, {@code !w,h}, each also with {@code ^} for upscaling; rotation by multiples of
 * 90° with {@code !} mirroring; qualities {@code default}, {@code color}, {@code gray},
 * {@code bitonal}; formats {@code jpg}, {@code png}, {@code webp}. Results share the dynamic
 * renditions' content-addressed cache.
 */
@Service
public class IiifImages {

    private static final String NUMBER = "(\\d+(?:\\.\\d+)?)";
    private static final Pattern PIXELS = Pattern.compile("(\\d+),(\\d+),(\\d+),(\\d+)");
    private static final Pattern PERCENT = Pattern.compile("pct:" + NUMBER + "," + NUMBER + "," + NUMBER + "," + NUMBER);
    private static final Pattern SIZE = Pattern.compile("(\\^)?(?:(max)|pct:" + NUMBER + "|(!)?(\\d+)?,(\\d+)?)");
    private static final Pattern ROTATION = Pattern.compile("(!)?(\\d+(?:\\.\\d+)?)");
    private static final Pattern QUALITY = Pattern.compile("(default|color|gray|bitonal)\\.(jpg|png|webp)");
    private static final int TILE = 512;

    private final AssetManagement assets;
    private final MediaFacts facts;
    private final ImageDelivery delivery;
    private final MediaProperties properties;

    IiifImages(AssetManagement assets, MediaFacts facts, ImageDelivery delivery, MediaProperties properties) {
        this.assets = assets;
        this.facts = facts;
        this.delivery = delivery;
        this.properties = properties;
    }

    /** The image information document; {@code base} is this image service's absolute URI. */
    public Map<String, Object> info(Actor actor, AssetId id, String base) {
        AssetVersion version = assets.download(actor, id, Optional.empty());
        int[] size = size(id, version);
        int max = properties.maxDynamicEdge();
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("@context", "http://iiif.io/api/image/3/context.json");
        info.put("id", base);
        info.put("type", "ImageService3");
        info.put("protocol", "http://iiif.io/api/image");
        info.put("profile", "level2");
        info.put("width", size[0]);
        info.put("height", size[1]);
        info.put("maxWidth", max);
        info.put("maxHeight", max);
        List<Map<String, Object>> sizes = new ArrayList<>();
        List<Integer> factors = new ArrayList<>();
        for (int factor = 1; ; factor *= 2) {
            factors.add(factor);
            int w = ceilDiv(size[0], factor);
            int h = ceilDiv(size[1], factor);
            if (w <= max && h <= max) {
                sizes.addFirst(Map.of("type", "Size", "width", w, "height", h));
            }
            if (w <= TILE && h <= TILE) {
                break;
            }
        }
        info.put("sizes", sizes);
        info.put("tiles", List.of(Map.of("type", "Tile", "width", TILE, "scaleFactors", factors)));
        info.put("extraFormats", delivery.writableFormats(version).contains("webp") ? List.of("png", "webp") : List.of("png"));
        info.put("extraQualities", List.of("color", "gray", "bitonal"));
        info.put("extraFeatures", List.of("mirroring", "regionByPct", "regionByPx", "regionSquare", "rotationBy90s",
                "sizeByConfinedWh", "sizeByH", "sizeByPct", "sizeByW", "sizeByWh", "sizeUpscaling"));
        return info;
    }

    /** One image request; every parameter is checked as the specification says, with a 400 problem naming it. */
    public Delivered image(Actor actor, AssetId id, String region, String size, String rotation, String qualityFormat) {
        AssetVersion version = assets.download(actor, id, Optional.empty());
        int[] full = size(id, version);
        int[] box = region(region, full);
        int[] out = size(size, box[2], box[3]);
        Matcher r = ROTATION.matcher(rotation);
        if (!r.matches()) {
            throw new InvalidRequestException("The rotation '" + rotation + "' is not a number of degrees, optionally after '!'.");
        }
        double degrees = Double.parseDouble(r.group(2));
        if (degrees % 90 != 0 || degrees > 360) {
            throw new InvalidRequestException("Only rotations by 0, 90, 180 or 270 degrees are supported.");
        }
        Matcher q = QUALITY.matcher(qualityFormat);
        if (!q.matches()) {
            throw new InvalidRequestException("The quality and format '" + qualityFormat
                    + "' are not one of default, color, gray, bitonal and jpg, png, webp.");
        }
        String format = q.group(2).equals("jpg") ? "jpeg" : q.group(2);
        Set<String> writable = delivery.writableFormats(version);
        if (!writable.contains(format)) {
            throw new InvalidRequestException("This server cannot write " + format + " images of this asset.");
        }
        String tone = q.group(1).equals("default") ? "color" : q.group(1);
        var transform = new Transform(box[0], box[1], box[2], box[3], (int) degrees % 360, r.group(1) != null, tone);
        Target target = new Target("iiif", out[0], out[1], "fill", "center", format, 85, transform);
        String spec = String.format(Locale.ROOT, "iiif|%d,%d,%d,%d|%d,%d|%s|%s", box[0], box[1], box[2], box[3], out[0], out[1],
                rotation, qualityFormat);
        Entry entry = delivery.rendered(id, version, target, spec);
        return new Delivered(entry.blob(), entry.mediaType(), entry.width(), entry.height(), false, false);
    }

    private int[] size(AssetId id, AssetVersion version) {
        if (delivery.writableFormats(version).isEmpty() || version.mediaType().startsWith("video/")
                || version.mediaType().startsWith("audio/")) {
            throw new NotAnImageYetException();
        }
        return MediaFacts.dimensions(facts.find(id, version.number())).orElseThrow(NotAnImageYetException::new);
    }

    /** x, y, w, h in image pixels, clipped to the image. */
    private static int[] region(String region, int[] full) {
        double x;
        double y;
        double w;
        double h;
        Matcher m;
        if (region.equals("full")) {
            return new int[] {0, 0, full[0], full[1]};
        } else if (region.equals("square")) {
            int side = Math.min(full[0], full[1]);
            return new int[] {(full[0] - side) / 2, (full[1] - side) / 2, side, side};
        } else if ((m = PIXELS.matcher(region)).matches()) {
            x = number(m.group(1));
            y = number(m.group(2));
            w = number(m.group(3));
            h = number(m.group(4));
        } else if ((m = PERCENT.matcher(region)).matches()) {
            x = Math.min(number(m.group(1)), 100) * full[0] / 100;
            y = Math.min(number(m.group(2)), 100) * full[1] / 100;
            w = Math.min(number(m.group(3)), 100) * full[0] / 100;
            h = Math.min(number(m.group(4)), 100) * full[1] / 100;
        } else {
            throw new InvalidRequestException("The region '" + region + "' is not full, square, x,y,w,h or pct:x,y,w,h.");
        }
        if (!(x >= 0 && y >= 0 && w > 0 && h > 0) || x >= full[0] || y >= full[1]) {
            throw new InvalidRequestException("The region '" + region + "' has no width or height, or lies outside the image.");
        }
        int left = (int) Math.round(x);
        int top = (int) Math.round(y);
        int width = (int) Math.min(Math.round(Math.min(w, full[0] - x)), full[0] - left);
        int height = (int) Math.min(Math.round(Math.min(h, full[1] - y)), full[1] - top);
        if (left >= full[0] || top >= full[1] || width <= 0 || height <= 0) {
            throw new InvalidRequestException("The region '" + region + "' has no width or height, or lies outside the image.");
        }
        return new int[] {left, top, width, height};
    }

    /** Output width × height for a region of {@code rw} × {@code rh}. */
    private int[] size(String size, int rw, int rh) {
        Matcher m = SIZE.matcher(size);
        if (!m.matches() || (m.group(2) == null && m.group(3) == null && m.group(5) == null && m.group(6) == null)) {
            throw new InvalidRequestException("The size '" + size + "' is not max, w,, ,h, pct:n, w,h or !w,h (each may start with ^).");
        }
        boolean upscale = m.group(1) != null;
        int max = properties.maxDynamicEdge();
        double w;
        double h;
        if (m.group(2) != null) {
            double scale = Math.min(1, Math.min((double) max / rw, (double) max / rh));
            if (upscale) {
                scale = Math.min((double) max / rw, (double) max / rh);
            }
            w = rw * scale;
            h = rh * scale;
        } else if (m.group(3) != null) {
            double pct = number(m.group(3));
            w = rw * pct / 100;
            h = rh * pct / 100;
        } else {
            Double bw = m.group(5) == null ? null : number(m.group(5));
            Double bh = m.group(6) == null ? null : number(m.group(6));
            boolean confined = m.group(4) != null;
            if (confined && (bw == null || bh == null)) {
                throw new InvalidRequestException("The size '" + size + "' needs both width and height after '!'.");
            }
            if (confined) {
                // as large as fits in w × h, but without ^ never larger than the region
                double scale = Math.min(bw / rw, bh / rh);
                if (!upscale) {
                    scale = Math.min(1, scale);
                }
                w = rw * scale;
                h = rh * scale;
            } else if (bw != null && bh != null) {
                w = bw;
                h = bh;
            } else if (bw != null) {
                w = bw;
                h = rh * bw / rw;
            } else {
                h = bh;
                w = rw * bh / rh;
            }
        }
        if (!(w >= 0.5 && h >= 0.5)) {
            throw new InvalidRequestException("The size '" + size + "' leaves no pixel.");
        }
        if (w > max + 0.5 || h > max + 0.5) {
            throw new InvalidRequestException("The size '" + size + "' is over the largest this server makes (" + max + " pixels).");
        }
        int width = Math.max(1, (int) Math.round(w));
        int height = Math.max(1, (int) Math.round(h));
        if (!upscale && (width > rw || height > rh)) {
            throw new InvalidRequestException("The size '" + size + "' is larger than the region; ask with '^' to upscale.");
        }
        if (width > max || height > max) {
            throw new InvalidRequestException("The size '" + size + "' is over the largest this server makes (" + max + " pixels).");
        }
        return new int[] {width, height};
    }

    /** A non-negative number of the request, or a 400 problem (too long, not finite). */
    private static double number(String text) {
        if (text.length() > 12) {
            throw new InvalidRequestException("The number '" + text + "' is too long.");
        }
        return Double.parseDouble(text);
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    static final class NotAnImageYetException extends ProblemException {

        NotAnImageYetException() {
            super(404, URI.create("/problems/no-image"), "No image",
                    "This asset has no image to serve over IIIF (not an image, or not processed yet).");
        }
    }
}
