package dev.atelier.media.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.testsupport.TestImages;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExifOrientationTests {

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 6, 8})
    void readsTheOrientationOfBothByteOrders(int orientation) {
        byte[] plain = TestImages.jpeg(40, 20, Color.RED);
        assertThat(ExifOrientation.fromJpegHead(withExif(plain, orientation, ByteOrder.BIG_ENDIAN))).isEqualTo(orientation);
        assertThat(ExifOrientation.fromJpegHead(withExif(plain, orientation, ByteOrder.LITTLE_ENDIAN))).isEqualTo(orientation);
        assertThat(ExifOrientation.fromJpegHead(plain)).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource({
            "1, 0, 0, 1, 0",   // a 2×1 image: red at (0,0), blue at (1,0); where do they land?
            "2, 1, 0, 0, 0",
            "3, 1, 0, 0, 0",
            "4, 0, 0, 1, 0",
            "5, 0, 0, 0, 1",
            "6, 0, 0, 0, 1",
            "7, 0, 1, 0, 0",
            "8, 0, 1, 0, 0"})
    void turnsPixelsTheWayExifSays(int orientation, int redX, int redY, int blueX, int blueY) {
        BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, Color.RED.getRGB());
        image.setRGB(1, 0, Color.BLUE.getRGB());

        BufferedImage upright = ExifOrientation.apply(image, orientation);

        assertThat(upright.getRGB(redX, redY)).isEqualTo(Color.RED.getRGB());
        assertThat(upright.getRGB(blueX, blueY)).isEqualTo(Color.BLUE.getRGB());
    }

    @org.junit.jupiter.api.Test
    void ignoresDamagedExif() {
        byte[] jpeg = withExif(TestImages.jpeg(40, 20, Color.RED), 6, ByteOrder.BIG_ENDIAN);
        byte[] damaged = Arrays.copyOf(jpeg, 30);
        assertThat(ExifOrientation.fromJpegHead(damaged)).isEqualTo(1);
    }

    /** Inserts an APP1 Exif segment whose IFD0 holds only the orientation tag. */
    static byte[] withExif(byte[] jpeg, int orientation, ByteOrder order) {
        ByteBuffer tiff = ByteBuffer.allocate(26).order(order);
        tiff.putShort(order == ByteOrder.LITTLE_ENDIAN ? (short) 0x4949 : (short) 0x4D4D).putShort((short) 42).putInt(8);
        tiff.putShort((short) 1);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putInt(0);
        byte[] exif = new byte[6 + tiff.capacity()];
        System.arraycopy(new byte[] {'E', 'x', 'i', 'f', 0, 0}, 0, exif, 0, 6);
        System.arraycopy(tiff.array(), 0, exif, 6, tiff.capacity());
        var out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        out.write(0xFF);
        out.write(0xE1);
        out.write((exif.length + 2) >> 8);
        out.write((exif.length + 2) & 0xFF);
        out.writeBytes(exif);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }
}
