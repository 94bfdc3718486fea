package dev.atelier.media.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The worker frames of text extraction, beside {@link WorkerProtocol}'s rendering frames. Text can
 * be far longer than {@code writeUTF}'s 64 KB, so it travels as a length-prefixed UTF-8 block.
 */
final class TextFrames {

    static final String EXTRACT_TEXT = "extract-text";

    private TextFrames() {
    }

    /** Parse {@code input} as {@code mediaType} (never sniffed again in the worker), keeping at most {@code maxChars} characters. */
    record TextRequest(String input, String mediaType, int maxChars) {

        void write(DataOutputStream out) throws IOException {
            out.writeUTF(EXTRACT_TEXT);
            out.writeUTF(input);
            out.writeUTF(mediaType);
            out.writeInt(maxChars);
            out.flush();
        }

        /** The request after its operation name. */
        static TextRequest read(DataInputStream in) throws IOException {
            return new TextRequest(in.readUTF(), in.readUTF(), in.readInt());
        }
    }

    /**
     * {@code outcome} is {@code ok}, {@code unsupported}, {@code failed} (the file: encrypted,
     * damaged) or {@code unavailable} (no worker could be started: worth trying again).
     */
    record TextResponse(String outcome, String text, boolean truncated, String message) {

        static TextResponse ok(String text, boolean truncated) {
            return new TextResponse("ok", text, truncated, "");
        }

        static TextResponse refused(String outcome, String message) {
            return new TextResponse(outcome, "", false, message);
        }

        void write(DataOutputStream out) throws IOException {
            out.writeUTF(outcome);
            out.writeUTF(message);
            out.writeBoolean(truncated);
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            out.writeInt(bytes.length);
            out.write(bytes);
            out.flush();
        }

        static TextResponse read(DataInputStream in) throws IOException {
            String outcome = in.readUTF();
            String message = in.readUTF();
            boolean truncated = in.readBoolean();
            int length = in.readInt();
            if (length < 0 || length > 64 << 20) {
                throw new IOException("a worker announced " + length + " bytes of text");
            }
            return new TextResponse(outcome, new String(in.readNBytes(length), StandardCharsets.UTF_8), truncated, message);
        }
    }
}
