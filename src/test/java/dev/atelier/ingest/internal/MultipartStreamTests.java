package dev.atelier.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class MultipartStreamTests {

    static final String BOUNDARY = "----atelierBoundary7MA4YWxkTrZu0gW";

    @Test
    void readsFieldsAndAFile() throws IOException {
        String body = "preamble to ignore\r\n"
                + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nSpring hero\r\n"
                + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nline one\r\nline two\r\n"
                + "--" + BOUNDARY + "--\r\nepilogue";

        List<Part> parts = readAll(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), BOUNDARY);

        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).headers()).containsEntry("content-disposition", "form-data; name=\"title\"");
        assertThat(new String(parts.get(0).body(), StandardCharsets.UTF_8)).isEqualTo("Spring hero");
        assertThat(parts.get(1).headers()).containsEntry("content-type", "text/plain");
        assertThat(new String(parts.get(1).body(), StandardCharsets.UTF_8)).isEqualTo("line one\r\nline two");
    }

    @Test
    void keepsBytesThatOnlyLookLikeTheStartOfADelimiter() throws IOException {
        byte[] tricky = ("\r\n--" + BOUNDARY.substring(0, 20) + "x\r\n-\r\n--" + BOUNDARY.substring(0, BOUNDARY.length() - 1) + "\r\n--")
                .getBytes(StandardCharsets.ISO_8859_1);
        List<Part> parts = readAll(new ByteArrayInputStream(body(List.of(tricky))), BOUNDARY);
        assertThat(parts.getFirst().body()).isEqualTo(tricky);
    }

    @Test
    void readsAnEmptyPart() throws IOException {
        assertThat(readAll(new ByteArrayInputStream(body(List.of(new byte[0]))), BOUNDARY).getFirst().body()).isEmpty();
    }

    @RepeatedTest(25)
    void splitsRandomPartsWhateverTheReadSizes() throws IOException {
        Random random = new Random();
        long seed = random.nextLong();
        random.setSeed(seed);
        List<byte[]> expected = new ArrayList<>();
        for (int i = 0; i < 1 + random.nextInt(4); i++) {
            byte[] content = new byte[random.nextInt(3) == 0 ? random.nextInt(50) : random.nextInt(300_000)];
            random.nextBytes(content);
            // sprinkle near-delimiters into the content
            byte[] near = ("\r\n--" + BOUNDARY).getBytes(StandardCharsets.ISO_8859_1);
            for (int k = 0; k < 5 && content.length > near.length; k++) {
                int at = random.nextInt(content.length - near.length);
                int cut = 1 + random.nextInt(near.length - 1);
                System.arraycopy(near, 0, content, at, cut);
            }
            // a cut one byte short may meet the missing byte by chance: then the part holds a real delimiter,
            // which no sender puts inside a part (RFC 2046 picks boundaries absent from the content)
            for (int at = indexOf(content, near); at >= 0; at = indexOf(content, near)) {
                content[at + near.length - 1] ^= 1;
            }
            expected.add(content);
        }

        List<Part> parts;
        try {
            parts = readAll(new Trickle(new ByteArrayInputStream(body(expected)), random), BOUNDARY);
        } catch (IOException | RuntimeException e) {
            throw new AssertionError("seed " + seed, e);
        }

        assertThat(parts).as("seed %d", seed).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(parts.get(i).body()).as("seed %d part %d", seed, i).isEqualTo(expected.get(i));
        }
    }

    @Test
    void refusesABodyThatEndsInsideAPart() {
        String cut = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\"\r\n\r\nhalf a fi";
        assertThatThrownBy(() -> readAll(new ByteArrayInputStream(cut.getBytes(StandardCharsets.UTF_8)), BOUNDARY))
                .isInstanceOf(MultipartStream.MalformedMultipartException.class);
    }

    @Test
    void refusesEndlessHeaders() {
        String endless = "--" + BOUNDARY + "\r\nX-Long: " + "a".repeat(40_000) + "\r\n\r\nbody\r\n--" + BOUNDARY + "--";
        assertThatThrownBy(() -> readAll(new ByteArrayInputStream(endless.getBytes(StandardCharsets.UTF_8)), BOUNDARY))
                .isInstanceOf(MultipartStream.MalformedMultipartException.class);
    }

    record Part(Map<String, String> headers, byte[] body) {
    }

    static List<Part> readAll(InputStream in, String boundary) throws IOException {
        var stream = new MultipartStream(in, boundary, 40 * 1024);
        List<Part> parts = new ArrayList<>();
        for (Map<String, String> headers; (headers = stream.nextPart()) != null; ) {
            var out = new ByteArrayOutputStream();
            byte[] chunk = new byte[7919];
            for (int n; (n = stream.body().read(chunk, 0, chunk.length)) >= 0; ) {
                out.write(chunk, 0, n);
            }
            parts.add(new Part(headers, out.toByteArray()));
        }
        return parts;
    }

    static byte[] body(List<byte[]> contents) {
        var out = new ByteArrayOutputStream();
        for (int i = 0; i < contents.size(); i++) {
            out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"f" + i + "\"; filename=\"f" + i
                    + "\"\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(contents.get(i));
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** Hands out data in small random pieces, the way a slow network does. */
    static final class Trickle extends InputStream {

        private final InputStream in;
        private final Random random;

        Trickle(InputStream in, Random random) {
            this.in = in;
            this.random = random;
        }

        @Override
        public int read() throws IOException {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return in.read(b, off, Math.min(len, 1 + random.nextInt(random.nextBoolean() ? 16 : 70_000)));
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
