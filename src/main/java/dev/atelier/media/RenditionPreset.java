package dev.atelier.media;

/** A named dynamic rendition admins keep, e.g. {@code social-square-1080} = {@code w=1080&h=1080&fit=cover}. */
public record RenditionPreset(String name, String label, ImageSpec spec) {
}
