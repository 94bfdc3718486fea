package dev.atelier.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.icegreen.greenmail.util.GreenMail;
import dev.atelier.notification.NotificationProperties;
import dev.atelier.testsupport.Poll;
import dev.atelier.testsupport.TestMail;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import tools.jackson.databind.json.JsonMapper;

/**
 * An SMTP outage against the real mail job on a real db-scheduler (H2 in memory): the mail waits in
 * its job and is retried until the server is back, then delivered once; past max-attempts it is given up.
 */
class MailRetryTests {

    private final DataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    private final JdbcClient jdbc = JdbcClient.create(dataSource);
    private final int port = freePort();
    private Scheduler scheduler;
    private GreenMail smtp;

    @AfterEach
    void stop() {
        if (scheduler != null) {
            scheduler.stop();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void keepsRetryingWhileTheSmtpServerIsDownAndDeliversOnceItIsBack() {
        MailOutbox outbox = start(10);
        outbox.enqueue("notice-1", new OutgoingMail("ana@example.test", "[Atelier] Review requested", "text", "<p>html</p>"));

        Poll.until(this::failures, failures -> failures >= 2, Duration.ofSeconds(20));
        assertThat(queued()).isOne();

        smtp = TestMail.startServer(port);
        Poll.until(() -> TestMail.received(smtp), mails -> !mails.isEmpty(), Duration.ofSeconds(20));
        Poll.until(this::queued, queued -> queued == 0, Duration.ofSeconds(10));
        assertThat(TestMail.received(smtp)).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("[Atelier] Review requested");
            assertThat(mail.text()).isEqualTo("text");
            assertThat(mail.html()).isEqualTo("<p>html</p>");
        });
    }

    @Test
    void givesTheMailUpAfterMaxAttempts() {
        MailOutbox outbox = start(2);
        outbox.enqueue("notice-2", new OutgoingMail("ben@example.test", "[Atelier] Lost", "text", "<p>html</p>"));

        // no server ever listened, so the job can only have ended by giving up
        Poll.until(this::queued, queued -> queued == 0, Duration.ofSeconds(20));
    }

    private MailOutbox start(int maxAttempts) {
        new ResourceDatabasePopulator(new ClassPathResource("db/migration/V5__jobs.sql")).execute(dataSource);
        var properties = new NotificationProperties(true, "atelier@test", URI.create("http://atelier.test"), LocalTime.of(8, 0),
                Duration.ofMillis(200), maxAttempts);
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        Properties timeouts = new Properties();
        timeouts.put("mail.smtp.connectiontimeout", "2000");
        timeouts.put("mail.smtp.timeout", "2000");
        sender.setJavaMailProperties(timeouts);
        var beans = new DefaultListableBeanFactory();
        beans.registerSingleton("sender", sender);
        MailOutbox outbox = new MailOutbox(beans.getBeanProvider(JavaMailSender.class), properties,
                SchedulerClient.Builder.create(dataSource).build(), JsonMapper.builder().build(), Clock.systemUTC());
        scheduler = Scheduler.create(dataSource, NotificationJobs.mailTask(outbox, properties)).pollingInterval(Duration.ofMillis(100))
                .threads(1).build();
        scheduler.start();
        return outbox;
    }

    private int queued() {
        return jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'notification-mail'").query(Integer.class).single();
    }

    private int failures() {
        return jdbc.sql("SELECT COALESCE(MAX(consecutive_failures), 0) FROM scheduled_tasks WHERE task_name = 'notification-mail'")
                .query(Integer.class).single();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
