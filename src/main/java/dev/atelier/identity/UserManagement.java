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
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating and finding users. */
@Service
public class UserManagement {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,62}");
    /** Deliberately plain: one @, no spaces or brackets, a dotted or single-label domain; the mail server has the last word. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>()\\[\\],;:\"]{1,64}@[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");

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

    /**
     * Sets (or, when blank, removes) a user's e-mail address, kept lower-case. Users change their own,
     * admins anyone's. Publishes {@link UserEmailChanged}.
     *
     * @throws InvalidRequestException when the address is malformed
     * @throws EmailTakenException when another user has it
     * @throws NotFoundException when there is no such user
     */
    @Transactional
    public User setEmail(Actor by, UserId userId, String email) {
        if (!by.id().equals(userId)) {
            by.require(Role.ADMIN);
        }
        User user = get(userId);
        Optional<String> address = normalizeEmail(email);
        if (address.equals(user.email())) {
            return user;
        }
        address.flatMap(users::findByEmail).filter(other -> !other.id().equals(userId)).ifPresent(other -> {
            throw new EmailTakenException(address.get());
        });
        try {
            users.updateEmail(userId, address);
        } catch (DuplicateKeyException e) {
            throw new EmailTakenException(address.get());
        }
        events.publishEvent(new UserEmailChanged(userId, by.id(), address.isEmpty()));
        return new User(user.id(), user.username(), user.displayName(), user.role(), user.enabled(), user.createdAt(), address);
    }

    private static Optional<String> normalizeEmail(String email) {
        String address = email.strip().toLowerCase(java.util.Locale.ROOT);
        if (address.isEmpty()) {
            return Optional.empty();
        }
        if (address.length() > 254 || !EMAIL.matcher(address).matches()) {
            throw new InvalidRequestException("'" + email.strip() + "' is not an e-mail address like name@example.com.");
        }
        return Optional.of(address);
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
