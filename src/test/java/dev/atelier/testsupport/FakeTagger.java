package dev.atelier.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * An external tagging service on 127.0.0.1 for the whole test JVM, started before the application
 * (see {@link IntegrationTest}). A test scripts the answer for images of one exact size, which it
 * reads from the JPEG's frame header (the preview keeps an image's size when it fits 2048 px), so
 * tests sharing the application never see each other's answers; other sizes get no tags.
 */
public final class FakeTagger {

    /** The bearer token the application is configured to send. */
    public static final String TOKEN = "tagger-test-token";

    /** What the tagger answers: an HTTP status and a body. */
    public record Answer(int status, String body) {

        public static Answer tags(String json) {
            return new Answer(200, json);
        }
    }

    /** One request as received. */
    public record Received(String contentType, String authorization, byte[] body, int width, int height) {

        public boolean isJpeg() {
            return body.length > 3 && (body[0] & 0xff) == 0xFF && (body[1] & 0xff) == 0xD8 && (body[2] & 0xff) == 0xFF;
        }
    }

    private static final Map<String, Answer> ANSWERS = new ConcurrentHashMap<>();
    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static final HttpServer SERVER = start();

    private FakeTagger() {
    }

    public static String url() {
        return "http://127.0.0.1:" + SERVER.getAddress().getPort() + "/tag";
    }

    /** From now on, images of this size are answered so. */
    public static void answer(int width, int height, Answer answer) {
        ANSWERS.put(width + "x" + height, answer);
    }

    /** Requests received for images of this size, oldest first. */
    public static List<Received> received(int width, int height) {
        return RECEIVED.stream().filter(r -> r.width() == width && r.height() == height).toList();
    }

    private static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/tag", FakeTagger::handle);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int[] size = jpegSize(body);
            RECEIVED.add(new Received(exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Authorization"), body, size[0], size[1]));
            Answer answer = ANSWERS.getOrDefault(size[0] + "x" + size[1], Answer.tags("{\"tags\":[]}"));
            byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
            exchange.getResponseBody().write(out);
        }
    }

    /** Width and height from the first start-of-frame marker; 0×0 when there is none. */
    static int[] jpegSize(byte[] b) {
        int i = 2;
        while (i + 9 < b.length && (b[i] & 0xff) == 0xFF) {
            int marker = b[i + 1] & 0xff;
            int length = ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
            if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                return new int[] {((b[i + 7] & 0xff) << 8) | (b[i + 8] & 0xff), ((b[i + 5] & 0xff) << 8) | (b[i + 6] & 0xff)};
            }
            i += 2 + length;
        }
        return new int[] {0, 0};
    }
}
