package dev.atelier.media;

/**
 * Whether this server can count faces, as the System page and the health check show it.
 *
 * @param detail the engine when available (e.g. {@code OpenCV 4.6.0, Haar cascade haarcascade_frontalface_alt2.xml}),
 *     otherwise why not and what to install
 */
public record FaceDetection(boolean available, String detail) {
}
