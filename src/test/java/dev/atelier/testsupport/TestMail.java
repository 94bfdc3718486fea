package dev.atelier.testsupport;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * A GreenMail SMTP server on 127.0.0.1 for the whole test JVM, which the shared application mails
 * through (see {@link IntegrationTest}). Tests read what one address received; give each test its own
 * address (e.g. {@code UniqueWords.next() + "@example.test"}) so tests never see each other's mail.
 */
public final class TestMail {

    /** A received mail: its subject, plain-text part and HTML part (empty when absent). */
    public record Mail(String from, String subject, String text, String html) {
    }

    private static final GreenMail SERVER = start();

    private TestMail() {
    }

    public static String host() {
        return "127.0.0.1";
    }

    public static int port() {
        return SERVER.getSmtp().getPort();
    }

    /** Everything mailed to the address so far, oldest first. */
    public static List<Mail> to(String address) {
        return Arrays.stream(SERVER.getReceivedMessages()).filter(m -> addressedTo(m, address)).map(TestMail::read).toList();
    }

    /** Waits (up to 30 s) until the address has received at least {@code count} mails, and returns them all. */
    public static List<Mail> await(String address, int count) {
        return Poll.until(() -> to(address), mails -> mails.size() >= count, Duration.ofSeconds(30));
    }

    /** Starts a GreenMail on 127.0.0.1 at the given port (0: any free one); for tests that need their own server. */
    public static GreenMail startServer(int port) {
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        GreenMail server = new GreenMail(port == 0 ? setup.dynamicPort() : setup)
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        server.start();
        return server;
    }

    /** The mails a server received, read into their parts. */
    public static List<Mail> received(GreenMail server) {
        return Arrays.stream(server.getReceivedMessages()).map(TestMail::read).toList();
    }

    private static GreenMail start() {
        GreenMail server = startServer(0);
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }

    private static boolean addressedTo(MimeMessage message, String address) {
        try {
            Address[] to = message.getRecipients(Message.RecipientType.TO);
            return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Mail read(MimeMessage message) {
        try {
            StringBuilder text = new StringBuilder();
            StringBuilder html = new StringBuilder();
            collect(message, text, html);
            return new Mail(message.getFrom()[0].toString(), message.getSubject(), text.toString(), html.toString());
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collect(Part part, StringBuilder text, StringBuilder html) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            text.append(part.getContent());
        } else if (part.isMimeType("text/html")) {
            html.append(part.getContent());
        } else if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), text, html);
            }
        }
    }
}
