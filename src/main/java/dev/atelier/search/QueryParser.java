package dev.atelier.search;

import dev.atelier.search.SearchQuery.Comparison;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Recursive descent over the query language of {@link SearchQuery}: OR binds looser than the
 * implied AND, NOT and {@code -} bind tightest. Errors name the character position.
 */
final class QueryParser {

    private static final int MAX_LENGTH = 2_000;
    private static final int MAX_DEPTH = 20;
    private static final Pattern FIELD_NAME = Pattern.compile("[a-z][a-z0-9_.-]*");

    private final String text;
    private int at;
    private int depth;

    QueryParser(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new InvalidQueryException("A query has at most " + MAX_LENGTH + " characters.");
        }
        this.text = text;
    }

    SearchQuery parse() {
        skipSpace();
        if (at == text.length()) {
            return new SearchQuery.Everything();
        }
        SearchQuery query = or();
        skipSpace();
        if (at < text.length()) {
            throw error("Unexpected '" + text.charAt(at) + "'");
        }
        return query;
    }

    private SearchQuery or() {
        List<SearchQuery> parts = new ArrayList<>(List.of(and()));
        while (keyword("OR")) {
            parts.add(and());
        }
        return parts.size() == 1 ? parts.getFirst() : new SearchQuery.Any(parts);
    }

    private SearchQuery and() {
        List<SearchQuery> parts = new ArrayList<>(List.of(unary()));
        while (true) {
            skipSpace();
            if (at == text.length() || text.charAt(at) == ')' || peekKeyword("OR")) {
                break;
            }
            keyword("AND");
            parts.add(unary());
        }
        return parts.size() == 1 ? parts.getFirst() : new SearchQuery.All(parts);
    }

    private SearchQuery unary() {
        skipSpace();
        if (keyword("NOT")) {
            return new SearchQuery.Not(unary());
        }
        if (at < text.length() && text.charAt(at) == '-' && at + 1 < text.length() && !Character.isWhitespace(text.charAt(at + 1))) {
            at++;
            return new SearchQuery.Not(unary());
        }
        return primary();
    }

    private SearchQuery primary() {
        skipSpace();
        if (at == text.length()) {
            throw error("A search term is missing");
        }
        char c = text.charAt(at);
        if (c == '(') {
            return group();
        }
        if (c == ')') {
            throw error("Unexpected ')'");
        }
        if (c == '"') {
            return new SearchQuery.Phrase(quoted());
        }
        String word = word();
        int colon = word.indexOf(':');
        if (colon > 0 && FIELD_NAME.matcher(word.substring(0, colon)).matches()) {
            return field(word.substring(0, colon), word.substring(colon + 1));
        }
        boolean prefix = word.length() > 1 && word.endsWith("*");
        return new SearchQuery.Words(prefix ? word.substring(0, word.length() - 1) : word, prefix);
    }

    private SearchQuery group() {
        int open = at++;
        if (++depth > MAX_DEPTH) {
            throw error("Parentheses nest at most " + MAX_DEPTH + " deep");
        }
        SearchQuery inner = or();
        skipSpace();
        if (at == text.length() || text.charAt(at) != ')') {
            at = open;
            throw error("This '(' is never closed");
        }
        at++;
        depth--;
        return inner;
    }

    private SearchQuery field(String name, String rest) {
        String value = rest;
        if (value.isEmpty() && at < text.length() && text.charAt(at) == '"') {
            value = quoted();
        }
        for (var op : List.of(">=", "<=", ">", "<")) {
            if (value.startsWith(op)) {
                return new SearchQuery.Field(name, comparison(op), nonEmpty(name, value.substring(op.length())), "");
            }
        }
        int dots = value.indexOf("..");
        if (dots > 0 && dots + 2 < value.length()) {
            return new SearchQuery.Field(name, Comparison.BETWEEN, value.substring(0, dots), value.substring(dots + 2));
        }
        return new SearchQuery.Field(name, Comparison.EQUALS, nonEmpty(name, value), "");
    }

    private String nonEmpty(String name, String value) {
        if (value.isBlank()) {
            throw error("'" + name + ":' needs a value after the colon");
        }
        return value;
    }

    private static Comparison comparison(String op) {
        return switch (op) {
            case ">" -> Comparison.GREATER;
            case ">=" -> Comparison.AT_LEAST;
            case "<" -> Comparison.LESS;
            default -> Comparison.AT_MOST;
        };
    }

    private String quoted() {
        int open = at++;
        int close = text.indexOf('"', at);
        if (close < 0) {
            at = open;
            throw error("This quote is never closed");
        }
        String inner = text.substring(at, close);
        at = close + 1;
        return inner;
    }

    private String word() {
        int start = at;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (Character.isWhitespace(c) || c == '(' || c == ')' || c == '"') {
                break;
            }
            at++;
        }
        return text.substring(start, at);
    }

    private boolean keyword(String word) {
        skipSpace();
        if (peekKeyword(word)) {
            at += word.length();
            return true;
        }
        return false;
    }

    private boolean peekKeyword(String word) {
        int end = at + word.length();
        return text.startsWith(word, at) && (end == text.length() || Character.isWhitespace(text.charAt(end)) || text.charAt(end) == '(');
    }

    private void skipSpace() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private InvalidQueryException error(String what) {
        return new InvalidQueryException(what + " at position " + (at + 1) + " of the query.");
    }
}
