package dev.atelier.identity.internal;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

@Component
class AtelierUserDetailsService implements UserDetailsService {

    private final Users users;

    AtelierUserDetailsService(Users users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        String name = username.strip().toLowerCase();
        return users.findByUsername(name)
                .map(user -> new AtelierPrincipal(user, users.passwordHash(name).orElse(null)))
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }
}
