package dev.atelier.media.internal;

import dev.atelier.shared.ProblemException;
import java.net.URI;

/** The problems a dynamic rendition request can end in, besides not-found and a bad parameter. */
final class DeliveryProblems {

    private DeliveryProblems() {
    }

    static final class InvalidSignatureException extends ProblemException {

        InvalidSignatureException() {
            super(403, URI.create("/problems/invalid-signature"), "Invalid signature",
                    "This image URL is unsigned or was altered; ask Atelier for a signed URL.");
        }
    }

    static final class ImageTooLargeRequestException extends ProblemException {

        ImageTooLargeRequestException(int max) {
            super(400, URI.create("/problems/image-size-too-large"), "Image size too large",
                    "Width and height (times dpr) may be at most " + max + " pixels.");
        }
    }

    static final class NoImageException extends ProblemException {

        NoImageException(String reason) {
            super(422, URI.create("/problems/no-image"), "No image", "No image can be made of this asset: " + reason + ".");
        }
    }

    static final class ImagingUnavailableException extends ProblemException {

        ImagingUnavailableException(String reason) {
            super(503, URI.create("/problems/imaging-unavailable"), "Imaging unavailable", reason + "; try again shortly.");
        }
    }
}
