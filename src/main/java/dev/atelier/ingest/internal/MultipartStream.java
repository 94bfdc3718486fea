package dev.atelier.ingest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A streaming reader of {@code multipart/form-data} (RFC 7578) over one large buffer. Part bodies
 * are handed out as streams that end at the next delimiter; the delimiter is found with a
 * Boyer–Moore–Horspool search, which skips ahead by up to the delimiter's length instead of
 * looking at every byte, so parsing costs a fraction of hashing the same bytes.
 */
final class MultipartStream {

    static final int MAX_HEADER_BYTES = 16 * 1024;

    private final InputStream in;
    private final byte[] delimiter;
    private final int[] skip = new int[256];
    private final byte[] buffer;
    private int head;
    private int tail;
    /** Stream offset of buffer[0]; grows as the buffer is compacted. */
    private long base;
    private boolean eof;
    private boolean finished;
    private PartBody current;

    /** @param boundary the {@code boundary} parameter of the request's Content-Type */
    MultipartStream(InputStream in, String boundary, int bufferSize) {
        if (boundary.isEmpty() || boundary.length() > 70) {
            throw new MalformedMultipartException("the multipart boundary must have 1 to 70 characters");
        }
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        this.buffer = new byte[Math.max(bufferSize, 2 * MAX_HEADER_BYTES)];
        Arrays.fill(skip, delimiter.length);
        for (int i = 0; i < delimiter.length - 1; i++) {
            skip[delimiter[i] & 0xFF] = delimiter.length - 1 - i;
        }
        // the first delimiter has no CRLF before it: pretend it had
        buffer[0] = '\r';
        buffer[1] = '\n';
        tail = 2;
    }

    /**
     * Moves to the next part, skipping what is left of the current one.
     *
     * @return the part's headers (names lower-cased), or null after the closing delimiter
     */
    Map<String, String> nextPart() throws IOException {
        if (finished) {
            return null;
        }
        if (current != null) {
            current.skipRest();
        } else {
            skipPreamble();
        }
        fill(2);
        if (available() >= 2 && buffer[head] == '-' && buffer[head + 1] == '-') {
            finished = true;
            return null;
        }
        expectCrlf();
        Map<String, String> headers = readHeaders();
        current = new PartBody();
        return headers;
    }

    /** The current part's body; ends at the part's delimiter. */
    InputStream body() {
        if (current == null) {
            throw new IllegalStateException("call nextPart() first");
        }
        return current;
    }

    private void skipPreamble() throws IOException {
        new PartBody().skipRest();
    }

    private void expectCrlf() throws IOException {
        fill(2);
        if (available() < 2 || buffer[head] != '\r' || buffer[head + 1] != '\n') {
            throw new MalformedMultipartException("a multipart delimiter is not followed by a line break");
        }
        head += 2;
    }

    private Map<String, String> readHeaders() throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        int consumed = 0;
        while (true) {
            int end = lineEnd();
            if (end < 0) {
                throw new MalformedMultipartException("a part's headers are longer than " + MAX_HEADER_BYTES + " bytes or cut off");
            }
            String line = new String(buffer, head, end - head, StandardCharsets.UTF_8);
            consumed += end + 2 - head;
            head = end + 2;
            if (line.isEmpty()) {
                return headers;
            }
            if (consumed > MAX_HEADER_BYTES) {
                throw new MalformedMultipartException("a part's headers are longer than " + MAX_HEADER_BYTES + " bytes");
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
            }
        }
    }

    /** Index of the CR of the next CRLF at or after head, reading more when needed; -1 if none within the limit. */
    private int lineEnd() throws IOException {
        while (true) {
            for (int i = head; i + 1 < tail; i++) {
                if (buffer[i] == '\r' && buffer[i + 1] == '\n') {
                    return i;
                }
            }
            if (available() >= MAX_HEADER_BYTES || !fillMore()) {
                return -1;
            }
        }
    }

    private int available() {
        return tail - head;
    }

    /** Ensures at least {@code n} bytes are buffered unless the input ends first. */
    private void fill(int n) throws IOException {
        while (available() < n && fillMore()) {
            // keep reading
        }
    }

    /** Compacts and reads once more; false at end of input. */
    private boolean fillMore() throws IOException {
        if (eof) {
            return false;
        }
        if (head > 0) {
            System.arraycopy(buffer, head, buffer, 0, tail - head);
            base += head;
            tail -= head;
            head = 0;
        }
        if (tail == buffer.length) {
            return true;
        }
        int n = in.read(buffer, tail, buffer.length - tail);
        if (n < 0) {
            eof = true;
            return false;
        }
        tail += n;
        return true;
    }

    /** Boyer–Moore–Horspool: the first delimiter in buffer[from, to), or -1. */
    private int find(int from, int to) {
        int m = delimiter.length;
        int last = m - 1;
        byte lastByte = delimiter[last];
        int i = from;
        while (i + last < to) {
            byte b = buffer[i + last];
            if (b == lastByte && matchesAt(i)) {
                return i;
            }
            i += skip[b & 0xFF];
        }
        return -1;
    }

    private boolean matchesAt(int i) {
        for (int j = delimiter.length - 2; j >= 0; j--) {
            if (buffer[i + j] != delimiter[j]) {
                return false;
            }
        }
        return true;
    }

    /**
     * One part's body: the bytes up to the next delimiter, which it consumes at the end. It
     * remembers how far it has searched (as stream offsets, which survive compaction), so
     * every byte is searched once however small the caller's reads.
     */
    private final class PartBody extends InputStream {

        private long delimiterAt = -1;
        private long clearUntil;
        private boolean done;

        PartBody() {
            clearUntil = base + head;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] target, int off, int len) throws IOException {
            if (done) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            while (true) {
                long position = base + head;
                if (delimiterAt < 0 && clearUntil <= position) {
                    search();
                }
                if (delimiterAt >= 0) {
                    if (delimiterAt == position) {
                        head += delimiter.length;
                        done = true;
                        return -1;
                    }
                    return copy(target, off, (int) Math.min(len, delimiterAt - position));
                }
                if (clearUntil > position) {
                    return copy(target, off, (int) Math.min(len, clearUntil - position));
                }
                if (!fillMore()) {
                    throw new MalformedMultipartException("the multipart body ends inside a part");
                }
            }
        }

        private void search() {
            int from = (int) Math.max(head, clearUntil - base);
            int at = find(from, tail);
            if (at >= 0) {
                delimiterAt = base + at;
            } else {
                // a delimiter may still start in the last m-1 bytes, once more data arrives
                clearUntil = Math.max(clearUntil, base + tail - (delimiter.length - 1));
            }
        }

        private int copy(byte[] target, int off, int n) {
            System.arraycopy(buffer, head, target, off, n);
            head += n;
            return n;
        }

        void skipRest() throws IOException {
            byte[] scratch = new byte[64 * 1024];
            while (read(scratch, 0, scratch.length) >= 0) {
                // discard
            }
        }
    }

    /** The body is not valid multipart; a 400 for the client, never a server error. */
    static final class MalformedMultipartException extends RuntimeException {

        MalformedMultipartException(String message) {
            super(message);
        }
    }
}
