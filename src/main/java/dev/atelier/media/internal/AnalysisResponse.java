package dev.atelier.media.internal;

import dev.atelier.media.ColourName;
import dev.atelier.media.FaceCount;
import dev.atelier.media.PixelAnalysis;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A worker's answer to an {@link WorkerProtocol#ANALYSE} request: {@code outcome} as in
 * {@link WorkerProtocol.RenderResponse} ({@code ok}, {@code unsupported}, {@code too-large},
 * {@code unreadable}, {@code error}, {@code unavailable}); the analysis only when {@code ok}.
 */
record AnalysisResponse(String outcome, String message, PixelAnalysis analysis) {

    private static final PixelAnalysis NONE = new PixelAnalysis(0, 0, List.of(), false, 0, new FaceCount.Unavailable("not analysed"));

    static AnalysisResponse ok(PixelAnalysis analysis) {
        return new AnalysisResponse("ok", "", analysis);
    }

    static AnalysisResponse refused(String outcome, String message) {
        return new AnalysisResponse(outcome, message, NONE);
    }

    void write(DataOutputStream out) throws IOException {
        out.writeUTF(outcome);
        out.writeUTF(message);
        out.writeInt(analysis.width());
        out.writeInt(analysis.height());
        out.writeInt(analysis.colours().size());
        for (ColourName c : analysis.colours()) {
            out.writeUTF(c.name());
            out.writeUTF(c.hex());
            out.writeDouble(c.share());
        }
        out.writeBoolean(analysis.transparent());
        out.writeLong(analysis.hash());
        writeFaces(out, analysis.faces());
        out.flush();
    }

    private static void writeFaces(DataOutputStream out, FaceCount faces) throws IOException {
        out.writeUTF(switch (faces) {
            case FaceCount.Counted c -> "counted";
            case FaceCount.Unavailable u -> "unavailable";
            case FaceCount.Failed f -> "failed";
        });
        out.writeInt(faces.count().orElse(0));
        out.writeUTF(faces.reason());
    }

    private static FaceCount readFaces(DataInputStream in) throws IOException {
        String kind = in.readUTF();
        int count = in.readInt();
        String reason = in.readUTF();
        return switch (kind) {
            case "counted" -> new FaceCount.Counted(count);
            case "unavailable" -> new FaceCount.Unavailable(reason);
            case "failed" -> new FaceCount.Failed(reason);
            default -> throw new IOException("a worker reported faces as '" + kind + "'");
        };
    }

    static AnalysisResponse read(DataInputStream in) throws IOException {
        String outcome = in.readUTF();
        String message = in.readUTF();
        int width = in.readInt();
        int height = in.readInt();
        int n = in.readInt();
        if (n < 0 || n > DominantColours.CLUSTERS) {
            throw new IOException("a worker reported " + n + " colours");
        }
        List<ColourName> colours = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            colours.add(new ColourName(in.readUTF(), in.readUTF(), in.readDouble()));
        }
        boolean transparent = in.readBoolean();
        long hash = in.readLong();
        return new AnalysisResponse(outcome, message, new PixelAnalysis(width, height, colours, transparent, hash, readFaces(in)));
    }
}
