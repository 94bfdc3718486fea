package dev.atelier.identity;

/** What pages show for a user id: the display name, or "a former user" for an account that is gone. */
public record DisplayNames(UserManagement users) {

    public String of(UserId id) {
        return users.find(id).map(User::displayName).orElse("a former user");
    }
}
