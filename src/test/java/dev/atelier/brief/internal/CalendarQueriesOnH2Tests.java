package dev.atelier.brief.internal;

class CalendarQueriesOnH2Tests extends CalendarQueriesTests {
}
