package dev.atelier.search.internal;

import static dev.atelier.search.internal.IndexFields.*;

import dev.atelier.search.SearchSort;
import dev.atelier.shared.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.util.BytesRef;

/**
 * Sort orders, each ending with the asset id so that no two hits tie, which makes a page's last
 * sort values a complete keyset cursor (independent of Lucene's internal doc ids).
 */
final class LuceneSorts {

    private LuceneSorts() {
    }

    static Sort of(SearchSort sort) {
        return of(sort, false);
    }

    /**
     * @param legacy whether the reader holds documents written before the id was kept as numbers
     *     (an index of an older layout, searched while its rebuild runs): they break ties on the id's text
     */
    static Sort of(SearchSort sort, boolean legacy) {
        return switch (sort) {
            case RELEVANCE -> sort(SortField.FIELD_SCORE, false, legacy);
            case NEWEST -> sort(new SortField(CREATED, SortField.Type.LONG, true), true, legacy);
            case OLDEST -> sort(new SortField(CREATED, SortField.Type.LONG), false, legacy);
            case UPDATED -> sort(new SortField(UPDATED, SortField.Type.LONG, true), true, legacy);
            case TITLE -> sort(new SortField(TITLE_SORT, SortField.Type.STRING), false, legacy);
            case LARGEST -> sort(new SortField(SIZE, SortField.Type.LONG, true), true, legacy);
            case SMALLEST -> sort(new SortField(SIZE, SortField.Type.LONG), false, legacy);
        };
    }

    /** Whether some segment of the reader was written before the id was kept as numbers. */
    static boolean legacy(IndexReader reader) {
        return reader.leaves().stream().anyMatch(l -> l.reader().maxDoc() > 0 && l.reader().getFieldInfos().fieldInfo(ID_HIGH) == null);
    }

    /** {@code first}, then the id (its two halves, or its text in a legacy index), in the id's text order or the reverse. */
    private static Sort sort(SortField first, boolean reverseId, boolean legacy) {
        if (legacy) {
            return new Sort(first, new SortField(ID, SortField.Type.STRING, reverseId));
        }
        return new Sort(first, new SortField(ID_HIGH, SortField.Type.LONG, reverseId), new SortField(ID_LOW, SortField.Type.LONG, reverseId));
    }

    static String cursor(FieldDoc last) {
        List<String> parts = new ArrayList<>();
        for (Object value : last.fields) {
            parts.add(switch (value) {
                case Float f -> "f" + Float.floatToIntBits(f);
                case Long l -> "l" + l;
                case BytesRef b -> "s" + Base64.getUrlEncoder().withoutPadding().encodeToString(BytesRef.deepCopyOf(b).bytes);
                case null -> "n";
                default -> throw new IllegalStateException("unexpected sort value " + value.getClass());
            });
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(String.join(".", parts).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The position after the cursor's hit. Only that same hit ties on every sort value (the id is
     * unique), and Lucene skips a full tie whose doc id is at most {@code doc}: so the highest doc id.
     *
     * @throws InvalidRequestException when the cursor was not made for this sort
     */
    static FieldDoc after(String cursor, Sort sort, int maxDoc) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\.", -1);
            SortField[] fields = sort.getSort();
            if (parts.length != fields.length) {
                throw new IllegalArgumentException("length");
            }
            Object[] values = new Object[parts.length];
            for (int i = 0; i < parts.length; i++) {
                values[i] = value(parts[i], fields[i]);
            }
            return new FieldDoc(maxDoc - 1, Float.NaN, values);
        } catch (RuntimeException e) {
            throw new InvalidRequestException("The cursor is not valid for this search; use the 'next' value of the previous page with the same sort.");
        }
    }

    private static Object value(String part, SortField field) {
        Object value = switch (part.charAt(0)) {
            case 'f' -> Float.intBitsToFloat(Integer.parseInt(part.substring(1)));
            case 'l' -> Long.parseLong(part.substring(1));
            case 's' -> new BytesRef(Base64.getUrlDecoder().decode(part.substring(1)));
            case 'n' -> null;
            default -> throw new IllegalArgumentException(part);
        };
        boolean fits = switch (field.getType()) {
            case SCORE -> value instanceof Float;
            case LONG -> value instanceof Long;
            default -> value == null || value instanceof BytesRef;
        };
        if (!fits) {
            throw new IllegalArgumentException(part);
        }
        return value;
    }
}
