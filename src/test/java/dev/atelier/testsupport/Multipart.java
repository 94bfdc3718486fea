package dev.atelier.testsupport;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A small multipart/form-data body builder for tests. */
public final class Multipart {

    private final String boundary = "----atelier" + UUID.randomUUID();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final Map<String, String> fields = new LinkedHashMap<>();

    public static Multipart file(String filename, String contentType, byte[] content) {
        Multipart m = new Multipart();
        m.part("file", filename, contentType, content);
        return m;
    }

    public Multipart field(String name, String value) {
        part(name, null, null, value.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    private void part(String name, String filename, String contentType, byte[] content) {
        StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append('"');
        if (filename != null) {
            head.append("; filename=\"").append(filename.replace("\"", "%22")).append('"');
        }
        head.append("\r\n");
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        head.append("\r\n");
        body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(body.toByteArray());
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
