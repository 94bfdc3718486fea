package dev.atelier.proofing.internal;

import dev.atelier.asset.AssetVersionAdded;
import dev.atelier.proofing.Annotation;
import dev.atelier.proofing.AnnotationsCarriedForward;
import dev.atelier.proofing.CarriedItem;
import dev.atelier.proofing.CarriedItemId;
import dev.atelier.shared.Ids;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * New version → the open threads of the one before become its checklist: every annotation still
 * open on the previous version, and every item carried there that no reviewer confirmed yet
 * (pointing at the same original thread). Durable and idempotent: the event is delivered at least
 * once, and a thread is carried to a version once.
 */
@Component
class CarryForward {

    private final Annotations annotations;
    private final CarriedItems items;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CarryForward(Annotations annotations, CarriedItems items, ApplicationEventPublisher events, Clock clock) {
        this.annotations = annotations;
        this.items = items;
        this.events = events;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(AssetVersionAdded added) {
        if (added.version() < 2) {
            return;
        }
        int previous = added.version() - 1;
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        List<CarriedItemId> carried = new ArrayList<>();
        for (Annotation open : stillOpen(added, previous).values()) {
            var item = new CarriedItem(new CarriedItemId(Ids.uuidV7(clock)), added.assetId(), added.version(), open.id(), open.version(),
                    CarriedItem.label(open.version(), open.opening()), CarriedItem.State.OPEN, now, Optional.empty(), Optional.empty());
            if (items.insert(item)) {
                carried.add(item.id());
            }
        }
        if (!carried.isEmpty()) {
            events.publishEvent(new AnnotationsCarriedForward(added.assetId(), previous, added.version(), carried, added.by()));
        }
    }

    private Map<dev.atelier.proofing.AnnotationId, Annotation> stillOpen(AssetVersionAdded added, int previous) {
        Map<dev.atelier.proofing.AnnotationId, Annotation> threads = new LinkedHashMap<>();
        items.of(added.assetId(), previous).stream().filter(i -> i.state() != CarriedItem.State.CONFIRMED)
                .forEach(i -> annotations.find(i.annotation()).ifPresent(a -> threads.putIfAbsent(a.id(), a)));
        annotations.of(added.assetId(), previous).stream().filter(Annotation::open).forEach(a -> threads.putIfAbsent(a.id(), a));
        return threads;
    }
}
