package dev.atelier.ingest;

import org.springframework.util.unit.DataSize;

/** The upload is larger than {@code atelier.ingest.max-upload}; nothing was kept. */
public class UploadTooLargeException extends dev.atelier.shared.ProblemException {

    public UploadTooLargeException(DataSize limit) {
        super(413, dev.atelier.shared.Problems.UPLOAD_TOO_LARGE, "Upload too large", "The file is larger than the upload limit of " + human(limit) + "; nothing was stored.");
    }

    private static String human(DataSize size) {
        long bytes = size.toBytes();
        if (bytes % (1L << 30) == 0) return size.toGigabytes() + " GB";
        if (bytes % (1L << 20) == 0) return size.toMegabytes() + " MB";
        return bytes + " bytes";
    }
}
