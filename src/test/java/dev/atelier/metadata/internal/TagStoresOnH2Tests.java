package dev.atelier.metadata.internal;

class TagStoresOnH2Tests extends TagStoresTests {
}
