package dev.atelier.identity;

import dev.atelier.identity.internal.Users;
import dev.atelier.shared.Ids;
import dev.atelier.shared.InvalidRequestException;
import dev.atelier.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating and finding users. */
@Service
public class UserManagement {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,62}");

    private final Users users;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    UserManagement(Users users, PasswordEncoder passwords, ApplicationEventPublisher events, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.events = events;
        this.clock = clock;
    }

    /**
     * @throws UsernameTakenException when the name is in use
     * @throws InvalidRequestException when the name or password is unacceptable
     */
    @Transactional
    public User createUser(Actor by, String username, String displayName, String password, Role role) {
        by.require(Role.ADMIN);
        User user = create(username, displayName, password, role);
        events.publishEvent(new UserCreated(user.id(), user.username(), user.role(), Optional.of(by.id())));
        return user;
    }

    /** Creates the first administrator; only for bootstrapping, no actor exists yet. */
    @Transactional
    public Optional<User> createInitialAdmin(String password) {
        if (users.findByUsername("admin").isPresent()) {
            return Optional.empty();
        }
        User admin = create("admin", "Administrator", password, Role.ADMIN);
        events.publishEvent(new UserCreated(admin.id(), admin.username(), admin.role(), Optional.empty()));
        return Optional.of(admin);
    }

    private User create(String username, String displayName, String password, Role role) {
        String name = username.strip().toLowerCase();
        if (!USERNAME.matcher(name).matches()) {
            throw new InvalidRequestException("A username has 2 to 63 lower-case letters, digits, '.', '_' or '-'.");
        }
        if (password.length() < 8) {
            throw new InvalidRequestException("A password needs at least 8 characters.");
        }
        if (users.findByUsername(name).isPresent()) {
            throw new UsernameTakenException(name);
        }
        User user = new User(new UserId(Ids.uuidV7()), name, displayName.isBlank() ? name : displayName.strip(), role, true,
                Instant.now(clock).truncatedTo(ChronoUnit.MICROS));
        users.insert(user, passwords.encode(password));
        return user;
    }

    @Transactional(readOnly = true)
    public Optional<User> findByUsername(String username) {
        return users.findByUsername(username.strip().toLowerCase());
    }

    @Transactional(readOnly = true)
    public Optional<User> find(UserId id) {
        return users.findById(id);
    }

    /** Enabled users by name, for pickers (assignees, reviewers): anyone signed in may see who they can work with. */
    @Transactional(readOnly = true)
    public List<User> directory(Actor by) {
        by.require(Role.VIEWER);
        return users.findAll().stream().filter(User::enabled)
                .sorted(java.util.Comparator.comparing((User u) -> u.displayName().toLowerCase()).thenComparing(User::username)).toList();
    }

    /** Every account, for resolving roles to people (workflow reviewers); no rights check. */
    @Transactional(readOnly = true)
    public List<User> all() {
        return users.findAll();
    }

    @Transactional(readOnly = true)
    public User get(UserId id) {
        return users.findById(id).orElseThrow(() -> new NotFoundException("user " + id));
    }

    @Transactional(readOnly = true)
    public List<User> list(Actor by) {
        by.require(Role.ADMIN);
        return users.findAll();
    }
}
