package dev.atelier.identity.internal;

class IdentityRepositoryOnH2Tests extends IdentityRepositoryTests {
}
