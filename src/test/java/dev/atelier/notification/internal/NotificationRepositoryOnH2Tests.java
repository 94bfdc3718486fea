package dev.atelier.notification.internal;

class NotificationRepositoryOnH2Tests extends NotificationRepositoryTests {
}
