package dev.atelier.identity.internal;

import dev.atelier.identity.IdentityProperties;
import dev.atelier.identity.UserManagement;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Creates the {@code admin} user on the first start, so a fresh install can be logged into. */
@Component
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserManagement users;
    private final IdentityProperties properties;

    AdminBootstrap(UserManagement users, IdentityProperties properties) {
        this.users = users;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean generated = properties.adminPassword() == null || properties.adminPassword().isBlank();
        String password = generated ? randomPassword() : properties.adminPassword();
        users.createInitialAdmin(password).ifPresent(admin -> {
            if (generated) {
                log.warn("Created user 'admin' with generated password: {}  (shown once; set ATELIER_ADMIN_PASSWORD to choose it)",
                        password);
            } else {
                log.info("Created user 'admin' with the password from ATELIER_ADMIN_PASSWORD");
            }
        });
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
