package dev.atelier.media.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The frames exchanged with a media worker over its stdin and stdout. Binary and length-prefixed,
 * so nothing a decoder prints can be mistaken for an answer (workers move {@code System.out} to
 * stderr before decoding anything).
 */
final class WorkerProtocol {

    static final String RENDER = "render";
    static final String CAPABILITIES = "capabilities";

    private WorkerProtocol() {
    }

    /** Which engine makes previews of which media types in a worker. */
    record Capabilities(Map<String, List<String>> typesByEngine) {

        static void request(DataOutputStream out) throws IOException {
            out.writeUTF(CAPABILITIES);
            out.flush();
        }

        void write(DataOutputStream out) throws IOException {
            out.writeInt(typesByEngine.size());
            for (var entry : typesByEngine.entrySet()) {
                out.writeUTF(entry.getKey());
                out.writeInt(entry.getValue().size());
                for (String type : entry.getValue()) {
                    out.writeUTF(type);
                }
            }
            out.flush();
        }

        static Capabilities read(DataInputStream in) throws IOException {
            int engines = in.readInt();
            Map<String, List<String>> byEngine = new LinkedHashMap<>();
            for (int i = 0; i < engines; i++) {
                String name = in.readUTF();
                int n = in.readInt();
                List<String> types = new ArrayList<>(n);
                for (int j = 0; j < n; j++) {
                    types.add(in.readUTF());
                }
                byEngine.put(name, List.copyOf(types));
            }
            return new Capabilities(Collections.unmodifiableMap(byEngine));
        }

        Set<String> types() {
            Set<String> all = new TreeSet<>();
            typesByEngine.values().forEach(all::addAll);
            return all;
        }
    }

    /** What to make: from one input file, one JPEG per target, written into {@code outputDir}. */
    record RenderRequest(String input, String mediaType, String outputDir, List<Target> targets, long maxPixels, float quality) {

        void write(DataOutputStream out) throws IOException {
            out.writeUTF(RENDER);
            out.writeUTF(input);
            out.writeUTF(mediaType);
            out.writeUTF(outputDir);
            out.writeInt(targets.size());
            for (Target t : targets) {
                out.writeUTF(t.name());
                out.writeInt(t.maxEdge());
            }
            out.writeLong(maxPixels);
            out.writeFloat(quality);
            out.flush();
        }

        /** The request after its operation name. */
        static RenderRequest read(DataInputStream in) throws IOException {
            String input = in.readUTF();
            String mediaType = in.readUTF();
            String outputDir = in.readUTF();
            int n = in.readInt();
            List<Target> targets = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                targets.add(new Target(in.readUTF(), in.readInt()));
            }
            return new RenderRequest(input, mediaType, outputDir, targets, in.readLong(), in.readFloat());
        }
    }

    record Target(String name, int maxEdge) {
    }

    record Output(String name, String path, int width, int height) {
    }

    /** {@code outcome} is one of {@code ok}, {@code too-large}, {@code unreadable}, {@code error}. */
    record RenderResponse(String outcome, List<Output> outputs, String message) {

        static RenderResponse ok(List<Output> outputs) {
            return new RenderResponse("ok", outputs, "");
        }

        static RenderResponse refused(String outcome, String message) {
            return new RenderResponse(outcome, List.of(), message);
        }

        void write(DataOutputStream out) throws IOException {
            out.writeUTF(outcome);
            out.writeUTF(message);
            out.writeInt(outputs.size());
            for (Output o : outputs) {
                out.writeUTF(o.name());
                out.writeUTF(o.path());
                out.writeInt(o.width());
                out.writeInt(o.height());
            }
            out.flush();
        }

        static RenderResponse read(DataInputStream in) throws IOException {
            String outcome = in.readUTF();
            String message = in.readUTF();
            int n = in.readInt();
            List<Output> outputs = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                outputs.add(new Output(in.readUTF(), in.readUTF(), in.readInt(), in.readInt()));
            }
            return new RenderResponse(outcome, outputs, message);
        }
    }
}
