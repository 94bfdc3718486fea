package dev.atelier.ingest;

import dev.atelier.shared.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file name template such as {@code {brief}_{channel}_{width}x{height}_v{version}.{ext}}: literal
 * text and tokens. It checks names (each token matches its kind of value) and renders names from
 * values. Tokens: {@value #TOKENS_TEXT}.
 */
public final class NamingTemplate {

    static final String TOKENS_TEXT = "title, brief, channel, market, width, height, version, date, ext, any";
    private static final Map<String, String> TOKENS = Map.of("title", "[\\p{L}\\p{N}-]+", "brief", "[\\p{L}\\p{N}-]+",
            "channel", "[\\p{L}\\p{N}-]+", "market", "[\\p{L}\\p{N}-]+", "width", "\\d+", "height", "\\d+", "version", "\\d+",
            "date", "\\d{8}", "ext", "[A-Za-z0-9]+", "any", "[^/\\\\]+?");
    private static final Pattern TOKEN = Pattern.compile("\\{([a-z]+)}");

    private final String template;
    private final Pattern pattern;
    private final List<String> tokens;

    private NamingTemplate(String template, Pattern pattern, List<String> tokens) {
        this.template = template;
        this.pattern = pattern;
        this.tokens = tokens;
    }

    /** @throws InvalidRequestException naming the unknown token or what is malformed */
    public static NamingTemplate parse(String template) {
        String t = template.strip();
        if (t.isEmpty() || t.length() > 500) {
            throw new InvalidRequestException("A naming template needs 1 to 500 characters.");
        }
        StringBuilder regex = new StringBuilder();
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(t);
        int at = 0;
        while (m.find()) {
            String name = m.group(1);
            if (!TOKENS.containsKey(name)) {
                throw new InvalidRequestException("The naming template has an unknown token {" + name + "}; use " + TOKENS_TEXT + ".");
            }
            regex.append(Pattern.quote(t.substring(at, m.start()))).append('(').append(TOKENS.get(name)).append(')');
            tokens.add(name);
            at = m.end();
        }
        String rest = t.substring(at);
        String literal = TOKEN.matcher(t).replaceAll("");
        if (literal.contains("{") || literal.contains("}")) {
            throw new InvalidRequestException("The naming template has a brace that is not part of a {token}.");
        }
        regex.append(Pattern.quote(rest));
        return new NamingTemplate(t, Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE), List.copyOf(tokens));
    }

    public boolean matches(String filename) {
        return pattern.matcher(filename).matches();
    }

    /** The name with each token's value, made safe for a file name; tokens without a value become {@code na}. */
    public String render(Map<String, String> values) {
        Matcher m = TOKEN.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(slug(values.getOrDefault(m.group(1), ""))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** An example name, to show people what is expected. */
    public String example() {
        return render(Map.of("title", "spring-hero", "brief", "spring26", "channel", "social", "market", "de", "width", "1080",
                "height", "1080", "version", "1", "date", "20260301", "ext", "jpg", "any", "anything"));
    }

    public String template() {
        return template;
    }

    static String slug(String value) {
        String s = java.text.Normalizer.normalize(value, java.text.Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "na" : s;
    }
}
