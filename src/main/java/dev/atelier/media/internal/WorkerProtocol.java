package dev.atelier.media.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The frames exchanged with a media worker over its stdin and stdout. Binary and length-prefixed,
 * so nothing a decoder prints can be mistaken for an answer (workers move {@code System.out} to
 * stderr before decoding anything).
 */
final class WorkerProtocol {

    private WorkerProtocol() {
    }

    /** What to make: from one input file, one JPEG per target, written into {@code outputDir}. */
    record RenderRequest(String input, String mediaType, String outputDir, List<Target> targets, long maxPixels, float quality) {

        void write(DataOutputStream out) throws IOException {
            out.writeUTF("render");
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

        static RenderRequest read(DataInputStream in) throws IOException {
            String op = in.readUTF();
            if (!op.equals("render")) {
                throw new IOException("unknown operation " + op);
            }
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
