package dev.atelier.media;

import dev.atelier.shared.InvalidRequestException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What a dynamic rendition URL asks for, normalised: box ({@code w}, {@code h}; 0 = free), fit,
 * gravity, format ({@code auto} = the best the client accepts), quality, device pixel ratio, the
 * page of a PDF or multi-page image (from 1), and optionally a version (without one the URL follows the asset's current version).
 */
public record ImageSpec(Optional<Integer> version, int width, int height, String fit, String gravity, String format, int quality,
        double dpr, int page) {

    public ImageSpec(Optional<Integer> version, int width, int height, String fit, String gravity, String format, int quality,
            double dpr) {
        this(version, width, height, fit, gravity, format, quality, dpr, 1);
    }

    public static final Set<String> FITS = Set.of("inside", "contain", "cover", "fill");
    /** {@code auto}: the asset's focal point where one is set, else the centre. */
    public static final List<String> GRAVITIES = List.of("auto", "center", "north", "south", "east", "west", "northeast", "northwest",
            "southeast", "southwest");
    private static final Set<String> GRAVITY_NAMES = Set.copyOf(GRAVITIES);
    public static final Set<String> FORMATS = Set.of("auto", "jpeg", "png", "webp", "avif");
    private static final int DEFAULT_QUALITY = 80;

    /** @throws InvalidRequestException naming the parameter that is wrong */
    public static ImageSpec parse(Map<String, String> query) {
        Optional<Integer> version = Optional.ofNullable(query.get("v")).map(v -> integer("v", v, 1, Integer.MAX_VALUE));
        int width = Optional.ofNullable(query.get("w")).map(v -> integer("w", v, 1, 100_000)).orElse(0);
        int height = Optional.ofNullable(query.get("h")).map(v -> integer("h", v, 1, 100_000)).orElse(0);
        String fit = choice("fit", query.getOrDefault("fit", "inside"), FITS);
        String gravity = choice("g", query.getOrDefault("g", "auto"), GRAVITY_NAMES);
        String format = choice("fm", query.getOrDefault("fm", "auto").replace("jpg", "jpeg"), FORMATS);
        int quality = Optional.ofNullable(query.get("q")).map(v -> integer("q", v, 1, 100)).orElse(DEFAULT_QUALITY);
        double dpr = Optional.ofNullable(query.get("dpr")).map(ImageSpec::dpr).orElse(1.0);
        int page = Optional.ofNullable(query.get("page")).map(v -> integer("page", v, 1, 100_000)).orElse(1);
        return new ImageSpec(version, width, height, fit, gravity, format, quality, dpr, page);
    }

    /** Pixels wide the output may be: the box times the device pixel ratio (0 = free). */
    public int pixelWidth() {
        return (int) Math.round(width * dpr);
    }

    public int pixelHeight() {
        return (int) Math.round(height * dpr);
    }

    /** The same spec with a concrete gravity (such as a focal point) in place of {@code auto}. */
    public ImageSpec withGravity(String concrete) {
        return new ImageSpec(version, width, height, fit, concrete, format, quality, dpr, page);
    }

    /** The same spec with a concrete format in place of {@code auto}. */
    public ImageSpec withFormat(String concrete) {
        return new ImageSpec(version, width, height, fit, gravity, concrete, quality, dpr, page);
    }

    /** The normalised query (defaults left out, fixed order): what URLs carry and signatures cover. */
    public String query() {
        Map<String, String> params = new LinkedHashMap<>();
        version.ifPresent(v -> params.put("v", Integer.toString(v)));
        if (width > 0) {
            params.put("w", Integer.toString(width));
        }
        if (height > 0) {
            params.put("h", Integer.toString(height));
        }
        put(params, "fit", fit, "inside", Function.identity());
        put(params, "g", gravity, "auto", Function.identity());
        put(params, "fm", format, "auto", Function.identity());
        put(params, "q", quality, DEFAULT_QUALITY, q -> Integer.toString(q));
        put(params, "dpr", dpr, 1.0, ImageSpec::formatDpr);
        put(params, "page", page, 1, p -> Integer.toString(p));
        StringBuilder query = new StringBuilder();
        params.forEach((k, v) -> query.append(query.isEmpty() ? "" : "&").append(k).append('=').append(v));
        return query.toString();
    }

    private static <T> void put(Map<String, String> params, String name, T value, T fallback, Function<T, String> text) {
        if (!value.equals(fallback)) {
            params.put(name, text.apply(value));
        }
    }

    private static String formatDpr(double dpr) {
        return dpr == Math.rint(dpr) ? Integer.toString((int) dpr) : String.format(Locale.ROOT, "%.2f", dpr).replaceAll("0+$", "");
    }

    private static int integer(String name, String text, int min, int max) {
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidRequestException("'" + name + "' must be a whole number from " + min + " to " + max + ".");
    }

    private static double dpr(String text) {
        try {
            double value = Double.parseDouble(text.strip());
            if (value >= 1 && value <= 4) {
                return Math.round(value * 100) / 100.0;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidRequestException("'dpr' must be a number from 1 to 4.");
    }

    private static String choice(String name, String value, Set<String> allowed) {
        String normal = value.strip().toLowerCase(Locale.ROOT);
        if (!allowed.contains(normal)) {
            throw new InvalidRequestException("'" + name + "' must be one of " + String.join(", ", allowed.stream().sorted().toList()) + ".");
        }
        return normal;
    }
}
