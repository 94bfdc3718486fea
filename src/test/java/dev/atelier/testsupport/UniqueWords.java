package dev.atelier.testsupport;

import java.util.Random;

/** Made-up words no other test uses, so searches in the shared application find only this test's assets. */
public final class UniqueWords {

    private static final Random RANDOM = new Random();

    private UniqueWords() {
    }

    /** {@code zq} and eight lower-case letters: one token to every analyser. */
    public static String next() {
        StringBuilder b = new StringBuilder("zq");
        for (int i = 0; i < 8; i++) {
            b.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return b.toString();
    }

    /** {@code tx} and eight letters OCR does not confuse (no i, l, o, q, g, j, z), for words a test draws into an image. */
    public static String legible() {
        String letters = "abcdefhkmnprstuvwxy";
        StringBuilder b = new StringBuilder("tx");
        for (int i = 0; i < 8; i++) {
            b.append(letters.charAt(RANDOM.nextInt(letters.length())));
        }
        return b.toString();
    }
}
