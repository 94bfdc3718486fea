package dev.atelier.media;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Counting faces in images, part of each version's pixel analysis. The media worker runs OpenCV's
 * frontal-face Haar cascade in a Python subprocess on a copy at most 1280 px a side it rendered itself.
 *
 * @param enabled whether faces are counted at all (off: every count is unknown)
 * @param python a Python 3 that can {@code import cv2} (Debian: {@code python3-opencv})
 * @param cascade the Haar cascade file (Debian: {@code opencv-data})
 * @param timeout how long one detection (Python start included) may take before it is stopped and the count is unknown
 * @param memory address space one detection may map ({@code prlimit --as})
 */
@ConfigurationProperties("atelier.media.faces")
public record FaceProperties(@DefaultValue("true") boolean enabled, @DefaultValue("/usr/bin/python3") String python,
        @DefaultValue("/usr/share/opencv4/haarcascades/haarcascade_frontalface_alt2.xml") String cascade,
        @DefaultValue("30s") Duration timeout, @DefaultValue("1GB") DataSize memory) {
}
