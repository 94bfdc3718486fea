package dev.atelier.ingest;

/** The uploaded bytes do not hash to the digest the client sent; nothing was kept. */
public class DigestMismatchException extends dev.atelier.shared.ProblemException {

    public DigestMismatchException(String expected, String actual) {
        super(400, dev.atelier.shared.Problems.DIGEST_MISMATCH, "Digest mismatch", "The upload's SHA-256 is " + actual + " but the request said " + expected + "; nothing was stored.");
    }
}
